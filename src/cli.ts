// The kumoscan command line (commander). Parses flags, runs the scan, writes the report, returns the exit code.
// Only what parsing and help need is imported up front; what a command runs is imported when it runs (with the
// cloud SDKs behind the adapters' collect()), so --version, --help and the offline commands start fast.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Lang, TableOptions } from '../reports/render/table.js';
import { EXIT, UsageError } from './errors.js';
import { SEVERITIES, type Severity } from './model.js';
import { parseSeverityList } from './severity-list.js';
import { VERSION } from './package-info.js';
import type { FailOn } from './scan.js';
import { DEFAULT_SAMPLE_LIMITS } from './data/sample-plan.js';
import { DEFAULT_CALL_TIMEOUT_MS, parseDuration } from './call-limits.js';
import { ocrOptions } from './ocr-flags.js';
import type { SampleMode } from './data/sampling-stage.js';
import { providerIds, providerInfo } from './provider-registry.js';
import { registerClassifyCommand } from './classify-cli.js';
import { registerDemoCommand } from './demo/command.js';
import { registerDiffCommand } from './diff-command.js';
import { registerMergeCommand } from './merge-command.js';
import { registerHistoryCommand } from './history/command.js';
import { parseHistoryTarget } from './history/target.js';
import { historyTargetFrom, reportWithHistory } from './history/history-flag.js';
import { parseShard, type Shard } from './shard.js';
import type { Format } from '../reports/render/formats.js';
import { FORMAT_HELP, formatList } from '../reports/render/format-option.js';
import { parseEntrustee } from '../reports/appi/entrustment.js';
import { parseIsoDate } from '../reports/appi/deadlines.js';
import type { Entrustee } from '../reports/appi/types.js';
import { scanLogger, ReportedError, type LogFormat } from './log/cli-logging.js';
import { redact } from './log/redact.js';
import { escapeControls } from './text/sanitize.js';
import { installCancelHandlers } from './io/cancel.js';
import { checkOutputFile } from './io/output-paths.js';
import { guardStandardStreams } from './io/closed-pipe.js';
import { defaultLang, langOption } from './lang-option.js';
import { evidenceOption, type EvidenceKind } from './evidence/evidence-option.js';
import { locateConfig } from './config/locate.js';
import { evidenceRequest, parseSince } from './evidence/request.js';
import { DEFAULT_READS_LIMITS } from './evidence/reads/limits.js';

import { registerTerraformCommand } from './terraform/cli.js';

interface ScanFlags {
  buckets: string[];
  concurrency: number;
  format: Format[];
  out?: string;
  outDir?: string;
  failOn: FailOn;
  saveSnapshot?: string;
  input?: string;
  lang: Lang;
  /** --severity: the severities the table shows; --details: every finding on its own line. */
  severity?: Severity[];
  details?: boolean;
  progress: boolean;
  logFormat: LogFormat;
  quiet?: boolean;
  verbose?: boolean;
  probe?: boolean;
  sample: SampleMode;
  sampleObjects: number;
  sampleBytes: number;
  sampleTotal: number;
  sampleTimeout: number;
  /** --call-timeout / --scan-timeout, in milliseconds. */
  callTimeout: number;
  scanTimeout?: number;
  ocr: 'on' | 'off';
  ocrMaxImages: number;
  /** Milliseconds. */
  ocrTimeLimit: number;
  declare: Record<string, number>;
  discoveredAt?: string;
  entrustee: Entrustee[];
  shard?: Shard;
  baseline?: string;
  config?: string;
  /** --evidence changes,reads; --redact-ips. */
  evidence?: EvidenceKind[];
  redactIps?: boolean;
  /** --history PATH|URL (docs/history.md). */
  history?: string;
  /** Provider-specific options (see each adapter's options()). */
  [provider: string]: unknown;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('must be an integer from 1 to 256');
  return n;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** 1048576, 512KiB, 1MiB, 2GB … (binary units). */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(value.trim());
  const unit = m ? SIZE_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new InvalidArgumentError('must be a size such as 1048576, 512KiB, 1MiB or 2GiB');
  const n = Math.floor(Number(m[1]) * unit);
  if (n < 1) throw new InvalidArgumentError('must be at least 1 byte');
  return n;
}

/** --call-timeout / --scan-timeout: 30s, 10m, 2h, 500ms, or seconds -> milliseconds. */
function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('must be a duration such as 30s, 10m or 2h');
  return ms;
}

