// Every check against a healthy baseline bucket, a failing input and an unknown (null) input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BlockPublicAccessFlags, Evidence, Finding, Principal, Resource, Severity } from '../../src/model.js';
import { CHECKS, findCheck, runChecks } from '../../checks/index.js';
import { fillCommands } from '../../checks/commands.js';

const ALL_ON: BlockPublicAccessFlags = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
const ALL_OFF: BlockPublicAccessFlags = {
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
};

const ID = 'arn:aws:s3:::kumo-hr';

/** A healthy AWS bucket; `edit` breaks what a test needs broken. */
function bucket(edit?: (r: Resource) => void): Resource {
  const r: Resource = {
    provider: 'aws',
    account: '111122223333',
    id: ID,
    name: 'kumo-hr',
    region: 'ap-northeast-1',
    exposure: { read: false, list: false, write: false, aclWrite: false, evidence: [] },
    guards: {
      accountBlockPublicAccess: { ...ALL_ON },
      bucketBlockPublicAccess: { ...ALL_ON },
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: true,
      aclsEnabled: false,
      objectOwnership: 'BucketOwnerEnforced',
    },
    externalPrincipals: [],
    encryption: { atRest: 'customer-managed', key: 'arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
    transport: { httpsOnly: true, minTls: null },
    versioning: true,
    mfaDelete: true,
    logging: true,
    softDelete: true,
    retentionLock: true,
    lifecycle: true,
    website: false,
    tags: {},
    errors: [],
  };
  edit?.(r);
  return r;
}

/** A healthy bucket of another provider (no S3-only settings). */
function otherBucket(provider: 'gcp' | 'azure', edit?: (r: Resource) => void): Resource {
  return bucket((r) => {
    r.provider = provider;
    r.id = `${provider}:kumo-hr`;
    r.guards = provider === 'gcp' ? { aclsEnabled: false, publicAccessPrevention: true } : { allowBlobPublicAccess: false };
    if (provider === 'gcp') r.region = 'asia-northeast1'; // a GCS location in Japan (gcs-location-outside-japan)
    delete r.mfaDelete;
    edit?.(r);
  });
}

type Brief = [id: string, severity: Severity];

function brief(findings: Finding[]): Brief[] {
  return findings.map((f) => [f.id, f.severity]);
}

/** The findings of one check on one resource. */
function run(checkId: string, resource: Resource): Finding[] {
  return runChecks([resource], { only: [checkId] });
}

/**
 * The input of `checkId` set to null: that check says nothing, and across all checks the only finding is the
 * not-verified one, which names the attribute in both languages.
 */
function assertNullInput(checkId: string, edit: (r: Resource) => void, names: { ja: string; en: string }, severity: Severity = 'medium'): void {
  const r = bucket(edit);
  assert.deepEqual(run(checkId, r), [], `${checkId} must not guess on a null input`);
  const all = runChecks([r]);
  assert.deepEqual(brief(all), [[`not-verified:${ID}`, severity]]);
  assert.ok(all[0]!.detail.ja.includes(names.ja), all[0]!.detail.ja);
  assert.ok(all[0]!.detail.en.includes(names.en), all[0]!.detail.en);
}

const grant = (capability: Evidence['capability'], source: string, ref: string): Evidence => ({
  capability,
  effect: 'grants',
  source,
  ref,
  message: `grants ${capability}`,
  messageJa: `${capability} を許可`,
});

describe('baseline', () => {
  test('a healthy AWS bucket has no finding from any check', () => {
    assert.deepEqual(runChecks([bucket()]), []);
  });
  test('healthy GCS and Azure buckets have no finding from any check', () => {
    assert.deepEqual(runChecks([otherBucket('gcp'), otherBucket('azure')]), []);
  });
  test('every check returns nothing on the baseline', () => {
    for (const c of CHECKS) assert.deepEqual(c.run(bucket()), [], c.id);
  });
});

describe('public-read', () => {
  const failing = bucket((r) => {
    r.exposure.read = true;
    r.exposure.evidence = [
      grant('read', 'bucket-policy', 'Sid "PublicRead"'),
      { capability: 'read', effect: 'neutralized', source: 'bucket-acl', ref: 'Grant AllUsers READ', message: 'ignored', messageJa: '無視' },
      grant('list', 'bucket-acl', 'Grant AllUsers READ'),
    ];
  });
  test('fails when anyone can read, naming the evidence refs', () => {
    const f = run('public-read', failing);
    assert.deepEqual(brief(f), [[`public-read:${ID}`, 'critical']]);
    assert.deepEqual(f[0]!.duties, ['APPI-23', 'GL-10-6-1', 'GL-10-6-2']);
    assert.ok(!f[0]!.duties.includes('APPI-26'));
    // Evidence about read only (both the grant and what neutralized another grant); the detail names the grants.
    assert.deepEqual(
      f[0]!.evidence.map((e) => e.ref),
      ['Sid "PublicRead"', 'Grant AllUsers READ'],
    );
    assert.ok(f[0]!.detail.ja.includes('bucket-policy: Sid "PublicRead"'));
    assert.ok(f[0]!.detail.en.includes('bucket-policy: Sid "PublicRead"'));
    assert.ok(!f[0]!.detail.en.includes('bucket-acl'), 'a neutralized grant is not named as the cause');
  });
  test('passes on the baseline', () => assert.deepEqual(run('public-read', bucket()), []));
  test('null read: no finding, not-verified (high)', () =>
    assertNullInput('public-read', (r) => (r.exposure.read = null), { ja: '公開読取', en: 'public read' }, 'high'));
});

describe('public-list', () => {
  test('fails when anyone can list', () => {
    const f = run('public-list', bucket((r) => {
      r.exposure.list = true;
      r.exposure.evidence = [grant('list', 'bucket-acl', 'Grant AllUsers READ')];
    }));
    assert.deepEqual(brief(f), [[`public-list:${ID}`, 'high']]);
    assert.ok(f[0]!.detail.en.includes('bucket-acl: Grant AllUsers READ'));
    assert.ok(f[0]!.detail.en.includes('Object reads are not public'));
  });
  test('says every listed file can be downloaded when reads are public too', () => {
    const f = run('public-list', bucket((r) => {
      r.exposure.list = true;
      r.exposure.read = true;
    }));
    assert.deepEqual(brief(f), [[`public-list:${ID}`, 'high']]);
    assert.ok(f[0]!.detail.ja.includes('すべてのファイルを誰でも取得できます'));
  });
  test('does not claim reads are private when the read verdict is unknown', () => {
    const f = run('public-list', bucket((r) => {
      r.exposure.list = true;
      r.exposure.read = null;
    }));
    assert.deepEqual(brief(f), [[`public-list:${ID}`, 'high']]);
    assert.ok(f[0]!.detail.en.includes('could not be verified'));
    assert.ok(!f[0]!.detail.en.includes('Object reads are not public'));
  });
  test('passes on the baseline', () => assert.deepEqual(run('public-list', bucket()), []));
  test('null list: no finding, not-verified (high)', () =>
    assertNullInput('public-list', (r) => (r.exposure.list = null), { ja: '公開一覧', en: 'public listing' }, 'high'));
});

describe('public-write', () => {
  test('fails when anyone can write', () => {
    const f = run('public-write', bucket((r) => (r.exposure.write = true)));
    assert.deepEqual(brief(f), [[`public-write:${ID}`, 'critical']]);
    assert.ok(f[0]!.detail.en.includes('no granting setting recorded'));
  });
  test('passes on the baseline', () => assert.deepEqual(run('public-write', bucket()), []));
  test('null write: no finding, not-verified (high)', () =>
    assertNullInput('public-write', (r) => (r.exposure.write = null), { ja: '公開書込', en: 'public write' }, 'high'));
});

describe('public-acl-write', () => {
  test('fails when anyone can change ACLs', () => {
    const f = run('public-acl-write', bucket((r) => {
      r.exposure.aclWrite = true;
      r.exposure.evidence = [grant('aclWrite', 'bucket-acl', 'Grant AuthenticatedUsers WRITE_ACP')];
    }));
    assert.deepEqual(brief(f), [[`public-acl-write:${ID}`, 'critical']]);
    assert.ok(f[0]!.detail.ja.includes('bucket-acl: Grant AuthenticatedUsers WRITE_ACP'));
  });
  test('passes on the baseline', () => assert.deepEqual(run('public-acl-write', bucket()), []));
  test('null aclWrite: no finding, not-verified (high)', () =>
    assertNullInput('public-acl-write', (r) => (r.exposure.aclWrite = null), { ja: '公開ACL変更', en: 'public ACL change' }, 'high'));
});

describe('s3-block-public-access-off', () => {
  test('medium, listing the flags off, when the account does not cover them', () => {
    const f = run('s3-block-public-access-off', bucket((r) => {
      r.guards.bucketBlockPublicAccess = { ...ALL_ON, IgnorePublicAcls: false, RestrictPublicBuckets: false };
      r.guards.accountBlockPublicAccess = { ...ALL_OFF };
    }));
    assert.deepEqual(brief(f), [[`s3-block-public-access-off:${ID}`, 'medium']]);
    assert.ok(f[0]!.detail.en.includes('IgnorePublicAcls'));
    assert.ok(f[0]!.detail.en.includes('RestrictPublicBuckets'));
    assert.ok(!f[0]!.detail.en.includes('BlockPublicAcls ('), 'flags that are on are not listed');
  });
  test('low when the account setting covers every flag the bucket leaves off', () => {
    const f = run('s3-block-public-access-off', bucket((r) => (r.guards.bucketBlockPublicAccess = { ...ALL_OFF })));
    assert.deepEqual(brief(f), [[`s3-block-public-access-off:${ID}`, 'low']]);
  });
  test('medium when the account setting is unknown (and not-verified reports the account)', () => {
    const r = bucket((r) => {
      r.guards.bucketBlockPublicAccess = { ...ALL_OFF };
      r.guards.accountBlockPublicAccess = null;
    });
    assert.deepEqual(brief(run('s3-block-public-access-off', r)), [[`s3-block-public-access-off:${ID}`, 'medium']]);
    assert.deepEqual(brief(runChecks([r])), [
      [`not-verified:${ID}`, 'medium'],
      [`s3-block-public-access-off:${ID}`, 'medium'],
    ]);
  });
  test('passes on the baseline and on other providers', () => {
    assert.deepEqual(run('s3-block-public-access-off', bucket()), []);
    assert.deepEqual(run('s3-block-public-access-off', otherBucket('gcp')), []);
  });
  test('null bucket setting: no finding, not-verified', () =>
    assertNullInput('s3-block-public-access-off', (r) => (r.guards.bucketBlockPublicAccess = null), {
      ja: 'バケットのブロックパブリックアクセス',
      en: 'bucket-level Block Public Access',
    }));
});

describe('s3-account-block-public-access-off', () => {
  test('fires when the bucket depends on account flags that are off, naming only those', () => {
    const f = run('s3-account-block-public-access-off', bucket((r) => {
      r.guards.accountBlockPublicAccess = { ...ALL_OFF };
      r.guards.bucketBlockPublicAccess = { ...ALL_OFF, BlockPublicAcls: true };
    }));
    assert.deepEqual(brief(f), [[`s3-account-block-public-access-off:${ID}`, 'medium']]);
    assert.ok(f[0]!.detail.en.includes('111122223333'));
    for (const flag of ['IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets']) assert.ok(f[0]!.detail.en.includes(flag), flag);
    assert.ok(!f[0]!.detail.en.includes('BlockPublicAcls ('), 'a flag the bucket sets is not a gap');
  });
  test('does not fire when the bucket setting covers every flag the account leaves off', () => {
    assert.deepEqual(run('s3-account-block-public-access-off', bucket((r) => (r.guards.accountBlockPublicAccess = { ...ALL_OFF }))), []);
  });
  test('with both levels off, the bucket and the account findings both fire', () => {
    const r = bucket((r) => {
      r.guards.accountBlockPublicAccess = { ...ALL_OFF };
      r.guards.bucketBlockPublicAccess = { ...ALL_OFF };
    });
    assert.deepEqual(brief(runChecks([r])), [
      [`s3-account-block-public-access-off:${ID}`, 'medium'],
      [`s3-block-public-access-off:${ID}`, 'medium'],
    ]);
  });
  test('passes on the baseline', () => assert.deepEqual(run('s3-account-block-public-access-off', bucket()), []));
  test('null account setting: no finding, not-verified', () =>
    assertNullInput(
      's3-account-block-public-access-off',
      (r) => {
        r.guards.accountBlockPublicAccess = null;
        r.errors = [{ call: 'GetPublicAccessBlock (account)', code: 'AccessDenied', message: 'Access Denied' }];
      },
      { ja: 'アカウントのブロックパブリックアクセス', en: 'account-level Block Public Access' },
    ));
});

describe('acls-enabled', () => {
  test('fails when ACLs take effect, naming the Object Ownership', () => {
    const f = run('acls-enabled', bucket((r) => {
      r.guards.aclsEnabled = true;
      r.guards.objectOwnership = 'BucketOwnerPreferred';
    }));
    assert.deepEqual(brief(f), [[`acls-enabled:${ID}`, 'low']]);
    assert.ok(f[0]!.detail.en.includes('BucketOwnerPreferred'));
    assert.ok(f[0]!.remediation.en.includes('BucketOwnerEnforced'));
  });
  test('no OwnershipControls means the legacy ObjectWriter', () => {
    const f = run('acls-enabled', bucket((r) => {
      r.guards.aclsEnabled = true;
      r.guards.objectOwnership = null;
    }));
    assert.ok(f[0]!.detail.ja.includes('ObjectWriter'));
  });
  test('GCS: uniform bucket-level access off, with the GCS remediation', () => {
    const f = run('acls-enabled', otherBucket('gcp', (r) => (r.guards.aclsEnabled = true)));
    assert.deepEqual(brief(f), [['acls-enabled:gcp:kumo-hr', 'low']]);
    assert.ok(f[0]!.remediation.commands?.some((c) => c.includes('--uniform-bucket-level-access')));
  });
  test('passes on the baseline', () => assert.deepEqual(run('acls-enabled', bucket()), []));
  test('null aclsEnabled: no finding, not-verified', () =>
    assertNullInput('acls-enabled', (r) => (r.guards.aclsEnabled = null), { ja: 'ACLの有効・無効', en: 'whether ACLs are in effect' }));
});

describe('tls-not-enforced', () => {
  test('fails when HTTP is not refused; the AWS remediation gives the Deny statement', () => {
    const f = run('tls-not-enforced', bucket((r) => (r.transport.httpsOnly = false)));
    assert.deepEqual(brief(f), [[`tls-not-enforced:${ID}`, 'medium']]);
    assert.ok(f[0]!.detail.en.includes('arn:aws:s3:::kumo-hr/*'));
    // The commands read the policy, add the statement filled for this bucket, and put it back.
    const [read, put] = fillCommands(f[0]!.remediation.commands, { provider: 'aws', account: '111122223333', name: 'kumo-hr', resourceId: ID });
    const statement = /'\.Statement \+= \[(.*)\]'/.exec(read ?? '')?.[1] ?? '';
    const parsed = JSON.parse(statement) as { Effect: string; Resource: string[]; Condition: unknown };
    assert.equal(parsed.Effect, 'Deny');
    assert.deepEqual(parsed.Resource, ['arn:aws:s3:::kumo-hr', 'arn:aws:s3:::kumo-hr/*']);
    assert.deepEqual(parsed.Condition, { Bool: { 'aws:SecureTransport': 'false' } });
    assert.equal(put, 'aws s3api put-bucket-policy --bucket kumo-hr --policy file://policy.json');
    assert.match(f[0]!.remediation.ja, /aws:SecureTransport の条件付き Deny/);
  });
  test('passes on the baseline', () => assert.deepEqual(run('tls-not-enforced', bucket()), []));
  test('null httpsOnly: no finding, not-verified', () =>
    assertNullInput('tls-not-enforced', (r) => (r.transport.httpsOnly = null), { ja: 'HTTPS（TLS）通信の強制', en: 'HTTPS-only' }));
});

describe('provider-managed-encryption', () => {
  test('low for SSE-S3, saying it is not "unencrypted"', () => {
    const f = run('provider-managed-encryption', bucket((r) => (r.encryption = { atRest: 'provider-managed' })));
    assert.deepEqual(brief(f), [[`provider-managed-encryption:${ID}`, 'low']]);
    assert.ok(f[0]!.detail.en.includes('2023-01-05'));
    assert.ok(f[0]!.detail.ja.includes('2023年1月5日'));
    assert.ok(f[0]!.detail.en.includes('customer-managed key'));
    assert.deepEqual(f[0]!.title, { ja: '保存データが自社で管理する鍵で暗号化されていない', en: 'Data at rest is not encrypted with a customer-managed key' });
  });
  test('high, with a different detail, when not encrypted at all', () => {
    const f = run('provider-managed-encryption', bucket((r) => (r.encryption = { atRest: 'none' })));
    assert.deepEqual(brief(f), [[`provider-managed-encryption:${ID}`, 'high']]);
    assert.ok(f[0]!.detail.en.includes('not encrypted'));
    assert.ok(!f[0]!.detail.en.includes('2023-01-05'));
    // The title says what the high finding is (not the low one's "not … with a customer-managed key").
    assert.deepEqual(f[0]!.title, { ja: '保存データが暗号化されていない', en: 'Data at rest is not encrypted' });
  });
  test('passes on the baseline', () => assert.deepEqual(run('provider-managed-encryption', bucket()), []));
  test('null atRest: no finding, not-verified', () =>
    assertNullInput('provider-managed-encryption', (r) => (r.encryption = { atRest: null }), { ja: '保存時の暗号化', en: 'encryption at rest' }));
});

describe('versioning-off', () => {
  test('fails when versioning is off (MFA Delete is then irrelevant)', () => {
    const r = bucket((r) => {
      r.versioning = false;
      r.mfaDelete = false;
    });
    const f = run('versioning-off', r);
    assert.deepEqual(brief(f), [[`versioning-off:${ID}`, 'medium']]);
    assert.deepEqual(f[0]!.duties, ['APPI-23', 'GL-10-3-4']);
    assert.deepEqual(brief(runChecks([r])), [[`versioning-off:${ID}`, 'medium']]);
  });
  test('passes on the baseline', () => assert.deepEqual(run('versioning-off', bucket()), []));
  test('null versioning: no finding, not-verified', () =>
    assertNullInput('versioning-off', (r) => (r.versioning = null), { ja: 'バージョニング', en: 'versioning' }));
});

describe('mfa-delete-off', () => {
  test('info on a versioned bucket without MFA Delete, noting the lifecycle conflict', () => {
    const f = run('mfa-delete-off', bucket((r) => (r.mfaDelete = false)));
    assert.deepEqual(brief(f), [[`mfa-delete-off:${ID}`, 'info']]);
    assert.ok(f[0]!.detail.en.includes('lifecycle configuration'));
  });
  test('no lifecycle note without a lifecycle configuration', () => {
    const f = run('mfa-delete-off', bucket((r) => {
      r.mfaDelete = false;
      r.lifecycle = false;
    }));
    assert.ok(!f[0]!.detail.en.includes('lifecycle'));
  });
  test('does not apply to other providers', () => {
    assert.deepEqual(run('mfa-delete-off', otherBucket('gcp', (r) => (r.mfaDelete = false))), []);
  });
  test('passes on the baseline', () => assert.deepEqual(run('mfa-delete-off', bucket()), []));
  test('null mfaDelete: no finding, not-verified', () =>
    assertNullInput('mfa-delete-off', (r) => (r.mfaDelete = null), { ja: 'MFA Delete', en: 'MFA Delete' }));
  test('null mfaDelete on an unversioned bucket is not reported as unverified', () => {
    const r = bucket((r) => {
      r.versioning = false;
      r.mfaDelete = null;
    });
    assert.deepEqual(brief(runChecks([r])), [[`versioning-off:${ID}`, 'medium']]);
  });
  test('null versioning: no finding, not-verified', () =>
    assertNullInput(
      'mfa-delete-off',
      (r) => {
        r.versioning = null;
        r.mfaDelete = false;
      },
      { ja: 'バージョニング', en: 'versioning' },
    ));
});

describe('access-logging-off', () => {
  test('fails when access is not logged', () => {
    const f = run('access-logging-off', bucket((r) => (r.logging = false)));
    assert.deepEqual(brief(f), [[`access-logging-off:${ID}`, 'medium']]);
    assert.deepEqual(f[0]!.duties, ['APPI-23', 'GL-10-6-3', 'GL-10-3-3', 'GL-10-3-4']);
  });
  test('passes on the baseline', () => assert.deepEqual(run('access-logging-off', bucket()), []));
  test('null logging: no finding, not-verified', () =>
    assertNullInput('access-logging-off', (r) => (r.logging = null), { ja: 'アクセスログ', en: 'access logging' }));
});

describe('external-principal-read', () => {
  const principal = (p: Partial<Principal> & Pick<Principal, 'id'>): Principal => ({
    kind: 'aws-account',
    account: p.id.replace(/\D/g, '').slice(0, 12) || null,
    capabilities: ['read'],
    conditional: false,
    evidence: 'Sid "Vendor"',
    ...p,
  });
  test('one finding per principal that can read or list; medium when conditional', () => {
    const r = bucket((r) => {
      r.externalPrincipals = [
        principal({ id: 'arn:aws:iam::444455556666:root', capabilities: ['read', 'list'] }),
        principal({ id: 'arn:aws:iam::777788889999:role/etl', kind: 'aws-iam', capabilities: ['list'], conditional: true, evidence: 'Statement[2]' }),
        principal({ id: '999988887777', capabilities: ['write'], evidence: 'Sid "Upload"' }),
      ];
    });
    const f = run('external-principal-read', r);
    assert.deepEqual(brief(f), [
      [`external-principal-read:${ID}:arn:aws:iam::444455556666:root`, 'high'],
      [`external-principal-read:${ID}:arn:aws:iam::777788889999:role/etl`, 'medium'],
    ]);
    assert.deepEqual(f[0]!.duties, ['APPI-23', 'GL-10-6-1', 'APPI-25']);
    assert.ok(f[0]!.detail.en.includes('444455556666'));
    assert.ok(f[0]!.detail.ja.includes('委託'));
    assert.ok(f[1]!.detail.en.includes('condition'));
    assert.deepEqual(f[1]!.evidence.map((e) => [e.ref, e.effect, e.source]), [['Statement[2]', 'grants', 'external-principal']]);
  });
  test('a principal named by several grants is one finding, conditional only if every grant is', () => {
    const f = run('external-principal-read', bucket((r) => {
      r.externalPrincipals = [
        principal({ id: '444455556666', conditional: true, evidence: 'Statement[0]' }),
        principal({ id: '444455556666', capabilities: ['list'], evidence: 'Statement[1]' }),
      ];
    }));
    assert.deepEqual(brief(f), [[`external-principal-read:${ID}:444455556666`, 'high']]);
    assert.equal(f[0]!.evidence.length, 2);
  });
  test('passes on the baseline', () => assert.deepEqual(run('external-principal-read', bucket()), []));
  // externalPrincipals is a list, never null: when the policy could not be read, the exposure verdicts are null
  // and not-verified reports the failed call.
  test('unreadable policy: no finding, not-verified (high) with the failed call', () => {
    const r = bucket((r) => {
      r.exposure.read = null;
      r.exposure.list = null;
      r.errors = [{ call: 'GetBucketPolicy', code: 'AccessDenied', message: 'Access Denied' }];
    });
    assert.deepEqual(run('external-principal-read', r), []);
    const all = runChecks([r]);
    assert.deepEqual(brief(all), [[`not-verified:${ID}`, 'high']]);
    assert.ok(all[0]!.detail.en.includes('GetBucketPolicy (AccessDenied)'));
  });
});

describe('website-public', () => {
  test('fails when a website is readable by anyone', () => {
    const r = bucket((r) => {
      r.website = true;
      r.exposure.read = true;
      r.exposure.evidence = [grant('read', 'bucket-policy', 'Sid "Website"')];
    });
    const f = run('website-public', r);
    assert.deepEqual(brief(f), [[`website-public:${ID}`, 'high']]);
    assert.ok(f[0]!.detail.en.includes('bucket-policy: Sid "Website"'));
    assert.deepEqual(brief(runChecks([r])), [
      [`public-read:${ID}`, 'critical'],
      [`website-public:${ID}`, 'high'],
    ]);
  });
  test('a website that is not readable by anyone is not a finding', () => {
    assert.deepEqual(run('website-public', bucket((r) => (r.website = true))), []);
  });
  test('passes on the baseline', () => assert.deepEqual(run('website-public', bucket()), []));
  test('null website: no finding, not-verified', () =>
    assertNullInput(
      'website-public',
      (r) => {
        r.website = null;
        r.errors = [{ call: 'GetBucketWebsite', code: 'AccessDenied', message: 'Access Denied' }];
      },
      { ja: '静的ウェブサイトホスティング', en: 'static website hosting' },
    ));
  test('null read on a website: no finding, not-verified (high)', () =>
    assertNullInput(
      'website-public',
      (r) => {
        r.website = true;
        r.exposure.read = null;
      },
      { ja: '公開読取', en: 'public read' },
      'high',
    ));
});

describe('no-object-lock', () => {
  test('info when there is no object lock', () => {
    const f = run('no-object-lock', bucket((r) => (r.retentionLock = false)));
    assert.deepEqual(brief(f), [[`no-object-lock:${ID}`, 'info']]);
  });
  test('passes on the baseline', () => assert.deepEqual(run('no-object-lock', bucket()), []));
  test('null retentionLock: no finding, not-verified', () =>
    assertNullInput('no-object-lock', (r) => (r.retentionLock = null), { ja: 'オブジェクトロック', en: 'object lock' }));
});

describe('not-verified', () => {
  test('one finding listing every unknown attribute and every failed call; high when exposure is unknown', () => {
    const r = bucket((r) => {
      r.exposure.read = null;
      r.exposure.list = null;
      r.logging = null;
      r.exposure.evidence = [
        { capability: 'read', effect: 'unknown', source: 'bucket-policy', ref: 'Policy', message: 'policy could not be read', messageJa: 'ポリシーを読み取れませんでした' },
        grant('write', 'bucket-acl', 'Grant AllUsers WRITE'),
      ];
      r.exposure.write = true;
      r.errors = [
        { call: 'GetBucketPolicy', code: 'AccessDenied', message: 'Access Denied' },
        { call: 'GetBucketLogging', code: 'NotImplemented', message: 'not supported' },
      ];
    });
    const f = run('not-verified', r);
    assert.deepEqual(brief(f), [[`not-verified:${ID}`, 'high']]);
    assert.deepEqual(f[0]!.evidence, [
      { effect: 'unknown', source: 'collect', ref: 'GetBucketPolicy', message: 'AccessDenied: Access Denied', messageJa: 'GetBucketPolicy に失敗しました（AccessDenied）: 「Access Denied」' },
      { effect: 'unknown', source: 'collect', ref: 'GetBucketLogging', message: 'NotImplemented: not supported', messageJa: 'GetBucketLogging に失敗しました（NotImplemented）: 「not supported」' },
      { capability: 'read', effect: 'unknown', source: 'bucket-policy', ref: 'Policy', message: 'policy could not be read', messageJa: 'ポリシーを読み取れませんでした' },
    ]);
    for (const name of ['public read', 'public listing', 'access logging']) assert.ok(f[0]!.detail.en.includes(name), name);
    for (const name of ['公開読取', '公開一覧', 'アクセスログ']) assert.ok(f[0]!.detail.ja.includes(name), name);
    assert.ok(!f[0]!.detail.en.includes('public write'), 'a known verdict is not listed');
    assert.ok(f[0]!.detail.ja.includes('GetBucketPolicy（AccessDenied）'));
    assert.ok(f[0]!.detail.en.includes('might be readable by anyone'));
  });
  test('medium when only non-exposure settings are unknown, even without a recorded error', () => {
    const f = run('not-verified', bucket((r) => {
      r.versioning = null;
      r.retentionLock = null;
    }));
    assert.deepEqual(brief(f), [[`not-verified:${ID}`, 'medium']]);
    assert.deepEqual(f[0]!.evidence, []);
    assert.ok(f[0]!.detail.en.includes('No failed call was recorded'));
  });
  test('failed calls alone, with every verdict known, are not a finding', () => {
    assert.deepEqual(run('not-verified', bucket((r) => (r.errors = [{ call: 'GetBucketTagging', code: 'AccessDenied', message: 'x' }]))), []);
  });
  test('settings a provider does not have are not "unknown"', () => {
    assert.deepEqual(run('not-verified', otherBucket('azure')), []);
  });
  test('passes on the baseline', () => assert.deepEqual(run('not-verified', bucket()), []));
});

describe('documented-entrustment', () => {
  const vendor: Principal = { id: 'arn:aws:iam::444455556666:role/payroll', kind: 'aws-iam', account: '444455556666', capabilities: ['read', 'list'], conditional: false, evidence: 'Sid "Vendor"' };
  const other: Principal = { id: '777788889999', kind: 'aws-account', account: '777788889999', capabilities: ['read'], conditional: false, evidence: 'Sid "Other"' };
  const entrustees = [{ id: '444455556666', name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' }];
  const r = bucket((x) => (x.externalPrincipals = [vendor, other]));

  test('the declared entrustee is info (contract, Art. 25) and leaves external-principal-read; the other stays high', () => {
    const f = runChecks([r], { only: ['documented-entrustment', 'external-principal-read'], settings: { entrustees } });
    assert.deepEqual(brief(f), [
      [`external-principal-read:${ID}:777788889999`, 'high'],
      [`documented-entrustment:${ID}:${vendor.id}`, 'info'],
    ]);
    const doc = f[1]!;
    assert.deepEqual(doc.duties, ['APPI-23', 'APPI-25']);
    assert.match(doc.detail.ja, /申告された委託先「Kyuyo Payroll Co.」（委託契約: CTR-2024-017）/);
    assert.match(doc.detail.ja, /法第25条に基づき委託先を監督する必要があります/);
    assert.match(doc.detail.en, /contract: CTR-2024-017.*APPI Art\. 25 requires you to supervise the entrustee/);
    assert.deepEqual(doc.evidence.map((e) => e.messageJa), ['IAM ロール・ユーザー arn:aws:iam::444455556666:role/payroll（所属: 444455556666）はオブジェクトの読取・オブジェクト一覧の取得ができます', '申告された委託先「Kyuyo Payroll Co.」、委託契約 CTR-2024-017']);
  });

  test('nothing declared: no documented-entrustment finding', () => {
    assert.deepEqual(run('documented-entrustment', r), []);
  });
});

describe('every check', () => {
  test('is covered by a describe block of this file', () => {
    // A new check must come with its own tests here.
    const covered = [
      'public-read', 'public-list', 'public-write', 'public-acl-write', 's3-block-public-access-off',
      's3-account-block-public-access-off', 'acls-enabled', 'tls-not-enforced', 'provider-managed-encryption',
      'versioning-off', 'mfa-delete-off', 'access-logging-off', 'external-principal-read', 'website-public',
      'no-object-lock', 'not-verified', 'documented-entrustment',
      // Identity (IAM) resource check: its describe block is in iam-checks.test.ts.
      'personal-data-bucket-many-readers',
      // Azure storage account checks: their describe blocks are in azure-checks.test.ts.
      'azure-blob-public-access-allowed', 'azure-shared-key-access-allowed', 'azure-min-tls-below-1-2',
      'azure-network-open-to-all', 'azure-infrastructure-encryption-off', 'azure-blob-soft-delete-off',
      'azure-container-soft-delete-off', 'azure-cross-tenant-replication-allowed',
      // probe-disagreement: its tests are in probe.test.ts.
      'probe-disagreement',
      // GCS checks: their describe blocks are in gcp-checks.test.ts.
      'gcs-public-access-prevention-off', 'gcs-soft-delete-off', 'gcs-location-outside-japan',
    ];
    assert.deepEqual([...CHECKS.map((c) => c.id)].sort(), [...covered].sort());
    for (const id of covered) assert.ok(findCheck(id), id);
  });
});
