// `kumoscan demo`: the HR-system incident end to end, with no cloud account and nothing leaving the machine.
//  1. A throwaway certificate, Azurite (the installed package) on 127.0.0.1 over HTTPS, and a local stand-in for Azure
//     Resource Manager that describes the storage account (the settings only ARM knows: anonymous access allowed,
//     TLS, network rules, logging, versioning …) and hands out tokens as a managed identity endpoint would.
//  2. The scenario: a container at public access level "container" with an employee export of 1,500 persons, a photo
//     of one employee's My Number card under an opaque upload name and an office-style PDF register of 30 of them,
//     beside a private, healthy container.
//     The account's Storage Analytics logs (`$logs`) and Activity Log tell who opened the container 40 days ago and
//     who downloaded the export since (src/demo/storage-logs.ts).
//  3. The real CLI scans it live — `kumoscan scan azure --arm-endpoint … --probe --evidence changes,reads` with
//     sampling large enough to read every row — as a child process that trusts the certificate (NODE_EXTRA_CA_CERTS) and gets tokens from the
//     stand-in; the SDKs talk to Azurite and the stand-in exactly as they would to Azure.
//  4. The AWS and Google Cloud example snapshots in examples/ are evaluated offline.
//  5. One combined HTML report and one JSON report per provider are written to the output folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { I18n, Lang } from '../model.js';
import { packagePath } from '../package-info.js';
import { evaluateSnapshot } from '../scan.js';
import { readSnapshotFile } from '../snapshot.js';
import { renderHtml } from '../../reports/render/html.js';
import { renderJson, type Report } from '../../reports/render/json.js';
import { readReportFile } from '../../reports/render/load.js';
import { assessmentBlock } from '../../reports/render/assessment-block.js';
import { startArmStandIn, type ArmStandIn } from './arm.js';
import { startAzurite, type RunningAzurite } from './azurite.js';
import { makeLocalCert } from './cert.js';
import { DemoError } from './demo-error.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { DEMO_ACCOUNT, demoArmState, demoEmployees, seedDemoAccount } from './scenario.js';
import { demoActivityLog, demoStorageLogs, demoTimeline } from './storage-logs.js';

export const DEMO_FILES = {
  html: 'kumoscan-demo.html',
  azure: 'kumoscan-demo-azure.json',
  aws: 'kumoscan-demo-aws.json',
  gcp: 'kumoscan-demo-gcp.json',
  azureSnapshot: 'kumoscan-demo-azure.snapshot.json',
} as const;

export const DEMO_EXAMPLES = { aws: 'examples/aws-hr-system.snapshot.json', gcp: 'examples/gcp-hr-system.snapshot.json' } as const;

/** Bytes read per object: far more than the employee export (≈ 150 KiB), so every person is read. */
const SAMPLE_BYTES = '8MiB';

export interface DemoOptions {
  /** Where the reports go; default a new folder ./kumoscan-demo-<timestamp>. */
  outDir?: string;
  /** Progress lines (standard error), in `lang`. */
  progress?: (line: string) => void;
  /** Language of the progress lines (default en). */
  lang?: Lang;
  now?: () => Date;
}

export interface DemoResult {
  outDir: string;
  files: string[];
  reports: Report[];
  /** Milliseconds the demo took. */
  ms: number;
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A new folder ./kumoscan-demo-<timestamp>[-n] in the working directory. */
export function defaultOutDir(now: Date, cwd = process.cwd()): string {
  const base = join(cwd, `kumoscan-demo-${timestamp(now)}`);
  let dir = base;
  for (let n = 2; existsSync(dir); n++) dir = `${base}-${n}`;
  return dir;
}

/** The demo's progress lines, each language whole. */
export const DEMO_PROGRESS = {
  azurite: { ja: 'Azurite（ローカルの Azure Blob Storage エミュレーター）を 127.0.0.1 で起動しています …', en: 'starting Azurite (local Azure Blob Storage emulator) on 127.0.0.1 …' },
  scenario: {
    ja: 'HR システムのシナリオを作成しています: 従業員 1,500 人、カード写真と PDF の名簿を置いた公開コンテナーと、その隣の非公開コンテナー、外部からの取得を記録したアクセスログ …',
    en: 'creating the HR-system scenario: a public container with 1,500 employees, a card photo and a PDF register, beside a private one, and access logs recording downloads from outside …',
  },
  scan: {
    ja: 'ライブでスキャンしています: 「kumoscan scan azure --probe --evidence changes,reads」（全行をサンプル、写真は OCR、アクティビティ ログと $logs のアクセスログを読み取り）…',
    en: 'scanning it live: kumoscan scan azure --probe --evidence changes,reads (sampling every row, OCR of the photo, reading the Activity Log and the $logs access logs) …',
  },
  examples: { ja: 'AWS と Google Cloud のサンプルのスナップショットを追加しています …', en: 'adding the AWS and Google Cloud example snapshots …' },
} satisfies Record<string, I18n>;

interface ChildResult {
  code: number | null;
  stderr: string;
}

/** Runs the real CLI (bin/kumoscan.js) with a clean environment plus `env`. */
function runKumoscan(args: string[], env: Record<string, string>, home: string): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [packagePath('bin', 'kumoscan.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d: string) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolvePromise({ code, stderr }));
  });
}

