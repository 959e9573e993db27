// provider-managed-encryption: data at rest is encrypted only with the provider's own key (low), or not at all (high).
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';
import type { I18n, Provider } from '../src/model.js';

/** What the provider calls its own default encryption key. */
const PROVIDER_KEY: Readonly<Record<Provider, I18n>> = {
  aws: { ja: 'Amazon S3 マネージドキー（SSE-S3）', en: 'Amazon S3 managed keys (SSE-S3)' },
  gcp: { ja: 'Google が管理する暗号鍵', en: 'Google-managed encryption keys' },
  azure: { ja: 'Microsoft マネージドキー', en: 'Microsoft-managed keys' },
};

const PUBLIC_NOTE: I18n = {
  ja: 'なお、サーバー側の暗号化は鍵の種類にかかわらず正規の読取時に復号されるため、誰でも読み取れるバケットでは漏えい等報告の例外となる「高度な暗号化」には当たりません。',
  en: 'Server-side encryption of any kind is decrypted for every authorized read, so on a bucket readable by anyone it is not the "high-level encryption" (高度な暗号化) that exempts a leak from reporting.',
};

export const providerManagedEncryption: Check = {
  id: 'provider-managed-encryption',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'low',
  title: {
    ja: '保存データが自社で管理する鍵で暗号化されていない',
    en: 'Data at rest is not encrypted with a customer-managed key',
  },
  description: {
    ja:
      '保存時の暗号化がクラウド事業者の管理する鍵のみで行われているバケット（重要度: 低）と、暗号化されていないバケット（重要度: 高）を検出します。' +
      '事業者管理の鍵では、鍵の利用をお客様の権限設定で制御したり、復号の記録を個別に監査したりできません。' +
      'Google Cloud Storage の Google 管理の鍵は重要度「情報」とします。',
    en:
      'Detects buckets whose data at rest is encrypted only with a key the cloud provider manages (severity low), and ' +
      'buckets that are not encrypted at all (severity high). With a provider-managed key you can neither control the ' +
      'use of the key with your own permissions nor audit each decryption. On Google Cloud Storage, Google-managed keys are ' +
      'reported as info.',
  },
  remediation: {
    aws: {
      ja:
        'お客様管理の KMS キーによる既定の暗号化（SSE-KMS）を設定してください。' +
        'キーポリシーで kms:Decrypt を必要なロールだけに許可し、CloudTrail で復号の記録を確認できるようにしてください（AWS マネージドキー aws/s3 ではキーポリシーを変更できません）。' +
        '既定の暗号化は以後に書き込まれるオブジェクトにのみ適用されるため、既存オブジェクトはコピー（S3 バッチオペレーション等）で暗号化し直してください。',
      en:
        'Set default encryption with a customer-managed KMS key (SSE-KMS). ' +
        'Allow kms:Decrypt in the key policy only to the roles that need it, so CloudTrail shows every decryption (the ' +
        'AWS managed key aws/s3 has a key policy you cannot change). Default encryption applies only to objects written ' +
        'afterwards: re-encrypt existing objects by copying them (e.g. S3 Batch Operations).',
      commands: [
        'aws s3api put-bucket-encryption --bucket {bucket} --server-side-encryption-configuration "Rules=[{ApplyServerSideEncryptionByDefault={SSEAlgorithm=aws:kms,KMSMasterKeyID=$KMS_KEY_ARN},BucketKeyEnabled=true}]"',
      ],
    },
    gcp: {
      ja:
        'Cloud KMS の顧客管理の暗号鍵（CMEK）をバケットの既定の鍵に設定してください。' +
        'Cloud Storage のサービスエージェントに鍵の暗号化・復号の権限が必要です。既存オブジェクトは書き直すまで元の鍵のままです。',
      en:
        'Set a Cloud KMS customer-managed encryption key (CMEK) as the default key of the bucket. ' +
        'The Cloud Storage service agent needs encrypt/decrypt permission on the key. Existing objects keep their key until rewritten.',
      commands: ['gcloud storage buckets update gs://{bucket} --default-encryption-key="$KMS_KEY"'],
    },
    azure: {
      ja:
        'ストレージアカウントの暗号化に Key Vault のカスタマーマネージドキーを設定してください。' +
        'ストレージアカウントのマネージド ID に鍵へのアクセス権限が必要です。',
      en:
        'Configure the storage account to encrypt with a customer-managed key in Key Vault. ' +
        "The storage account's managed identity needs access to the key.",
      commands: [
        'az storage account update --name {storage-account} --resource-group {resource-group} --encryption-key-source Microsoft.Keyvault --encryption-key-vault "$KEY_VAULT_URI" --encryption-key-name "$KEY_VAULT_KEY"',
      ],
    },
    default: {
      ja: '自社で管理する鍵（鍵管理サービスのお客様管理キー）による保存時の暗号化を設定し、鍵の利用権限を必要な主体に限定してください。',
      en: 'Encrypt data at rest with a key you manage (a customer-managed key in the key management service) and allow its use only to the principals that need it.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-4'],
  run(resource) {
    const atRest = resource.encryption.atRest;
    const name = resource.name;
    if (atRest === 'none') {
      return [
        {
          severity: 'high',
          title: { ja: '保存データが暗号化されていない', en: 'Data at rest is not encrypted' },
          evidence: [settingEvidence('encryption.atRest', atRest, { en: 'data at rest is not encrypted', ja: '保存データが暗号化されていません' })],
          detail: {
            ja:
              `「${name}」の保存データは暗号化されていません。記憶媒体の盗難や不適切な廃棄、ストレージ基盤側の事故の際に、個人データがそのまま読み取られるおそれがあります。` +
              '個人データを保管する場合は、自社で管理する鍵による暗号化を設定してください。',
            en:
              `Data at rest in "${name}" is not encrypted. If storage media are stolen or disposed of improperly, or ` +
              'the storage platform has an incident, the personal data can be read as is. Encrypt it with a key you ' +
              'manage before storing personal data.',
          },
        },
      ];
    }
    if (atRest !== 'provider-managed') return [];
    const key = PROVIDER_KEY[resource.provider];
    const awsNote: I18n =
      resource.provider === 'aws'
        ? {
            ja: '2023年1月5日以降、すべての S3 バケットには SSE-S3 が既定で適用されているため、これは「暗号化されていない」という意味ではありません。',
            en: 'Since 2023-01-05 every S3 bucket has SSE-S3 by default, so this does not mean the data is unencrypted.',
          }
        : { ja: '', en: '' };
    return [
      {
        // GCS: Google-managed keys are the platform default and not a gap by themselves (info), as the issue of the GCS provider decided.
        ...(resource.provider === 'gcp' ? { severity: 'info' as const } : {}),
        evidence: [settingEvidence('encryption.atRest', atRest, { en: `encrypted with ${key.en} only`, ja: `${key.ja}のみで暗号化されています` })],
        detail: {
          ja:
            `「${name}」の保存データは${key.ja}のみで暗号化されています。${awsNote.ja}` +
            'ただし鍵はクラウド事業者が管理しており、鍵の利用を自社の権限設定で制御したり、復号の記録を鍵単位で監査したりできません。' +
            '要配慮個人情報やマイナンバーなど機微な個人データを保管する場合は、お客様管理の鍵による暗号化で鍵単位のアクセス制御と監査を行うことを推奨します。' +
            PUBLIC_NOTE.ja,
          en:
            `Data at rest in "${name}" is encrypted with ${key.en} only. ${awsNote.en}${awsNote.en ? ' ' : ''}` +
            'The key is managed by the cloud provider, though: you can neither control its use with your own permissions ' +
            'nor audit decryptions per key. For sensitive personal data such as 要配慮個人情報 (special care-required ' +
            'personal information) or My Numbers, a customer-managed key gives key-level access control and audit. ' +
            PUBLIC_NOTE.en,
        },
      },
    ];
  },
};
