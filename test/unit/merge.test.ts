// kumoscan merge: the shard reports of one scan joined into the report of one run (tested for equality with a single
// run on the examples of all three providers), and the usage errors of bad shard sets.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { mergeReports } from '../../reports/merge.js';
import { UsageError } from '../../src/errors.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-merge-'));

/**
 * What differs between runs by nature, and is blanked before comparing: scannedAt (the clock), which the PPC draft's
 * text quotes (assessment.perResource[].ppcDraft). Nothing else: the merged report must be the single run's.
 */
function runIndependent(report: Report): unknown {
  return JSON.parse(JSON.stringify(report).split(report.scannedAt).join('<scannedAt>'));
}

async function scanJson(args: string[], out: string): Promise<Report> {
  const res = await runCli(['scan', '--quiet', ...args, '--format', 'json', '--out', out]);
  assert.ok(res.code === 0 || res.code === 1 || res.code === 3, `exit ${res.code}: ${res.stderr}`);
  assert.equal(res.stderr, '');
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assertValidReport(report);
  return report;
}

describe('merge equals a single run (examples of all three providers, 3 shards)', () => {
  for (const provider of ['aws', 'azure', 'gcp']) {
    test(provider, async () => {
      const input = packagePath('examples', `${provider}-hr-system.snapshot.json`);
      const single = await scanJson(['--input', input], join(work, `${provider}-single.json`));
      const shards: string[] = [];
      const sizes: number[] = [];
      for (let k = 0; k < 3; k++) {
        const file = join(work, `${provider}-shard-${k}.json`);
        const shard = await scanJson(['--input', input, '--shard', `${k}/3`], file);
        assert.deepEqual(shard.scope.shard, { index: k, count: 3 });
        sizes.push(shard.resources.length);
        shards.push(file);
      }
      assert.equal(sizes.reduce((a, b) => a + b, 0), single.resources.length);
      assert.ok(sizes.filter((n) => n > 0).length >= 2, `the example splits over at least two shards (${sizes.join(', ')})`);
      const outFile = join(work, `${provider}-merged.json`);
      // Shards in any order on the command line.
      const res = await runCli(['merge', ...[...shards].reverse(), '--format', 'json', '--out', outFile]);
      assert.equal(res.stderr, '');
      const merged = JSON.parse(readFileSync(outFile, 'utf8')) as Report;
      assertValidReport(merged);
      assert.deepEqual(runIndependent(merged), runIndependent(single));
      // Exit code as scan's: every example has findings at or above high.
      assert.equal(res.code, 1);
      const scanned = await runCli(['scan', '--quiet', '--input', input, '--format', 'json']);
      assert.equal(scanned.code, res.code);
    });
  }
});

