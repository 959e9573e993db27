// The image's rules, checked on the Dockerfile itself (there is no Docker engine where the tests run; hadolint runs in
// test/e2e/dockerfile-lint.test.ts, the bundled CLI on a read-only root in test/e2e/bundle.test.ts): multi-stage, a
// Node.js LTS slim base, a numeric non-root user, ENTRYPOINT ["kumoscan"], only the production bundle in the final
// stage, no credentials baked in, HEALTHCHECK NONE (a batch job has nothing to probe).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { PACKAGE_ROOT, packagePath } from '../../src/package-info.js';
import { parseDockerfile, readDockerfile, type Stage } from '../helpers/dockerfile.js';

/** Node.js release lines that are LTS (active or maintenance) on 2026-11-22; update when a line reaches its end. */
const LTS_MAJORS = new Set([24, 26]);

const df = readDockerfile(packagePath('Dockerfile'));
const final = df.stages[df.stages.length - 1] as Stage;
const all = (stage: Stage, keyword: string): string[] => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('Dockerfile', () => {
  test('the parser joins continuation lines and groups stages', () => {
    const parsed = parseDockerfile('# c\nFROM node:24-slim AS build\nRUN a \\\n  # note\n  && b\nFROM --platform=linux/amd64 node:24-slim\nUSER 1:1\n');
    assert.deepEqual(parsed.stages.map((s) => [s.image, s.name]), [['node:24-slim', 'build'], ['node:24-slim', undefined]]);
    assert.deepEqual(parsed.stages[0]?.instructions, [{ keyword: 'RUN', args: 'a && b', line: 3 }]);
  });

  test('multi-stage: a build stage named "build", then the runtime stage', () => {
    assert.ok(df.stages.length >= 2, `${df.stages.length} stage(s)`);
    assert.equal(df.stages[0]?.name, 'build');
    assert.equal(final.name, undefined);
  });

  test('every stage is on a Node.js LTS slim image with an explicit tag', () => {
    for (const s of df.stages) {
      const m = /^node:(\d+)(?:\.\d+\.\d+)?-(?:[a-z]+-)?slim(?:@sha256:[0-9a-f]{64})?$/.exec(s.image);
      assert.ok(m, `${s.image}: expected node:<LTS major>[.minor.patch]-slim`);
      assert.ok(LTS_MAJORS.has(Number(m[1])), `${s.image}: Node.js ${m[1]} is not an LTS line`);
    }
  });

  test('the build stage runs the same bundle script as npm run bundle', () => {
    const build = df.stages[0] as Stage;
    assert.ok(all(build, 'RUN').some((r) => r === 'node scripts/bundle.mjs --out /bundle'));
    const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(pkg.scripts.bundle, 'node scripts/bundle.mjs');
  });

  test('the final stage copies only the bundle: no source, no npm install, no dev dependencies', () => {
    const copies = all(final, 'COPY').concat(all(final, 'ADD'));
    assert.deepEqual(copies, ['--from=build /bundle /app']);
    for (const run of all(final, 'RUN')) assert.doesNotMatch(run, /\b(npm|npx|yarn|pnpm)\b/, `final stage RUN: ${run}`);
    const script = readFileSync(packagePath('scripts', 'bundle.mjs'), 'utf8');
    assert.match(script, /'ci', '--omit=dev', '--ignore-scripts'/);
  });

  test('a numeric non-root user, and the entrypoint is kumoscan', () => {
    const users = all(final, 'USER');
    assert.equal(users.length, 1);
    const m = /^(\d+)(?::(\d+))?$/.exec(users[0] ?? '');
    assert.ok(m, `USER ${users[0]}: must be numeric so Kubernetes runAsNonRoot can verify it`);
    assert.notEqual(Number(m[1]), 0);
    assert.notEqual(Number(m[2] ?? 1), 0);
    // Nothing after USER switches back to root.
    const after = final.instructions.slice(final.instructions.findIndex((i) => i.keyword === 'USER'));
    assert.equal(after.filter((i) => i.keyword === 'RUN').length, 0, 'no RUN after USER');
    assert.deepEqual(all(final, 'ENTRYPOINT').map((e) => JSON.parse(e) as unknown), [['kumoscan']]);
  });

  test('read-only root: HOME, TMPDIR and the working directory are set; HEALTHCHECK NONE', () => {
    const env = all(final, 'ENV').join(' ');
    assert.match(env, /\bHOME=\/home\/kumoscan\b/);
    assert.match(env, /\bTMPDIR=\/tmp\b/);
    assert.match(env, /\bNODE_ENV=production\b/);
    assert.deepEqual(all(final, 'WORKDIR'), ['/out']);
    assert.deepEqual(all(final, 'HEALTHCHECK'), ['NONE']);
  });

  test('no credential is baked in: no ENV/ARG named like a secret, no key-shaped value anywhere', () => {
    const text = readFileSync(packagePath('Dockerfile'), 'utf8');
    for (const s of df.stages) {
      for (const ins of s.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')) {
        for (const name of ins.args.split(/\s+/).map((kv) => kv.split('=')[0] ?? '')) {
          assert.doesNotMatch(name, /SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|ACCESS_KEY|PRIVATE|CONNECTION_STRING|ACCOUNT_KEY/i, `line ${ins.line}: ${name}`);
        }
      }
    }
    assert.doesNotMatch(text, /\b(AKIA|ASIA)[0-9A-Z]{16}\b/);
    assert.doesNotMatch(text, /AccountKey=|BEGIN [A-Z ]*PRIVATE KEY|"private_key"/);
  });

  test('.dockerignore: everything is excluded but what the build stage copies', () => {
    const lines = readFileSync(packagePath('.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**');
    const allowed = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
    const build = df.stages[0] as Stage;
    const copied = all(build, 'COPY').flatMap((c) => c.split(/\s+/).slice(0, -1)).map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
    assert.deepEqual([...new Set(copied)].sort(), [...allowed].sort());
    for (const never of ['.venv', 'node_modules', 'dist', 'test', '.git']) assert.ok(!allowed.includes(never), never);
    assert.ok(PACKAGE_ROOT.length > 0);
  });
});
