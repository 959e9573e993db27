// kumoscan.yml's `evidence:` section: the same options as the --evidence flags (kinds, since, maxBytes, timeout,
// redactIps), validated like the other sections (one clear line per problem), given to the scan as flag defaults;
// the command line wins.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../src/config/load.js';
import { configFlagValues, withConfigDefaults } from '../../src/config/flags.js';
import { UsageError } from '../../src/errors.js';

const parse = (yaml: string) => parseConfig(`version: 1\n${yaml}`, 'kumoscan.yml');

function problem(yaml: string): string {
  try {
    parse(yaml);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  assert.fail('accepted');
}

describe('kumoscan.yml evidence:', () => {
  test('every option, parsed as the flags parse them', () => {
    const config = parse('evidence:\n  kinds: [reads, changes]\n  since: 2026-11-01\n  maxBytes: 64MiB\n  timeout: 2m\n  redactIps: true\n');
    assert.deepEqual(config.evidence, { kinds: ['changes', 'reads'], since: '2026-10-31T15:00:00.000Z', maxBytes: 64 * 1024 * 1024, timeout: 120_000, redactIps: true });
    assert.deepEqual(configFlagValues(config, 'aws'), { evidence: ['changes', 'reads'], since: '2026-10-31T15:00:00.000Z', evidenceMaxBytes: 64 * 1024 * 1024, evidenceTimeout: 120_000, redactIps: true });
  });

  test('kinds as a comma list; since as an ISO date-time with its zone', () => {
    const config = parse('evidence:\n  kinds: reads\n  since: "2026-11-01T09:00+09:00"\n');
    assert.deepEqual(config.evidence, { kinds: ['reads'], since: '2026-11-01T00:00:00.000Z' });
  });

  test('the command line wins over each option; the rest come from the file', () => {
    const values = configFlagValues(parse('evidence:\n  kinds: reads\n  maxBytes: 1MiB\n  timeout: 30s\n'), 'gcp');
    const cli = { evidence: ['changes'], evidenceMaxBytes: 256 * 1024 * 1024, evidenceTimeout: 300_000 };
    const merged = withConfigDefaults(cli, values, (flag) => flag === 'evidence');
    assert.deepEqual(merged, { evidence: ['changes'], evidenceMaxBytes: 1024 * 1024, evidenceTimeout: 30_000 });
  });

  const bad: [string, string, string][] = [
    ['an unknown kind', 'evidence:\n  kinds: [reads, writes]\n', 'kumoscan.yml: evidence.kinds[1]: must be changes or reads'],
    ['a bad date', 'evidence:\n  since: 2026-02-30\n', 'kumoscan.yml: evidence.since: must be a date YYYY-MM-DD (Asia/Tokyo) or an ISO date-time with its zone, e.g. 2026-11-01T09:00+09:00'],
    ['a bad size', 'evidence:\n  maxBytes: lots\n', 'kumoscan.yml: evidence.maxBytes: must be a size such as 1048576, 512KiB, 1MiB or 2GiB'],
    ['a bad duration', 'evidence:\n  timeout: soon\n', 'kumoscan.yml: evidence.timeout: '],
    ['not a boolean', 'evidence:\n  redactIps: yes please\n', 'kumoscan.yml: evidence.redactIps: must be true or false'],
    ['an unknown key', 'evidence:\n  maxbytes: 1MiB\n', 'kumoscan.yml: evidence.maxbytes: unknown key (check the spelling; see docs/configuration.md)'],
  ];
  for (const [what, yaml, message] of bad) test(`${what}: one clear line`, () => assert.ok(problem(yaml).startsWith(message), problem(yaml)));
});