describe('kumoscan merge: usage errors (exit 2)', () => {
  const input = packagePath('examples', 'aws-hr-system.snapshot.json');
  const file = (name: string): string => join(work, `err-${name}.json`);

  test('a missing shard, a duplicate, a non-shard report, another provider, different counts', async () => {
    for (let k = 0; k < 3; k++) await scanJson(['--input', input, '--shard', `${k}/3`], file(`s${k}`));
    await scanJson(['--input', input, '--shard', '0/2'], file('two-0'));
    await scanJson(['--input', input], file('whole'));
    await scanJson(['--input', packagePath('examples', 'gcp-hr-system.snapshot.json'), '--shard', '1/3'], file('gcp-1'));
    const cases: [string[], string][] = [
      [[file('s0'), file('s2')], `kumoscan: shard 1 of 3 missing (got 0, 2); give every shard 0..2, or --allow-partial\n`],
      [[file('s0'), file('s1'), file('s1'), file('s2')], `kumoscan: shard 1/3 is given twice (${file('s1')} and ${file('s1')})\n`],
      [[file('s0'), file('whole')], `kumoscan: ${file('whole')} is not a shard report (it has no scope.shard): merge the reports of "kumoscan scan --shard INDEX/COUNT"\n`],
      [[file('s0'), file('gcp-1')], `kumoscan: ${file('gcp-1')} is a "gcp" report and ${file('s0')} is "aws": merge shards of one scan\n`],
      [[file('s0'), file('two-0')], `kumoscan: ${file('two-0')} is shard 0/2 and ${file('s0')} is shard 0/3: every shard must have the same count\n`],
      [[file('s0'), join(work, 'nope.json')], `kumoscan: cannot read ${join(work, 'nope.json')}: ENOENT\n`],
    ];
    for (const [args, stderr] of cases) {
      const res = await runCli(['merge', ...args, '--format', 'json']);
      assert.equal(res.stderr, stderr);
      assert.equal(res.code, 2, stderr);
      assert.equal(res.stdout, '');
    }
  });

  test('--allow-partial: the report says which shard is missing and is incomplete (exit 3 with --fail-on none)', async () => {
    const out = join(work, 'partial.json');
    const res = await runCli(['merge', file('s0'), file('s1'), '--allow-partial', '--fail-on', 'none', '--format', 'json', '--out', out]);
    assert.equal(res.stderr, '');
    assert.equal(res.code, 3);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(report);
    assert.equal(report.summary.complete, false);
    assert.deepEqual(report.errors.filter((e) => e.scope === 'merge'), [
      { scope: 'merge', call: 'kumoscan merge', code: 'ShardMissing', message: 'shard 2/3 was not merged: the buckets of that shard are not in this report' },
    ]);
    assert.equal(report.scope.shard, undefined);
    assert.equal(report.scope.failOn, 'none');
  });

  test('a different tool version is refused', () => {
    const a = JSON.parse(readFileSync(file('s0'), 'utf8')) as Report;
    const b = JSON.parse(readFileSync(file('s1'), 'utf8')) as Report;
    const c = JSON.parse(readFileSync(file('s2'), 'utf8')) as Report;
    const older = { ...b, tool: { ...b.tool, version: '0.0.9' } };
    assert.throws(() => mergeReports([a, older, c], { names: ['a', 'b', 'c'] }), new UsageError(`b was written by kumoscan 0.0.9 and a by ${a.tool.version}: merge shards written by the same version`));
    assert.throws(() => mergeReports([]), new UsageError('give the shard reports to merge'));
  });

  test('any format, into --out-dir', async () => {
    const dir = join(work, 'merged-dir');
    const res = await runCli(['merge', file('s0'), file('s1'), file('s2'), '--format', 'json,html,sarif,md,csv,table', '--out-dir', dir]);
    assert.equal(res.code, 1, res.stderr);
    for (const ext of ['json', 'html', 'sarif', 'md', 'csv', 'txt']) assert.ok(readFileSync(join(dir, `kumoscan-report.${ext}`), 'utf8').length > 100, ext);
  });
});

describe('merge with a configuration file (suppressions, warnings, overrides) equals a single run', () => {
  test('a suppression that matches in one shard only is used, not a warning; one that matches nothing stays a warning', async () => {
    const input = packagePath('examples', 'aws-hr-system.snapshot.json');
    const config = join(work, 'merge-kumoscan.yml');
    writeFileSync(
      config,
      [
        'version: 1',
        'suppressions:',
        '  - check: versioning-off',
        "    resources: 'hr-system-employees'",
        '    reason: rebuilt every night',
        '    expires: 2099-12-31',
        '  - check: versioning-off',
        "    resources: 'no-such-bucket-*'",
        '    reason: nothing matches',
        '    expires: 2099-12-31',
        'severity:',
        '  mfa-delete-off: info',
        '',
      ].join('\n'),
    );
    const single = await scanJson(['--input', input, '--config', config], join(work, 'cfg-single.json'));
    assert.deepEqual(single.suppressed?.map((x) => x.finding.id), ['versioning-off:arn:aws:s3:::hr-system-employees']);
    assert.deepEqual(single.configWarnings?.map((w) => [w.field, w.code]), [['suppressions[1]', 'suppression-unused']]);
    const files: string[] = [];
    for (let k = 0; k < 3; k++) {
      const file = join(work, `cfg-shard-${k}.json`);
      await scanJson(['--input', input, '--config', config, '--shard', `${k}/3`], file);
      files.push(file);
    }
    const out = join(work, 'cfg-merged.json');
    const res = await runCli(['merge', ...files, '--format', 'json', '--out', out]);
    assert.equal(res.code, 1, res.stderr);
    const merged = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(merged);
    assert.deepEqual(runIndependent(merged), runIndependent(single));
  });
});
