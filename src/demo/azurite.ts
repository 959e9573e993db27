// Starts Azurite's blob service — the installed `azurite` package, a runtime dependency for `kumoscan demo` — as a
// child process on 127.0.0.1 and a port the OS picks (--blobPort 0; the port is read from its "listens on" line), in
// memory, over HTTPS with a local certificate and basic OAuth (bearer tokens checked for issuer, audience and
// lifetime, not signature), telemetry off, with one storage account of our choosing. Nothing leaves the machine.
import { DemoError } from './demo-error.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LocalCert } from './cert.js';

export interface AzuriteOptions {
  cert: LocalCert;
  /** Storage account name (3–24 lower-case letters and digits). */
  account: string;
  /** Its key (base64); a fresh random one when omitted. */
  key?: string;
  /** Time to wait for the "listens on" line. */
  startTimeoutMs?: number;
  /** A folder Azurite may use as its working directory and HOME (it keeps blobs in memory and writes nothing there);
   * a new one under the temporary directory when omitted. The demo passes one inside its --out-dir, so a read-only
   * root filesystem (a container) is enough. */
  workDir?: string;
}

export interface RunningAzurite {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** The account's blob endpoint: https://127.0.0.1:<port>/<account> */
  blobEndpoint: string;
  account: string;
  /** The account key (for the set-up only; never given to the scanner). */
  key: string;
  stop(): Promise<void>;
}

/** The azurite-blob entry point of the installed package. */
export function azuriteBlobMain(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('azurite/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.['azurite-blob'];
  if (!bin) throw new DemoError('azurite-entry-point', { dir: dirname(pkgPath) });
  return join(dirname(pkgPath), bin);
}

/** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
export function stopProcess(proc: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
  });
}

export async function startAzurite(opts: AzuriteOptions): Promise<RunningAzurite> {
  if (!/^[a-z0-9]{3,24}$/.test(opts.account)) throw new DemoError('account-name', { account: opts.account });
  const key = opts.key ?? randomBytes(64).toString('base64');
  const cwd = mkdtempSync(join(opts.workDir ?? tmpdir(), 'kumoscan-azurite-'));
  const args = [
    azuriteBlobMain(),
    '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose',
    '--disableTelemetry', '--silent', '--disableProductStyleUrl',
    '--cert', opts.cert.certPath, '--key', opts.cert.keyPath, '--oauth', 'basic',
  ];
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: cwd, TMPDIR: cwd, AZURITE_ACCOUNTS: `${opts.account}:${key}` };
  const proc = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const cleanup = (): void => rmSync(cwd, { recursive: true, force: true });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new DemoError('azurite-timeout', { seconds: (opts.startTimeoutMs ?? 30_000) / 1000, output: out })), opts.startTimeoutMs ?? 30_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        const m = /listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new DemoError('azurite-exited', { code: String(code), output: out }));
      });
    });
    // Keep draining its output so a full pipe never stalls it.
    proc.stdout?.resume();
    proc.stderr?.resume();
    const origin = `https://127.0.0.1:${port}`;
    return {
      origin,
      blobEndpoint: `${origin}/${opts.account}`,
      account: opts.account,
      key,
      stop: async () => {
        await stopProcess(proc);
        cleanup();
      },
    };
  } catch (err) {
    await stopProcess(proc);
    cleanup();
    throw err;
  }
}
