// Report schema 1.4.0: each check's texts once in the top-level `checks`, findings by check id. The written JSON is
// valid, reads back to the same report, keeps a text inline where it differs from its check's, and the previous
// schema version (1.3.0, texts in every finding) still loads in `report`, `diff`, `merge` and `scan --baseline`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderJson, SCHEMA_VERSION, type Report } from '../../reports/render/json.js';
import { parseReport } from '../../reports/render/load.js';
import { UsageError } from '../../src/errors.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { assertValidReport } from '../helpers/schema.js';

const work = mkdtempSync(join(tmpdir(), 'kumoscan-checks-dict-'));
const SNAPSHOT = packagePath('examples', 'aws-hr-system.snapshot.json');

function example(provider: string): Report {
  return evaluateSnapshot(readSnapshotFile(packagePath('examples', `${provider}-hr-system.snapshot.json`)), { source: 'snapshot', failOn: 'high', scannedAt: '2026-12-07T00:00:00.000Z' });
}

/** The in-memory report as plain JSON data (what any reader gets back). */
const plain = (report: Report): unknown => JSON.parse(JSON.stringify(report));

/** A report as kumoscan 1.3.0 wrote it: every finding with its title, duties and remediation; no `checks`. */
function asVersion13(report: Report): string {
  return JSON.stringify({ ...report, schemaVersion: '1.3.0' }, null, 2);
}

describe('report 1.4.0: check texts once', () => {
  for (const provider of ['aws', 'gcp', 'azure']) {
    test(`${provider}: findings refer to checks by id; each remediation is written once; reads back to the same report`, () => {
      const report = example(provider);
      const text = renderJson(report);
      const doc = JSON.parse(text) as { schemaVersion: string; checks: Record<string, { title: unknown; remediation: Record<string, { en: string }> }>; findings: Record<string, unknown>[] };
      assertValidReport(doc);
      assert.equal(doc.schemaVersion, SCHEMA_VERSION);
      assert.equal(SCHEMA_VERSION, '1.5.0');
      assert.ok(report.findings.length > 5);
      assert.deepEqual(Object.keys(doc.checks).sort(), [...new Set(report.findings.map((f) => f.checkId))].sort());
      for (const f of doc.findings) {
        assert.deepEqual(Object.keys(f).filter((k) => ['title', 'duties', 'remediation'].includes(k)), [], String(f.id));
        assert.ok(doc.checks[String(f.checkId)], String(f.checkId));
      }
      for (const [id, entry] of Object.entries(doc.checks)) {
        const remediation = entry.remediation[provider]?.en ?? '';
        assert.ok(remediation.length > 20, id);
        assert.equal(text.split(JSON.stringify(remediation)).length - 1, 1, `${id}: remediation written once`);
      }
      assert.deepEqual(plain(parseReport(text, 'r.json')), plain(report));
    });
  }

  test('a finding whose texts differ from its check entry keeps them inline, and reads back as it was', () => {
    const report = example('aws');
    const [first, ...rest] = report.findings;
    assert.ok(first);
    const odd = { ...first, id: `${first.id}:older`, title: { ja: '古い題名', en: 'An older title' } };
    const mixed: Report = { ...report, findings: [first, odd, ...rest] };
    const text = renderJson(mixed);
    const doc = JSON.parse(text) as { findings: { id: string; title?: unknown; remediation?: unknown }[] };
    const written = doc.findings.find((f) => f.id === odd.id);
    assert.deepEqual(written?.title, { ja: '古い題名', en: 'An older title' });
    assert.equal(written?.remediation, undefined);
    assert.deepEqual(plain(parseReport(text, 'r.json')), plain(mixed));
  });

  test('a 1.4.0 report whose checks lack a finding\'s check is a usage error naming the finding', () => {
    const doc = JSON.parse(renderJson(example('aws'))) as { checks: Record<string, unknown>; findings: { checkId: string }[] };
    const id = doc.findings[0]?.checkId ?? '';
    delete doc.checks[id];
    assert.throws(
      () => parseReport(JSON.stringify(doc), 'cut.json'),
      new UsageError(`cut.json: findings[0] (check "${id}") has no title, duties, remediation and checks["${id}"] gives none for provider "aws"`),
    );
  });

  test('the JSON report is written with its C1 and bidi controls escaped, in pieces as whole', () => {
    const report = example('aws');
    const evil: Report = { ...report, scope: { ...report.scope, bucketFilter: ['a\u202eb\u0085'] } };
    const text = renderJson(evil);
    assert.ok(text.includes('a\\u202eb\\u0085'));
    assert.deepEqual(plain(parseReport(text, 'r.json')), plain(evil));
  });
});

