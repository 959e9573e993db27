// The redactor every log string goes through: each credential form the three clouds use, removed; ids,
// bucket names and ordinary messages left as they are.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redact, redactValue, shortMessage } from '../../src/log/redact.js';

describe('redact: credentials', () => {
  const cases: [string, string, string][] = [
    ['AWS access key id (long-term)', 'The AWS Access Key Id AKIAQWERTYUIOPASDFGH does not exist', 'The AWS Access Key Id [REDACTED:aws-access-key-id] does not exist'],
    ['AWS access key id (temporary)', 'key ASIAZXCVBNMLKJHGFDSA expired', 'key [REDACTED:aws-access-key-id] expired'],
    ['aws_secret_access_key in an ini line', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [REDACTED:secret]'],
    ['SecretAccessKey in JSON', '{"AccessKeyId":"x","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}', '{"AccessKeyId":"x","SecretAccessKey":"[REDACTED:secret]"}'],
    ['a bare 40-character secret key', 'signed with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY today', 'signed with [REDACTED:secret] today'],
    ['AWS_SESSION_TOKEN', 'AWS_SESSION_TOKEN=FwoGZXIvYXdzEBYaDH5Ltoken', 'AWS_SESSION_TOKEN=[REDACTED:secret]'],
    ['a long base64 session token alone', `token ${'IQoJb3JpZ2luX2VjEHgaDmFwLW5vcnRoZWFzdC0xIkcwRQIhAK'.repeat(3)} end`, 'token [REDACTED:token] end'],
    ['X-Amz-Security-Token in a presigned URL', 'GET https://127.0.0.1:9000/b/k?X-Amz-Security-Token=abc&X-Amz-Signature=0123456789abcdef0123 failed', 'GET https://127.0.0.1:9000/b/k?[REDACTED:query] failed'],
    [
      'Azure connection string',
      'DefaultEndpointsProtocol=https;AccountName=hrstore;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;EndpointSuffix=core.windows.net',
      'DefaultEndpointsProtocol=https;AccountName=hrstore;AccountKey=[REDACTED:azure-key];EndpointSuffix=core.windows.net',
    ],
    ['SharedAccessSignature in a connection string', 'BlobEndpoint=https://127.0.0.1:10000/devstoreaccount1;SharedAccessSignature=sv=2022-11-02&ss=b&sig=AbC%2Bdef%3D', 'BlobEndpoint=https://127.0.0.1:10000/devstoreaccount1;SharedAccessSignature=[REDACTED:azure-key]'],
    ['a SAS URL: the whole query string goes', 'cannot reach https://127.0.0.1:10000/hrstore/?sv=2022-11-02&ss=b&srt=co&sp=rl&sig=AbC%2Bdef%3D: ECONNREFUSED', 'cannot reach https://127.0.0.1:10000/hrstore/?[REDACTED:query] ECONNREFUSED'],
    ['a SAS token outside a URL', 'sv=2022-11-02&sp=r&sig=AbC%2Bdef%3D', 'sv=2022-11-02&sp=r&sig=[REDACTED:sas-signature]'],
    ['a SharedKey authorization header', 'Authorization: SharedKey hrstore:Eby8vdM02xNOcqFlqUwJ+LlmEtlCDXJ1OUzFT50u=', 'Authorization: SharedKey hrstore:[REDACTED:azure-key]'],
    ['a GCP private key (real newlines)', 'key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n done', 'key: [REDACTED:private-key]\n done'],
    ['a GCP private key in service-account JSON', '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n","client_email":"sa@p.iam.gserviceaccount.com"}', '{"type":"service_account","private_key":"[REDACTED:private-key]","client_email":"sa@p.iam.gserviceaccount.com"}'],
    ['a cut private key', 'got -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA', 'got [REDACTED:private-key]'],
    ['a Bearer token', 'Authorization: Bearer ya29.a0AfH6SMBxyz-123', 'Authorization: Bearer [REDACTED:token]'],
    ['a Google access token alone', 'token ya29.a0AfH6SMBxyz-123 was rejected', 'token [REDACTED:token] was rejected'],
    ['a JWT', 'assertion eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl rejected', 'assertion [REDACTED:token] rejected'],
    ['client_secret', 'AADSTS7000215: Invalid client secret provided. client_secret=Q~abc.def_123', 'AADSTS7000215: Invalid client secret provided. client_secret=[REDACTED:secret]'],
    ['a password in a URL', 'proxy http://audit:hunter2@proxy.local:3128 refused', 'proxy http://[REDACTED:userinfo]@proxy.local:3128 refused'],
  ];
  for (const [what, input, expected] of cases) {
    test(what, () => {
      assert.equal(redact(input), expected);
    });
  }
});

describe('redact: what stays', () => {
  for (const text of [
    'Access Denied',
    'arn:aws:s3:::hr-system-employees',
    'GetBucketPolicy failed (NoSuchBucketPolicy) on arn:aws:s3:::hr-system-locked',
    'https://127.0.0.1:10000/hrstore/exports',
    'sa@kumo-hr-prod.iam.gserviceaccount.com',
    // a 40-character bucket name (no capitals) and a SHA-1 digest are not secrets
    'hr-system-exports-ap-northeast-1-20261122',
    'etag 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
    'subscription 0b1f6471-1bf0-4dda-aec3-111122223333',
    '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/HrProduction/providers/Microsoft.Storage/storageAccounts/hrstore',
    'projects/_/buckets/kumo-hr-exports',
  ]) {
    test(text, () => assert.equal(redact(text), text));
  }
});

describe('redactValue and shortMessage', () => {
  test('every string inside arrays and objects, numbers and booleans untouched', () => {
    assert.deepEqual(redactValue({ a: 'key AKIAQWERTYUIOPASDFGH', n: 3, ok: true, list: ['x', 'AccountKey=abc;'], nested: { s: 'Bearer abc' }, none: null }), {
      a: 'key [REDACTED:aws-access-key-id]',
      n: 3,
      ok: true,
      list: ['x', 'AccountKey=[REDACTED:azure-key];'],
      nested: { s: 'Bearer [REDACTED:token]' },
      none: null,
    });
  });
  test('shortMessage: first line only, redacted, control characters shown escaped, shortened', () => {
    assert.equal(shortMessage('denied for AKIAQWERTYUIOPASDFGH\n    at stack (x.js:1:1)'), 'denied for [REDACTED:aws-access-key-id]');
    assert.equal(shortMessage('a\tb\u001b[31m\u009b2J'), 'a\\tb\\x1b[31m\\x9b2J');
    assert.equal(shortMessage('ab '.repeat(100), 10), 'ab ab ab …');
  });
});
