// Creates the project-local Python venv with moto in server mode (used by e2e tests and bench).
// Idempotent: does nothing when .venv/bin/moto_server already exists at the pinned version.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MOTO = 'moto[server]==5.2.5';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv');
const stamp = join(venv, '.kumoscan-moto');
const motoServer = join(venv, 'bin', 'moto_server');

if (existsSync(motoServer) && existsSync(stamp) && readFileSync(stamp, 'utf8') === MOTO) {
  process.exit(0);
}
const python = process.env.PYTHON ?? 'python3';
console.log(`[setup] creating ${venv} with ${MOTO}`);
if (!existsSync(join(venv, 'bin', 'pip'))) {
  execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
}
execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', MOTO], { stdio: 'inherit' });
writeFileSync(stamp, MOTO);