/** --declare BUCKET=COUNT, accumulated into a map. */
function declaration(value: string, previous: Record<string, number>): Record<string, number> {
  const i = value.lastIndexOf('=');
  const name = value.slice(0, i).trim();
  const count = Number(value.slice(i + 1));
  if (i <= 0 || !name || !Number.isInteger(count) || count < 0) throw new InvalidArgumentError('must be BUCKET=COUNT with a whole number, e.g. hr-exports=1500');
  return { ...previous, [name]: count };
}

/** --discovered-at YYYY-MM-DD (a real calendar date). */
function isoDate(value: string): string {
  const date = parseIsoDate(value);
  if (date === null) throw new InvalidArgumentError('must be a date YYYY-MM-DD, e.g. 2026-11-22');
  return date;
}

/** --shard INDEX/COUNT (0 ≤ INDEX < COUNT). */
function shardOption(value: string): Shard {
  const parsed = parseShard(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

/** --entrustee ID=NAME:CONTRACT-REF, accumulated into a list. */
function entrusteeOption(value: string, previous: Entrustee[]): Entrustee[] {
  const parsed = parseEntrustee(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return [...previous, parsed];
}

/** --severity critical,high. */
function severityList(value: string): Severity[] {
  const parsed = parseSeverityList(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

const SEVERITY_HELP = 'severities the table shows, comma-separated (e.g. critical,high); the JSON keeps every finding and --fail-on alone sets the exit code';
const DETAILS_HELP = 'the table lists every finding on its own line instead of one line per check';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const SCAN_EXAMPLES = `
Examples:
  # scan every bucket of the account behind the default credential chain
  $ kumoscan scan aws

  # a named profile (SSO works too), one region as home, only buckets starting with "hr-"
  $ kumoscan scan aws --profile audit --region ap-northeast-1 --buckets 'hr-*'

  # assume a read-only role in another account, JSON report into a file, fail on medium or worse
  $ kumoscan scan aws --role-arn arn:aws:iam::123456789012:role/kumoscan-audit --format json --out report.json --fail-on medium

  # an S3-compatible store (MinIO, a Japanese provider's S3-compatible service)
  $ kumoscan scan aws --endpoint-url https://s3.example.jp --region jp-east-1

  # Azure: every subscription DefaultAzureCredential can see; GCS: named projects
  $ kumoscan scan azure --subscription 0b1f6471-1bf0-4dda-aec3-111122223333
  $ kumoscan scan gcp --project kumo-hr-prod --gcp-domain example.co.jp

  # confirm public verdicts from outside, and sample every bucket for personal data
  $ kumoscan scan aws --probe --sample all

  # scopes, inventory, entrustees, suppressions and severity overrides from a file (./kumoscan.yml is read by default)
  $ kumoscan scan aws --config ops/kumoscan.yml

  # keep the raw answers, then evaluate them offline later (no credentials needed)
  $ kumoscan scan aws --save-snapshot snap.json
  $ kumoscan scan --input snap.json --format json

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage or configuration error (also: a malformed, special or too large input file, an unwritable output path)
  3  scan incomplete (some calls failed; see "errors" in the report)
  130, 143  cancelled by SIGINT / SIGTERM (no file is left half-written)
`;

function buildProgram(setExit: (code: number) => void, write: (text: string) => void): Command {
  const program = new Command();
  program
    .name('kumoscan')
    .description('Scan cloud object storage for exposed data and tie every finding to APPI (個人情報保護法) duties.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Commander quotes the bad argument back: a control character in it is shown escaped (src/text/sanitize.ts).
    .configureOutput({ outputError: (text, out) => out(`${escapeControls(text.replace(/\n$/, ''))}\n`) });

  const scanCommand = program
    .command('scan')
    .description('scan a cloud account (or a saved snapshot) and report what is really public')
    .argument('[provider]', `cloud to scan: ${providerIds().join(', ')} (not needed with --input)`)
    .option('--buckets <glob>', 'only buckets matching the glob (repeatable, or comma-separated)', collect, [])
    .option('--concurrency <n>', 'buckets collected at once', positiveInt, 8)
    .addOption(new Option('--format <formats>', FORMAT_HELP).argParser(formatList).default(['table'], 'table'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--out-dir <dir>', 'write each format into DIR as kumoscan-report.<ext> (json, html, sarif, md, csv, txt)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .option('--save-snapshot <file>', 'also write the raw snapshot (the API answers) to a file')
    .option('--input <snapshot>', 'evaluate a saved snapshot offline instead of calling the cloud')
    .addOption(langOption('language of the table'))
    .addOption(new Option('--severity <list>', SEVERITY_HELP).argParser(severityList))
    .option('--details', DETAILS_HELP)
    .option('--probe', 'confirm public verdicts from outside: anonymous GET of the listing and one object')
    .option('--probe-endpoint <url>', 'send probes to this endpoint instead of the provider\'s public one (S3-compatible stores, tests)')
    .addOption(new Option('--sample <mode>', 'read a bounded sample of objects to find personal data: exposed (readable or listable by anyone, or unverified), all, none').choices(['exposed', 'all', 'none']).default('exposed').helpGroup('Personal-data sampling:'))
    .addOption(new Option('--sample-objects <n>', 'objects sampled per bucket').argParser(positiveInt).default(DEFAULT_SAMPLE_LIMITS.objectsPerResource).helpGroup('Personal-data sampling:'))
    .addOption(new Option('--sample-bytes <size>', 'bytes read per object (a range GET; e.g. 1MiB)').argParser(byteSize).default(DEFAULT_SAMPLE_LIMITS.bytesPerObject).helpGroup('Personal-data sampling:'))
    .addOption(new Option('--sample-total <size>', 'bytes read in the whole scan (e.g. 64MiB)').argParser(byteSize).default(DEFAULT_SAMPLE_LIMITS.bytesPerScan).helpGroup('Personal-data sampling:'))
    .addOption(new Option('--sample-timeout <seconds>', 'time per object read').argParser(positiveInt).default(DEFAULT_SAMPLE_LIMITS.msPerObject / 1000).helpGroup('Personal-data sampling:'))
    .addOption(ocrOptions.ocr().helpGroup('Personal-data sampling:'))
    .addOption(ocrOptions.maxImages('per bucket').helpGroup('Personal-data sampling:'))
    .addOption(ocrOptions.timeLimit('per bucket').helpGroup('Personal-data sampling:'))
    .addOption(new Option('--declare <bucket=count>', 'declared number of persons in a bucket, overriding the estimate (repeatable; kumoscan.yml `inventory:` also declares categories and bucket patterns)').argParser(declaration).default({}).helpGroup('Personal-data sampling:'))
    .addOption(evidenceOption())
    .addOption(new Option('--redact-ips', 'leave client IP addresses out of the evidence (snapshot and every report format); counts stay').helpGroup('Evidence:'))
    .addOption(new Option('--discovered-at <date>', 'the day the business knew of an exposure (知った日, YYYY-MM-DD) for the breach-report deadlines (default: the scan date in Asia/Tokyo)').argParser(isoDate).helpGroup('APPI assessment:'))
    .addOption(new Option('--entrustee <id=name:contract>', 'a known entrustee (委託先) with its contract reference; ID is an account id, principal id or domain (repeatable; also kumoscan.yml `entrustees:`)').argParser(entrusteeOption).default([]).helpGroup('APPI assessment:'))
    .addOption(new Option('--since <date>', 'start of the exposure window whose logs are read (YYYY-MM-DD in Asia/Tokyo, or an ISO date-time with its zone; default: all the logs there are)').argParser(parseSince).helpGroup('Evidence:'))
    .addOption(new Option('--evidence-max-bytes <size>', 'bytes of access logs downloaded in the whole scan (e.g. 256MiB)').argParser(byteSize).default(DEFAULT_READS_LIMITS.maxBytes, '256MiB').helpGroup('Evidence:'))
    .addOption(new Option('--evidence-timeout <duration>', 'time for reading the access logs (5m, 1h …); what is left is a recorded error').argParser(duration).default(DEFAULT_READS_LIMITS.timeMs, '5m').helpGroup('Evidence:'))
    .option('--config <file>', 'configuration file (default: ./kumoscan.yml or ./kumoscan.yaml when present); flags given here win over it')
    .option('--no-progress', 'no progress bar and no per-resource lines on standard error')
    .addOption(new Option('--log-format <format>', 'standard error: auto (a progress bar on a terminal, text lines otherwise), text, or json (JSON lines for log collectors)').choices(['auto', 'text', 'json']).default('auto'))
    .option('-q, --quiet', 'nothing on standard error but an error that stops the scan')
    .option('--verbose', 'a log line for every resource (text and json logs)')
    .addOption(new Option('--shard <index/count>', 'scan one shard of the buckets (Azure: storage accounts), 0-based: --shard $JOB_COMPLETION_INDEX/4; join the JSON reports with kumoscan merge').argParser(shardOption).helpGroup('Operations:'))
    .addOption(new Option('--call-timeout <duration>', 'time one remote call may take, retries included (30s, 2m …); a call that runs out is a recorded error').argParser(duration).default(DEFAULT_CALL_TIMEOUT_MS, '30s').helpGroup('Operations:'))
    .addOption(new Option('--scan-timeout <duration>', 'deadline of the whole scan (10m, 2h …): then no new call starts, what is left is recorded as not done, the report is written, exit 3 (default: none)').argParser(duration).helpGroup('Operations:'))
    .addOption(new Option('--baseline <report.json>', 'mark findings new / unchanged against an earlier JSON report, and list the resolved ones').helpGroup('Operations:'))
    .addOption(new Option('--history <path|url>', 'store the run in the exposure history and show in the report what it says (public since, 発生日): a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST:PORT/DATABASE (kumoscan history reads it)').helpGroup('Operations:'))
    .addHelpText('after', SCAN_EXAMPLES)
    .action(async (provider: string | undefined, flags: ScanFlags, cmd: Command) => {
      const source = (flag: string): string | undefined => cmd.getOptionValueSource(flag);
      setExit(await runScan(provider, flags, write, (flag) => source(flag) !== undefined && source(flag) !== 'default'));
    });
  for (const id of providerIds()) for (const option of providerInfo(id)?.options() ?? []) scanCommand.addOption(option);
  registerTerraformCommand(scanCommand, setExit, write);
  registerClassifyCommand(program, setExit, write);
  program
    .command('report')
    .description('re-render saved JSON reports (kumoscan scan --format json) as HTML, SARIF, Markdown, CSV, a table or JSON')
    .argument('<scan.json...>', 'one or more JSON reports (html, sarif, md and csv combine several into one file)')
    .addOption(new Option('--format <formats>', FORMAT_HELP).argParser(formatList).default(['html'], 'html; table when standard output is a terminal'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--out-dir <dir>', 'write each format into DIR as kumoscan-report.<ext>')
    .addOption(langOption('language of the table, Markdown and SARIF messages (the HTML report has a switch)'))
    .option('--baseline <report.json>', 'mark findings new / unchanged against an earlier JSON report, and list the resolved ones')
    .addOption(new Option('--severity <list>', SEVERITY_HELP).argParser(severityList))
    .option('--details', DETAILS_HELP)
    .option('--history <path|url>', 'show what the exposure history says (public since, 発生日, the still-reportable window): a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST:PORT/DATABASE; nothing is stored')
    .option('--config <file>', 'configuration file whose `history:` is used when --history is not given (default: ./kumoscan.yml when present)')
    .action(async (files: string[], given: { format: Format[]; out?: string; outDir?: string; lang: Lang; baseline?: string; severity?: Severity[]; details?: boolean; history?: string; config?: string }, cmd: Command) => {
      const flags = { ...given, format: reportFormats(given, files.length, cmd.getOptionValueSource('format') === 'default', process.stdout.isTTY === true) };
      const [{ checkOutputs, emitReports }, { readReportFile }, { applyBaseline }] = await Promise.all([import('../reports/render/output.js'), import('../reports/render/load.js'), import('../reports/baseline.js')]);
      checkOutputs(files.length, flags.format, flags);
      const history = await historyTargetFrom(flags.history, flags.config);
      const baseline = flags.baseline !== undefined ? readReportFile(flags.baseline) : undefined;
      const loaded = files.map(readReportFile);
      // A baseline is one provider's report: it applies to the reports of that provider (an error when there is none).
      const mine = (r: (typeof loaded)[number]): boolean => baseline !== undefined && (r.scope.provider === baseline.scope.provider || !loaded.some((x) => x.scope.provider === baseline.scope.provider));
      let reports = loaded.map((r) => (baseline && mine(r) ? applyBaseline(r, baseline, { file: flags.baseline ?? '' }) : r));
      let exitCode: number = EXIT.OK;
      if (history) {
        const enriched = [];
        for (const r of reports) {
          const e = await reportWithHistory(history, r, null, exitCode, flags.lang);
          enriched.push(e.report);
          exitCode = e.exitCode;
        }
        reports = enriched;
      }
      await emitReports(reports, flags.format, { lang: flags.lang, table: tableOptions(flags), ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}) }, write);
      setExit(exitCode);
    });
  registerDemoCommand(program, setExit, write);
  registerDiffCommand(program, setExit, write);
  registerMergeCommand(program, setExit, write);
  registerHistoryCommand(program, setExit, write);
  program
    .command('checks')
    .description('list every check with its severity, providers and the APPI duties it cites')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .addOption(langOption('language of the table'))
    .action(async (flags: { format: 'json' | 'table'; lang: Lang }) => {
      const [{ ACCOUNT_CHECKS, CHECKS, POLICY_CHECKS }, { listChecks, renderChecksTable }] = await Promise.all([import('../checks/index.js'), import('../reports/render/checks-list.js')]);
      const rows = listChecks(CHECKS, ACCOUNT_CHECKS, POLICY_CHECKS);
      write(flags.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : renderChecksTable(rows, flags.lang));
    });
  return program;
}

/**
 * `kumoscan report` without --format: HTML, except on a terminal (no --out, --out-dir), where a page of HTML is
 * unreadable: the table for one report, and for several (the table shows one) a usage error saying what to give.
 */
export function reportFormats(flags: { format: Format[]; out?: string; outDir?: string }, reportCount: number, defaulted: boolean, toTerminal: boolean): Format[] {
  if (!defaulted || !toTerminal || flags.out !== undefined || flags.outDir !== undefined) return flags.format;
  if (reportCount > 1) throw new UsageError('several reports on a terminal: write them as one HTML file with --out report.html, or give --format md');
  return ['table'];
}

async function runScan(argProvider: string | undefined, cliFlags: ScanFlags, write: (text: string) => void, explicit: (flag: string) => boolean = () => true): Promise<number> {
  const log = scanLogger(cliFlags, process.stderr);
  return log.run(() => runScanLogged(argProvider, cliFlags, write, explicit, log));
}

async function runScanLogged(argProvider: string | undefined, cliFlags: ScanFlags, write: (text: string) => void, explicit: (flag: string) => boolean, log: ReturnType<typeof scanLogger>): Promise<number> {
  const [{ scan }, { checkOutputs, emitReports }, { applyBaseline }, { splitGlobs, emptyFilterMessage }] = await Promise.all([import('./scan.js'), import('../reports/render/output.js'), import('../reports/baseline.js'), import('./bucket-filter.js')]);
  // The YAML parser and the schema load only when there is a configuration file; the report validator only with --baseline.
  const config = locateConfig(cliFlags.config) === undefined ? undefined : (await import('./config/resolve.js')).resolveConfig(cliFlags.config, cliFlags, argProvider, cliFlags.input, explicit);
  const flags = config?.flags ?? cliFlags;
  const provider = argProvider ?? config?.provider;
  const entrustees = [...flags.entrustee, ...(config?.entrustees ?? [])];
  const supported = providerIds().join(', ');
  if (provider === undefined && !flags.input) throw new UsageError(`name a provider (kumoscan scan ${providerIds()[0]}) or give --input SNAPSHOT`);
  if (provider !== undefined && !providerInfo(provider)) throw new UsageError(`unknown provider "${provider}" (supported: ${supported})`);
  // With --shard, "{shard}" in --out / --out-dir is the shard index (runners that start kumoscan without a shell).
  const place = (path: string): string => (flags.shard ? path.split('{shard}').join(String(flags.shard.index)) : path);
  const outputs = { ...(flags.out ? { out: place(flags.out) } : {}), ...(flags.outDir !== undefined ? { outDir: place(flags.outDir) } : {}) };
  // Every output path is checked (and --out-dir created) before any file is read or any call is made.
  checkOutputs(1, flags.format, { ...outputs, lang: flags.lang });
  if (flags.saveSnapshot) checkOutputFile(flags.saveSnapshot, '--save-snapshot');
  for (const [name, value] of Object.entries(flags)) {
    if (/(Url|Endpoint)$/.test(name) && typeof value === 'string') {
      try {
        new URL(value);
      } catch {
        throw new UsageError(`--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${value} is not a URL`);
      }
    }
  }
  // A bad baseline is a usage error before any cloud call.
  const baseline = flags.baseline !== undefined ? (await import('../reports/render/load.js')).readReportFile(flags.baseline) : undefined;
  if (baseline && provider !== undefined && baseline.scope.provider !== provider) throw new UsageError(`${flags.baseline} is a "${baseline.scope.provider}" report and this scan is "${provider}": compare reports of the same provider`);
  const history = flags.history !== undefined ? parseHistoryTarget(flags.history) : undefined;
  if (typeof history === 'string') throw new UsageError(history);
  log.start(provider, flags);
  const outcome = await offlineErrorsAreUsage(flags.input, () => scan({
    ...(provider !== undefined ? { provider } : {}),
    ...(flags.input ? { input: flags.input } : {}),
    ...(flags.saveSnapshot ? { saveSnapshot: flags.saveSnapshot } : {}),
    failOn: flags.failOn,
    bucketFilter: splitGlobs(flags.buckets),
    concurrency: flags.concurrency,
    probe: flags.probe === true,
    sample: {
      mode: flags.sample,
      limits: { objectsPerResource: flags.sampleObjects, bytesPerObject: flags.sampleBytes, bytesPerScan: flags.sampleTotal, msPerObject: flags.sampleTimeout * 1000 },
      declared: flags.declare,
      concurrency: Math.min(4, flags.concurrency),
      ocr: { enabled: flags.ocr !== 'off', maxImages: flags.ocrMaxImages, timeLimitMs: flags.ocrTimeLimit },
    },
    flags,
    ...(flags.discoveredAt !== undefined ? { discoveredAt: flags.discoveredAt } : {}),
    ...(entrustees.length > 0 ? { entrustees } : {}),
    ...(config ? { policy: config.policy, configFile: config.file } : {}),
    ...(flags.shard ? { shard: flags.shard } : {}),
    callTimeoutMs: flags.callTimeout,
    ...(flags.scanTimeout !== undefined ? { scanTimeoutMs: flags.scanTimeout } : {}),
    ...evidenceRequest(flags as unknown as Record<string, unknown>),
    events: log.events,
    ...(flags.evidence ? { evidence: flags.evidence } : {}),
    ...(flags.redactIps ? { redactIps: true } : {}),
  }));
  log.clear();
  const nothingMatched = emptyFilterMessage(outcome.report.scope, outcome.report.resources.length, outcome.report.summary.complete, flags.shard);
  if (nothingMatched) throw new UsageError(nothingMatched[flags.lang]);
  const compared = baseline && flags.baseline !== undefined ? applyBaseline(outcome.report, baseline, { file: flags.baseline }) : outcome.report;
  // With --history the run is stored, then the report says what the history knows (public since, 発生日).
  const { report, exitCode } = history ? await reportWithHistory(history, compared, { snapshot: outcome.snapshot, report: outcome.report }, outcome.exitCode, flags.lang) : { report: compared, exitCode: outcome.exitCode };
  const written = await emitReports([report], flags.format, { lang: flags.lang, table: tableOptions(flags), ...outputs }, write);
  log.end(outcome, flags.format, written);
  return exitCode;
}

/** The table's --details and --severity. */
function tableOptions(flags: { severity?: Severity[]; details?: boolean }): TableOptions {
  return { ...(flags.details ? { details: true } : {}), ...(flags.severity ? { severities: flags.severity } : {}) };
}

/**
 * A saved snapshot passed validation but still broke the evaluation: the cause is its shape (a live scan's own
 * snapshot never does this), so it is exit 2 naming the file, not exit 3 with no report. KUMOSCAN_DEBUG shows where.
 */
export async function offlineErrorsAreUsage<T>(input: string | undefined, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (input === undefined || err instanceof UsageError || !(err instanceof Error)) throw err;
    if (process.env.KUMOSCAN_DEBUG) process.stderr.write(`${redact(err.stack ?? '')}\n`);
    throw new UsageError(`${input}: this snapshot cannot be evaluated (${err.name}: ${err.message.split('\n')[0] ?? ''}); check its shape against docs/snapshot.md`);
  }
}

/** Runs the CLI with argv (as process.argv) and returns the exit code; never throws. */
export async function main(argv: string[], write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = buildProgram((c) => (exitCode = c), write);
  program.exitOverride();
  for (const cmd of program.commands) cmd.exitOverride();
  guardStandardStreams();
  const uninstall = installCancelHandlers(() => langOf(argv));
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (err) {
    if (err instanceof ReportedError) return err.exitCode;
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every parsing error is a usage error.
      return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`kumoscan: ${escapeControls(redact(err.message))}\n`);
      return EXIT.USAGE;
    }
    process.stderr.write(`kumoscan: scan failed: ${escapeControls(redact(err instanceof Error ? err.message : String(err)))}\n`);
    if (process.env.KUMOSCAN_DEBUG) process.stderr.write(`${redact(err instanceof Error ? (err.stack ?? '') : '')}\n`);
    return EXIT.INCOMPLETE;
  } finally {
    uninstall();
  }
}

/** The language of the "cancelled" line: --lang when given, else the locale's. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const given = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return given === 'ja' || given === 'en' ? given : defaultLang();
}
