// Starts Azurite's blob service (the npm devDependency) as a child process on 127.0.0.1 and a port the OS picks
// (--blobPort 0; the port is read from Azurite's "listens on" line), in memory, over HTTPS with basic OAuth (bearer
// tokens are checked for issuer, audience and lifetime, not signature), telemetry off. Nothing here reaches a real
// cloud endpoint.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { stopChild } from './forward.js';
import type { TestCert } from './tls.js';

/** Azurite's well-known development account (public, documented). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** https://127.0.0.1:<port> */
  origin: string;
  /** The account's blob endpoint: https://127.0.0.1:<port>/devstoreaccount1 */
  blobEndpoint: string;
  stop(): Promise<void>;
}

export async function startAzurite(cert: TestCert): Promise<Azurite> {
  const bin = join(PACKAGE_ROOT, 'node_modules', '.bin', 'azurite-blob');
  const cwd = mkdtempSync(join(tmpdir(), 'kumoscan-azurite-'));
  const args = [
    '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose',
    '--disableTelemetry', '--silent', '--disableProductStyleUrl',
    '--cert', cert.certPath, '--key', cert.keyPath, '--oauth', 'basic',
  ];
  const proc = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = /listens on https?:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}:\n${out}`));
    });
  });
  // Keep draining its output so a full pipe never stalls it.
  proc.stdout.resume();
  proc.stderr.resume();
  const origin = `https://127.0.0.1:${port}`;
  return {
    origin,
    blobEndpoint: `${origin}/${AZURITE_ACCOUNT}`,
    stop: () => stopChild(proc),
  };
}
