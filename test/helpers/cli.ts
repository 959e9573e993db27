// Runs the real kumoscan command (bin/kumoscan.js -> dist) as a child process, as a user would.
import { spawn, type ChildProcess } from 'node:child_process';
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

export interface RunningCli {
  proc: ChildProcess;
  /** Standard error so far. */
  stderr(): string;
  result: Promise<CliResult & { signal: NodeJS.Signals | null; ms: number }>;
}

/** Starts kumoscan and returns at once: a test can signal it (proc.kill) and await its result. */
export function startCli(args: string[], env: Record<string, string> = {}, cwd?: string, stdin: 'ignore' | 'pipe' = 'ignore'): RunningCli {
  const started = Date.now();
  const proc = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kumoscan.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: isolatedHome, AWS_EC2_METADATA_DISABLED: 'true', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
    ...(cwd !== undefined ? { cwd } : {}),
  });
  let stdout = '';
  let stderr = '';
  // Decode as a stream: a multi-byte character (Japanese text) can be split across two chunks.
  proc.stdout?.setEncoding('utf8');
  proc.stderr?.setEncoding('utf8');
  proc.stdout?.on('data', (d: string) => (stdout += d));
  proc.stderr?.on('data', (d: string) => (stderr += d));
  const result = new Promise<CliResult & { signal: NodeJS.Signals | null; ms: number }>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - started }));
  });
  return { proc, stderr: () => stderr, result };
}

/** runCli with a deadline: the command is killed (SIGKILL) when it has not ended after `ms`; `timedOut` says so. */
export async function runCliWithin(ms: number, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult & { timedOut: boolean; ms: number }> {
  const running = startCli(args, env, cwd);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    running.proc.kill('SIGKILL');
  }, ms);
  try {
    const res = await running.result;
    return { code: res.code, stdout: res.stdout, stderr: res.stderr, ms: res.ms, timedOut };
  } finally {
    clearTimeout(timer);
  }
}

/** `cwd`: the working directory of the command (default: this process's), e.g. where ./kumoscan.yml is looked for. */
export async function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliResult> {
  const { code, stdout, stderr } = await startCli(args, env, cwd).result;
  return { code, stdout, stderr };
}
