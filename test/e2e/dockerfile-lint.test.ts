// hadolint (pinned, installed into the project's .venv from PyPI by scripts/setup-moto.mjs) on the Dockerfile: no
// finding at all, with no ignore list. A deliberately bad Dockerfile shows the linter really runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { packagePath } from '../../src/package-info.js';

const HADOLINT = packagePath('.venv', 'bin', 'hadolint');

interface LintFinding {
  code: string;
  level: string;
  line: number;
  message: string;
}

function lint(file: string): { status: number | null; findings: LintFinding[] } {
  assert.ok(existsSync(HADOLINT), `${HADOLINT} missing: run "node scripts/setup-moto.mjs" (npm test does it)`);
  const r = spawnSync(HADOLINT, ['--no-color', '--format', 'json', file], { encoding: 'utf8' });
  assert.equal(r.error, undefined);
  return { status: r.status, findings: JSON.parse(r.stdout) as LintFinding[] };
}

describe('hadolint', () => {
  test('version 2.12.0, as pinned', () => {
    const r = spawnSync(HADOLINT, ['--version'], { encoding: 'utf8' });
    assert.match(r.stdout, /Haskell Dockerfile Linter 2\.12\.0/);
  });

  test('the Dockerfile: no error, no warning, no info, no style finding', () => {
    const { status, findings } = lint(packagePath('Dockerfile'));
    assert.deepEqual(findings.map((f) => `${f.line} ${f.code} ${f.message}`), []);
    assert.equal(status, 0);
  });

  test('a bad Dockerfile is caught (the linter really runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kumoscan-hadolint-'));
    const bad = join(dir, 'Dockerfile');
    writeFileSync(bad, 'FROM node:latest\nRUN cd /app && npm install\nENTRYPOINT kumoscan\n');
    const { status, findings } = lint(bad);
    assert.equal(status, 1);
    const codes = findings.map((f) => f.code);
    for (const c of ['DL3007', 'DL3003', 'DL3025']) assert.ok(codes.includes(c), `${c} in ${codes.join(', ')}`);
  });
});
