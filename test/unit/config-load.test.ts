// kumoscan.yml parsing and the flag table: values normalised (one pattern or a list, sizes in bytes), every
// mapped key reaching its flag, only the scanned provider's section used, the command line winning.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfig } from '../../src/config/load.js';
import { configFlagValues, configuredProvider, withConfigDefaults } from '../../src/config/flags.js';
import { entrusteesFromConfig, policyFromConfig } from '../../src/config/policy.js';
import { parseSize } from '../../src/config/size.js';
import { UsageError } from '../../src/errors.js';

const FULL = `version: 1
scan: { failOn: medium, formats: [json, sarif], outDir: out, lang: en, concurrency: 4 }
sampling: { mode: all, objectsPerBucket: 5, bytesPerObject: 512KiB, totalBytes: 2097152, timeoutSeconds: 3 }
thresholds: { maxReaders: 0 }
aws:
  profile: audit
  region: ap-northeast-1
  roleArn: arn:aws:iam::123456789012:role/audit
  endpointUrl: http://127.0.0.1:4566
  buckets: hr-*
  organization: { roleName: kumoscan-audit, accounts: '111122223333', excludeAccounts: ['999988887777'] }
gcp: { projects: p1, domains: [example.co.jp] }
azure: { subscriptions: [s1, s2] }
inventory:
  - { buckets: hr-*, categories: [email], persons: 3 }
entrustees:
  - { party: Payroll Co., principals: ['4444*', '*@payroll.example.jp'], contract: CTR-1 }
suppressions:
  - { check: versioning-off, resources: tmp-*, reason: scratch, expires: 2027-01-31 }
severity: { public-list: medium }
`;

describe('parseConfig', () => {
  test('normalises one pattern to a list and sizes to bytes', () => {
    const c = parseConfig(FULL, 'k.yml');
    assert.deepEqual(c.aws?.buckets, ['hr-*']);
    assert.deepEqual(c.aws?.organization?.accounts, ['111122223333']);
    assert.equal(c.sampling?.bytesPerObject, 512 * 1024);
    assert.equal(c.sampling?.totalBytes, 2097152);
  });

  test('errors are UsageErrors naming the file', () => {
    assert.throws(() => parseConfig('version: 1\nscan: { failOn: severe }\n', 'k.yml'), (e: unknown) => e instanceof UsageError && e.message === 'k.yml: scan.failOn: must be one of: critical, high, medium, low, info, none');
    assert.throws(() => parseConfig('version: 1\nsuppressions:\n  - { check: public-read, resources: [""], reason: x, expires: 2027-01-01 }\n', 'k.yml'), /^UsageError: k\.yml: suppressions\[0\]\.resources\[0\]: must not be empty$/);
  });

  test('aws.organization.accountConcurrency: 1 to 64, mapped to --account-concurrency', () => {
    assert.equal(configFlagValues(parseConfig('version: 1\naws: { organization: { roleName: audit, accountConcurrency: 8 } }\n', 'k.yml'), 'aws').accountConcurrency, 8);
    assert.throws(
      () => parseConfig('version: 1\naws: { organization: { accountConcurrency: 0 } }\n', 'k.yml'),
      (e: unknown) => e instanceof UsageError && e.message === 'k.yml: aws.organization.accountConcurrency: must be a whole number from 1 to 64',
    );
  });

  test('sizes', () => {
    assert.equal(parseSize('1MiB'), 1048576);
    assert.equal(parseSize('2gb'), 2 * 1024 ** 3);
    assert.equal(parseSize(0), null);
    assert.equal(parseSize('1 parsec'), null);
  });
});

describe('flags from the configuration', () => {
  const config = parseConfig(FULL, 'k.yml');

  test('every mapped key of the common sections and of the scanned provider', () => {
    assert.deepEqual(configFlagValues(config, 'aws'), {
      failOn: 'medium',
      format: ['json', 'sarif'],
      outDir: 'out',
      lang: 'en',
      concurrency: 4,
      sample: 'all',
      sampleObjects: 5,
      sampleBytes: 524288,
      sampleTotal: 2097152,
      sampleTimeout: 3,
      maxReaders: 0,
      profile: 'audit',
      region: 'ap-northeast-1',
      roleArn: 'arn:aws:iam::123456789012:role/audit',
      endpointUrl: 'http://127.0.0.1:4566',
      buckets: ['hr-*'],
      orgRole: 'kumoscan-audit',
      accounts: ['111122223333'],
      excludeAccounts: ['999988887777'],
    });
    const gcp = configFlagValues(config, 'gcp');
    assert.deepEqual([gcp.project, gcp.gcpDomain, gcp.profile], [['p1'], ['example.co.jp'], undefined]);
    assert.deepEqual(configFlagValues(config, 'azure').subscription, ['s1', 's2']);
    assert.equal(configuredProvider(config), undefined, 'three provider sections: the word is needed');
    assert.equal(configuredProvider(parseConfig('version: 1\ngcp: { projects: p }\n', 'k.yml')), 'gcp');
  });

  test('the command line wins; --out makes outDir and several formats give way', () => {
    const values = configFlagValues(config, 'aws');
    const merged = withConfigDefaults({ failOn: 'high', format: ['table'], region: 'us-east-1' }, values, (f) => f === 'region');
    assert.deepEqual([merged.failOn, merged.format, merged.region], ['medium', ['json', 'sarif'], 'us-east-1']);
    const withOut = withConfigDefaults({ format: ['table'], out: 'r.json' } as Record<string, unknown>, values, (f) => f === 'out');
    assert.deepEqual([withOut.outDir, withOut.format], [undefined, ['table']]);
  });

  test('policy and entrustees', () => {
    assert.deepEqual(policyFromConfig(config), {
      severity: { 'public-list': 'medium' },
      suppressions: [{ field: 'suppressions[0]', check: 'versioning-off', resources: ['tmp-*'], reason: 'scratch', expires: '2027-01-31' }],
      inventory: [{ field: 'inventory[0]', buckets: ['hr-*'], categories: ['email'], persons: 3 }],
    });
    assert.deepEqual(entrusteesFromConfig(config), [
      { id: '4444*', name: 'Payroll Co.', contract: 'CTR-1' },
      { id: '*@payroll.example.jp', name: 'Payroll Co.', contract: 'CTR-1' },
    ]);
  });
});
