// `kumoscan merge shard-*.json`: the JSON reports of `kumoscan scan --shard i/n` joined into the report of one run,
// rendered in any format (as `kumoscan scan` renders), with scan's exit code.
// What the merge runs is imported when it runs (src/cli.ts: fast start-up).
import { Option, type Command } from 'commander';
import type { Format } from '../reports/render/formats.js';
import { FORMAT_HELP, formatList } from '../reports/render/format-option.js';
import type { Lang } from '../reports/render/table.js';
import { langOption } from './lang-option.js';
import { historyTargetFrom, reportWithHistory } from './history/history-flag.js';
import { SEVERITIES } from './model.js';
import type { FailOn } from './scan.js';

interface MergeFlags {
  format: Format[];
  out?: string;
  outDir?: string;
  lang: Lang;
  failOn: FailOn;
  allowPartial?: boolean;
  baseline?: string;
  /** --history PATH|URL (docs/history.md); else `history:` of --config / ./kumoscan.yml. */
  history?: string;
  config?: string;
}

const EXAMPLES = `
Examples:
  # four shards of a Kubernetes Indexed Job, each written with --format json --out-dir /out/shard-N
  $ kumoscan merge /out/shard-*/kumoscan-report.json --format json,html,sarif --out-dir /out/merged

Every shard 0..n-1 must be given exactly once, written by the same kumoscan version for the same provider.
With --allow-partial, missing shards are accepted: the report records one "ShardMissing" error per missing shard
and is incomplete (exit 3 when no finding reaches --fail-on).

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  bad input (unreadable file, not a shard report, shards missing or given twice, different providers or versions)
  3  incomplete (some calls failed in a shard, or --allow-partial with missing shards), or --history could not be
     written or read (the report is written all the same)
`;

export function registerMergeCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('merge')
    .description('join the JSON reports of "kumoscan scan --shard i/n" into the report of one run')
    .argument('<shard.json...>', 'the shard reports (every shard 0..n-1, once)')
    .addOption(new Option('--format <formats>', FORMAT_HELP).argParser(formatList).default(['json'], 'json'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--out-dir <dir>', 'write each format into DIR as kumoscan-report.<ext>')
    .addOption(langOption('language of the table, Markdown and SARIF messages'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .option('--allow-partial', 'accept missing shards (the report is marked incomplete)')
    .option('--baseline <report.json>', 'mark findings new / unchanged against an earlier report, and list the resolved ones')
    .option('--history <path|url>', 'store the merged run in the exposure history and show what it says (public since, 発生日): a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST:PORT/DATABASE')
    .option('--config <file>', 'configuration file whose `history:` is used when --history is not given (default: ./kumoscan.yml when present)')
    .addHelpText('after', EXAMPLES)
    .action(async (files: string[], flags: MergeFlags) => {
      setExit(await runMerge(files, flags, write));
    });
}

export async function runMerge(files: readonly string[], flags: MergeFlags, write: (text: string) => void): Promise<number> {
  const [{ checkOutputs, emitReports }, { readReportFile }, { applyBaseline }, { mergeReports }, { exitCodeFor }] = await Promise.all([
    import('../reports/render/output.js'),
    import('../reports/render/load.js'),
    import('../reports/baseline.js'),
    import('../reports/merge.js'),
    import('./scan.js'),
  ]);
  checkOutputs(1, flags.format, flags);
  const history = await historyTargetFrom(flags.history, flags.config);
  const baseline = flags.baseline !== undefined ? readReportFile(flags.baseline) : undefined;
  let merged = mergeReports(files.map(readReportFile), { names: files, allowPartial: flags.allowPartial === true });
  // The merged report is judged against this command's --fail-on.
  merged = { ...merged, scope: { ...merged.scope, failOn: flags.failOn } };
  let report = baseline && flags.baseline !== undefined ? applyBaseline(merged, baseline, { file: flags.baseline }) : merged;
  let exitCode = exitCodeFor(report, flags.failOn);
  if (history) ({ report, exitCode } = await reportWithHistory(history, report, { merged }, exitCode, flags.lang));
  await emitReports([report], flags.format, { lang: flags.lang, ...(flags.out !== undefined ? { out: flags.out } : {}), ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}) }, write);
  return exitCode;
}