describe('the previous schema version (1.3.0) still reads', () => {
  const report = example('aws');
  const old = join(work, 'old.json');
  writeFileSync(old, asVersion13(report));

  test('parseReport: the same report', () => {
    assert.deepEqual(plain(parseReport(readFileSync(old, 'utf8'), old)), plain({ ...report, schemaVersion: '1.3.0' }));
  });

  test('kumoscan report renders it (table, json); the json written has `checks` and reads back the same', async () => {
    const table = await runCli(['report', old, '--format', 'table', '--lang', 'en']);
    assert.equal(table.code, 0, table.stderr);
    assert.ok(table.stdout.includes('Anyone can read objects in the bucket'));
    const json = await runCli(['report', old, '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { schemaVersion: string; checks: Record<string, unknown> };
    // Its schemaVersion stays the report's own (the assessment block is that version's).
    assert.equal(doc.schemaVersion, '1.3.0');
    assert.ok(doc.checks['public-read']);
    assert.deepEqual(plain(parseReport(json.stdout, 'again.json')), plain({ ...report, schemaVersion: '1.3.0' }));
  });

  test('kumoscan diff of a 1.3.0 and a 1.4.0 report; scan --baseline with a 1.3.0 report', async () => {
    const current = join(work, 'current.json');
    const scanned = await runCli(['scan', '--input', SNAPSHOT, '--format', 'json', '--out', current, '--quiet', '--fail-on', 'none']);
    assert.equal(scanned.code, 3, scanned.stderr);
    const diff = await runCli(['diff', old, current, '--fail-on', 'none']);
    assert.equal(diff.code, 0, diff.stderr);
    const withBaseline = join(work, 'with-baseline.json');
    const res = await runCli(['scan', '--input', SNAPSHOT, '--baseline', old, '--format', 'json', '--out', withBaseline, '--quiet', '--fail-on', 'none']);
    assert.equal(res.code, 3, res.stderr);
    const doc = parseReport(readFileSync(withBaseline, 'utf8'), withBaseline);
    assert.equal(doc.summary.baseline?.new, 0);
    assert.equal(doc.summary.baseline?.unchanged, report.findings.length);
    assert.ok(doc.findings.every((f) => f.baseline === 'unchanged' && f.title.en.length > 0));
  });

  test('kumoscan merge of 1.3.0 shard reports', async () => {
    const shards: string[] = [];
    for (let i = 0; i < 2; i++) {
      const out = join(work, `shard-${i}.json`);
      const res = await runCli(['scan', '--input', SNAPSHOT, '--shard', `${i}/2`, '--format', 'json', '--out', out, '--quiet', '--fail-on', 'none']);
      assert.ok(res.code === 0 || res.code === 3, res.stderr);
      const old13 = join(work, `shard-${i}-1.3.json`);
      writeFileSync(old13, asVersion13(parseReport(readFileSync(out, 'utf8'), out)));
      shards.push(old13);
    }
    const merged = await runCli(['merge', ...shards, '--format', 'json', '--fail-on', 'none']);
    assert.equal(merged.code, 3, merged.stderr);
    const doc = parseReport(merged.stdout, 'merged');
    assert.equal(doc.findings.length, report.findings.length);
  });
});
