// mfa-delete-off: on a versioned S3 bucket, versions can be deleted (and versioning suspended) without MFA.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

export const mfaDeleteOff: Check = {
  id: 'mfa-delete-off',
  providers: ['aws'],
  severity: 'info',
  title: {
    ja: 'MFA Delete が無効（バージョンの削除に多要素認証が不要）',
    en: 'MFA Delete is off (deleting versions needs no multi-factor authentication)',
  },
  description: {
    ja: 'バージョニングが有効な S3 バケットで MFA Delete が無効なものを検出します。認証情報が漏えいした場合、オブジェクトのバージョンの完全削除やバージョニングの停止を多要素認証なしで行えます。',
    en: 'Detects versioned S3 buckets with MFA Delete off. With leaked credentials, object versions can be permanently deleted and versioning suspended without multi-factor authentication.',
  },
  remediation: {
    aws: {
      ja:
        'MFA Delete はルートユーザーが MFA デバイスを使って CLI・API からのみ有効にできます。' +
        'ライフサイクル設定とは併用できないため、ライフサイクルを使うバケットや運用上ルートユーザーを使えない場合は、オブジェクトロックや AWS Backup による保護を検討してください。',
      en:
        'Only the root user can enable MFA Delete, with its MFA device, through the CLI or API. ' +
        'It cannot be used together with a lifecycle configuration: for buckets with lifecycle rules, or where the root ' +
        'user cannot be used, protect the data with Object Lock or AWS Backup instead.',
      commands: ['aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "$MFA_SERIAL $MFA_CODE"'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-2', 'GL-10-3-4'],
  run(resource) {
    if (resource.versioning !== true || resource.mfaDelete !== false) return [];
    const name = resource.name;
    const lifecycle =
      resource.lifecycle === true
        ? {
            ja: 'このバケットにはライフサイクル設定があり、MFA Delete とは併用できないため、オブジェクトロック等での保護を検討してください。',
            en: 'This bucket has a lifecycle configuration, which cannot be combined with MFA Delete: consider Object Lock or similar protection instead.',
          }
        : { ja: '', en: '' };
    return [
      {
        evidence: [
          settingEvidence('versioning', true, { en: 'versioning is enabled', ja: 'バージョニングは有効です' }),
          settingEvidence('mfaDelete', false, { en: 'MFA Delete is not enabled', ja: 'MFA Delete は有効になっていません' }),
        ],
        detail: {
          ja:
            `「${name}」はバージョニングが有効ですが MFA Delete は無効です。削除権限を持つ認証情報が漏えいすると、多要素認証なしで過去のバージョンを完全に削除でき、個人データを復元できなくなります。${lifecycle.ja}`,
          en:
            `"${name}" is versioned but MFA Delete is off. Leaked credentials with delete permission can permanently delete ` +
            `earlier versions without multi-factor authentication, and the personal data can then not be restored.${lifecycle.en ? ` ${lifecycle.en}` : ''}`,
        },
      },
    ];
  },
};
