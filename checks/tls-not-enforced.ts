// tls-not-enforced: unencrypted HTTP access to the bucket is not refused.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

/** The statement AWS documents for enforcing TLS: a conditional Deny covering both the bucket and its objects. */
const DENY_INSECURE_TRANSPORT =
  '{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",' +
  '"Resource":["arn:aws:s3:::{bucket}","arn:aws:s3:::{bucket}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}';

export const tlsNotEnforced: Check = {
  id: 'tls-not-enforced',
  // Not GCS: its XML API accepts plain HTTP for every bucket and no bucket setting can refuse it, so a finding on
  // every bucket would tell nothing a bucket owner could act on (docs/gcp.md, "TLS").
  providers: ['aws', 'azure'],
  severity: 'medium',
  title: {
    ja: '暗号化されていない HTTP でのアクセスが拒否されていない',
    en: 'Unencrypted HTTP access is not refused',
  },
  description: {
    ja:
      'バケットへのアクセスに HTTPS（TLS）が強制されていない設定を検出します。HTTP でのアクセスが可能だと、通信経路上で個人データや認証情報が盗聴・改ざんされるおそれがあります。' +
      'S3 ではバケットポリシーに aws:SecureTransport が false の場合の Deny（バケットとオブジェクトの両方が対象）がない場合、Azure では「安全な転送が必須」（enableHttpsTrafficOnly）が無効な場合です。',
    en:
      'Detects buckets that do not require HTTPS (TLS). Where HTTP works, personal data and credentials can be read or ' +
      'altered on the network path. On S3: the bucket policy has no Deny on aws:SecureTransport = false covering both the ' +
      'bucket and its objects; on Azure: "secure transfer required" (enableHttpsTrafficOnly) is off.',
  },
  remediation: {
    aws: {
      ja:
        'バケットポリシーに、TLS を使わない要求を拒否するステートメント（AWS が文書化している aws:SecureTransport の条件付き Deny）を追加してください。' +
        'PutBucketPolicy はポリシー全体を置き換えるため、コマンドは既存のポリシーを読んでステートメントを追加します（jq が必要です。ポリシーがまだないバケットでは {"Version":"2012-10-17","Statement":[]} から始めてください）。',
      en:
        'Add to the bucket policy the statement that refuses requests without TLS (the conditional Deny on ' +
        'aws:SecureTransport that AWS documents). PutBucketPolicy replaces the whole policy, so the commands read the ' +
        'existing policy and add the statement to it (they need jq; for a bucket without a policy, start from ' +
        '{"Version":"2012-10-17","Statement":[]}).',
      commands: [
        `aws s3api get-bucket-policy --bucket {bucket} --query Policy --output text | jq '.Statement += [${DENY_INSECURE_TRANSPORT}]' > policy.json`,
        'aws s3api put-bucket-policy --bucket {bucket} --policy file://policy.json',
      ],
    },
    azure: {
      ja: 'ストレージアカウントで「安全な転送が必須」を有効にし、最小 TLS バージョンを 1.2 にしてください。',
      en: 'Turn on "secure transfer required" on the storage account and set the minimum TLS version to 1.2.',
      commands: ['az storage account update --name {storage-account} --resource-group {resource-group} --https-only true --min-tls-version TLS1_2'],
    },
    default: {
      ja: 'HTTP でのアクセスを拒否し、HTTPS（TLS 1.2 以上）でのアクセスのみを許可してください。',
      en: 'Refuse HTTP access and allow only HTTPS (TLS 1.2 or later).',
    },
  },
  duties: ['APPI-23', 'GL-10-6-4'],
  run(resource) {
    if (resource.transport.httpsOnly !== false) return [];
    const name = resource.name;
    const evidence = [settingEvidence('transport.httpsOnly', false, { en: 'plain HTTP requests are not refused', ja: '暗号化されていない HTTP のリクエストが拒否されていません' })];
    if (resource.provider === 'aws') {
      const arns = `arn:aws:s3:::${name}、arn:aws:s3:::${name}/*`;
      return [
        {
          evidence,
          detail: {
            ja:
              `バケット「${name}」のバケットポリシーには、aws:SecureTransport が false のリクエストを ${arns} の両方について拒否する Deny がないため、暗号化されていない HTTP でもアクセスできます。` +
              '通信経路上で個人データや署名付きリクエストの内容が盗聴・改ざんされるおそれがあります。',
            en:
              `The policy of bucket "${name}" has no Deny on aws:SecureTransport = false covering both ` +
              `arn:aws:s3:::${name} and arn:aws:s3:::${name}/*, so it can be reached over unencrypted HTTP. Personal data ` +
              'and the content of signed requests can be read or altered on the network path.',
          },
        },
      ];
    }
    return [
      {
        evidence,
        detail: {
          ja: `「${name}」には暗号化されていない HTTP でもアクセスできます。通信経路上で個人データが盗聴・改ざんされるおそれがあります。`,
          en: `"${name}" can be reached over unencrypted HTTP. Personal data can be read or altered on the network path.`,
        },
      },
    ];
  },
};
