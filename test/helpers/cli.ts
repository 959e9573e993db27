// Runs the real kumoscan command (bin/kumoscan.js -> dist) as a child process, as a user would.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/package-info.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A HOME with no ~/.aws, so only the given environment supplies credentials. */
const isolatedHome = mkdtempSync(join(tmpdir(), 'kumoscan-home-'));

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: isolatedHome, AWS_EC2_METADATA_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
