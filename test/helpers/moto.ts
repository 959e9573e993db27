// Starts moto in server mode (from the project-local venv made by scripts/setup-moto.mjs) on 127.0.0.1 and a
// free port, for end-to-end tests and benchmarks. Nothing here reaches a real cloud endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';
import { stopChild } from './forward.js';

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

/** Credentials moto accepts; set for the SDK in-process and passed to the CLI's environment. */
export const MOTO_ENV = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_SESSION_TOKEN: 'testing',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_EC2_METADATA_DISABLED: 'true',
} as const;

/** moto's account id for the default credentials. */
export const MOTO_ACCOUNT = '123456789012';

/** A free port on 127.0.0.1 (bound, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, proc: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`moto_server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${timeoutMs} ms`);
}

export async function startMoto(): Promise<Moto> {
  const bin = join(PACKAGE_ROOT, '.venv', 'bin', 'moto_server');
  if (!existsSync(bin)) throw new Error(`${bin} missing: run "node scripts/setup-moto.mjs" (npm test does it)`);
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    // moto logs every request; into a file, not a pipe: a pipe nobody drains (a parent blocked in spawnSync) stalls moto.
    const logFile = join(mkdtempSync(join(tmpdir(), 'kumoscan-moto-')), 'moto.log');
    const log = openSync(logFile, 'w');
    const proc = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', log, log], env: { ...process.env, ...MOTO_ENV } });
    closeSync(log);
    try {
      await waitUntilUp(endpoint, proc, 30_000);
    } catch (err) {
      proc.kill('SIGKILL');
      if (tries < 2) continue; // the port may have been taken between probing and binding
      throw new Error(`${(err as Error).message}\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    return {
      endpoint,
      stop: () => stopChild(proc),
    };
  }
}