export async function runDemo(opts: DemoOptions = {}): Promise<DemoResult> {
  const now = opts.now ?? (() => new Date());
  const started = Date.now();
  const progress = opts.progress ?? (() => undefined);
  const say = (step: keyof typeof DEMO_PROGRESS): void => progress(DEMO_PROGRESS[step][opts.lang ?? 'en']);
  const outDir = resolve(opts.outDir ?? defaultOutDir(now()));
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new DemoError('out-dir', { dir: outDir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }, true);
  }
  for (const example of Object.values(DEMO_EXAMPLES)) {
    if (!existsSync(packagePath(example))) throw new DemoError('example-missing', { file: example });
  }
  // The certificate, its key and Azurite's working folder live in a hidden folder inside the output folder, removed
  // at the end: the demo writes nowhere else (no temporary directory, no HOME), so it runs on a read-only root.
  const work = mkdtempSync(join(outDir, '.kumoscan-demo-work-'));
  let azurite: RunningAzurite | undefined;
  let arm: ArmStandIn | undefined;
  try {
    say('azurite');
    const cert = makeLocalCert({ dir: work, commonName: 'kumoscan demo 127.0.0.1' });
    azurite = await startAzurite({ cert, account: DEMO_ACCOUNT, workDir: work });
    say('scenario');
    const story = demoTimeline(now());
    await seedDemoAccount(azurite.origin, azurite.account, azurite.key, cert.cert, demoStorageLogs(story, demoEmployees().bytes.length));
    arm = await startArmStandIn(cert, demoArmState(azurite.blobEndpoint, demoActivityLog(story)));
    say('scan');
    const azureJson = join(outDir, DEMO_FILES.azure);
    const scan = await runKumoscan(
      ['scan', 'azure', '--arm-endpoint', arm.endpoint, '--probe', '--sample-bytes', SAMPLE_BYTES, '--evidence', 'changes,reads', '--fail-on', 'none', '--quiet', '--format', 'json', '--out', azureJson, '--save-snapshot', join(outDir, DEMO_FILES.azureSnapshot)],
      { NODE_EXTRA_CA_CERTS: cert.certPath, ...arm.identityEnv },
      work,
    );
    if (scan.code !== 0 && scan.code !== 3) throw new DemoError('scan-failed', { exit: scan.code ?? 'signal', output: scan.stderr.trim() });
    const azure = readReportFile(azureJson);
    say('examples');
    const scannedAt = now().toISOString();
    const offline = (example: string): Report => evaluateSnapshot(readSnapshotFile(packagePath(example)), { source: 'snapshot', failOn: 'none', scannedAt, snapshotFile: example });
    const aws = offline(DEMO_EXAMPLES.aws);
    const gcp = offline(DEMO_EXAMPLES.gcp);
    await writeFileAtomic(join(outDir, DEMO_FILES.aws), renderJson(aws));
    await writeFileAtomic(join(outDir, DEMO_FILES.gcp), renderJson(gcp));
    const reports = [azure, aws, gcp];
    await writeFileAtomic(join(outDir, DEMO_FILES.html), renderHtml(reports, { title: { ja: 'kumoscan デモ: HR システムの公開コンテナー', en: 'kumoscan demo: the HR system’s public container' } }));
    const files = [DEMO_FILES.html, DEMO_FILES.azure, DEMO_FILES.aws, DEMO_FILES.gcp, DEMO_FILES.azureSnapshot].map((f) => join(outDir, f));
    return { outDir, files, reports, ms: Date.now() - started };
  } finally {
    await arm?.close();
    await azurite?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** What the demo prints when it is done: the numbers, the estimates and where the files are. */
export function demoSummary(result: DemoResult, lang: Lang): string {
  const ja = lang === 'ja';
  const lines = [
    ja ? 'kumoscan デモ — クラウドのアカウントは不要、通信はすべて 127.0.0.1 の中です。' : 'kumoscan demo — no cloud account; everything ran on 127.0.0.1.',
    ja
      ? `  Azure: Azurite（ローカルのエミュレーター）の HR システムをライブスキャン（Azure Resource Manager はローカルの代替サーバー、--probe、サンプリング、「--evidence changes,reads」（アクティビティ ログと $logs のアクセスログ）付き）`
      : '  Azure: the HR system in Azurite (a local emulator), scanned live through a local Azure Resource Manager stand-in, with --probe, sampling and --evidence changes,reads (its Activity Log and the $logs access logs)',
    ja ? `  AWS・Google Cloud: ${DEMO_EXAMPLES.aws}、${DEMO_EXAMPLES.gcp}（オフライン評価）` : `  AWS, Google Cloud: ${DEMO_EXAMPLES.aws}, ${DEMO_EXAMPLES.gcp} (evaluated offline)`,
    '',
    // The same block as the end of the scan table (reports/render/assessment-block.ts).
    ...assessmentBlock(result.reports, lang),
  ];
  lines.push('', ja ? `レポート（${(result.ms / 1000).toFixed(1)} 秒）:` : `Reports (${(result.ms / 1000).toFixed(1)} s):`);
  for (const f of result.files) lines.push(`  ${f}${f.endsWith('.html') ? (ja ? '   ← ブラウザーで開いてください' : '   ← open this one in a browser') : ''}`);
  lines.push(result.reports[0]?.assessment.notLegalAdvice[lang] ?? '');
  return lines.join('\n') + '\n';
}
