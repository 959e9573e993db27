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

/** `cwd`: the working directory of the command (default: this process's), e.g. where ./kumoscan.yml is looked for. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: isolatedHome, AWS_EC2_METADATA_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(cwd !== undefined ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    // Decode as a stream: a multi-byte character (Japanese text) can be split across two chunks.
    proc.stdout.setEncoding('utf8');
    proc.stderr.setEncoding('utf8');
    proc.stdout.on('data', (d: string) => (stdout += d));
    proc.stderr.on('data', (d: string) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
