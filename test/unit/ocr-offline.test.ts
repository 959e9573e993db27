// OCR never touches the network and lets the process exit: a child process with every network call poisoned
// (test/helpers/no-network.mjs, in its worker threads too) and proxy variables pointing nowhere reads a picture,
// closes the engine and exits by itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT, packagePath } from '../../src/package-info.js';

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 120_000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('OCR offline', () => {
  test('control: the poison reaches worker threads', async () => {
    const res = await run(['--import', join(PACKAGE_ROOT, 'test', 'helpers', 'no-network.mjs'), join(PACKAGE_ROOT, 'test', 'helpers', 'fetch-in-worker.mjs')], {});
    assert.match(res.stderr, /NETWORK ATTEMPT fetch/);
  });

  test('no network call (fetch, http, sockets, DNS denied; proxies poisoned), and the process exits after close', async () => {
    const poison = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', NO_PROXY: '' };
    const res = await run(['--import', join(PACKAGE_ROOT, 'test', 'helpers', 'no-network.mjs'), join(PACKAGE_ROOT, 'dist', 'test', 'helpers', 'ocr-once.js'), packagePath('test', 'fixtures', 'ocr', 'format-sample.png')], poison);
    assert.equal(res.code, 0, res.stderr);
    assert.doesNotMatch(res.stderr, /NETWORK ATTEMPT/);
    assert.equal(res.stderr, '');
    assert.deepEqual(JSON.parse(res.stdout), { lines: ['ID 4711 0815'], notes: [] });
  });
});
