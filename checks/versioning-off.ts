// versioning-off: overwritten or deleted objects cannot be restored.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

export const versioningOff: Check = {
  id: 'versioning-off',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'medium',
  title: {
    ja: 'バージョニングが無効',
    en: 'Versioning is off',
  },
  description: {
    ja: 'オブジェクトのバージョニングが有効でない（S3 では未設定又は停止中）バケットを検出します。上書き・削除されたオブジェクトを以前の状態に戻せません。',
    en: 'Detects buckets without object versioning (on S3: never enabled, or suspended). Overwritten or deleted objects cannot be restored to an earlier state.',
  },
  remediation: {
    aws: {
      ja:
        'バージョニングを有効にしてください。' +
        '古いバージョンが残り続けないよう、ライフサイクルルール（NoncurrentVersionExpiration）で非現行バージョンの保持期間を決め、個人データの削除方針と整合させてください。',
      en:
        'Enable versioning. ' +
        'Bound how long noncurrent versions are kept with a lifecycle rule (NoncurrentVersionExpiration), consistent with ' +
        'your policy for deleting personal data.',
      commands: ['aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled'],
    },
    gcp: {
      ja:
        'オブジェクトのバージョニングを有効にしてください。' +
        '非現行バージョンの保持期間はライフサイクルルールで決め、個人データの削除方針と整合させてください。',
      en:
        'Enable object versioning. Bound how long noncurrent ' +
        'versions are kept with a lifecycle rule, consistent with your policy for deleting personal data.',
      commands: ['gcloud storage buckets update gs://{bucket} --versioning'],
    },
    azure: {
      ja: 'BLOB のバージョン管理を有効にしてください。あわせて BLOB の論理的な削除も検討してください（チェック azure-blob-soft-delete-off）。',
      en: 'Enable blob versioning. Consider blob soft delete as well (check azure-blob-soft-delete-off).',
      commands: ['az storage account blob-service-properties update --account-name {storage-account} --resource-group {resource-group} --enable-versioning true'],
    },
    default: {
      ja: 'オブジェクトのバージョニング（又は論理削除）を有効にし、非現行バージョンの保持期間を個人データの削除方針と整合させてください。',
      en: 'Enable object versioning (or soft delete) and keep noncurrent versions for a period consistent with your policy for deleting personal data.',
    },
  },
  duties: ['APPI-23', 'GL-10-3-4'],
  run(resource) {
    if (resource.versioning !== false) return [];
    const name = resource.name;
    return [
      {
        evidence: [settingEvidence('versioning', false, { en: 'object versioning is not enabled', ja: 'オブジェクトのバージョニングが有効になっていません' })],
        detail: {
          ja:
            `「${name}」はバージョニングが無効のため、誤操作や不正アクセス、ランサムウェアにより上書き・削除されたオブジェクトを復元できません。` +
            '個人データの滅失・毀損は法第26条の「漏えい等」に含まれ、事案の調査でも改ざん前の状態を確認できません。',
          en:
            `"${name}" has versioning off, so objects overwritten or deleted by mistake, by unauthorized access or by ` +
            'ransomware cannot be restored. Loss and damage (滅失・毀損) of personal data are part of 漏えい等 under APPI ' +
            'Art. 26, and an investigation cannot see the state before the change.',
        },
      },
    ];
  },
};
