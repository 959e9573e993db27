// no-object-lock: no object lock / locked retention, so every version can be deleted by whoever holds delete rights.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

export const noObjectLock: Check = {
  id: 'no-object-lock',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'info',
  title: {
    ja: 'オブジェクトロック（削除・上書きの防止）が設定されていない',
    en: 'No object lock (protection against deletion and overwrite)',
  },
  description: {
    ja:
      'オブジェクトロック（GCS ではロックされた保持ポリシー、Azure では不変性ポリシー）が設定されていないバケットを検出します。' +
      '削除権限を持つ認証情報が悪用された場合やランサムウェアによる攻撃の際に、すべてのバージョンを削除されるおそれがあります。',
    en:
      'Detects buckets without object lock (on GCS a locked retention policy, on Azure an immutability policy). If ' +
      'credentials with delete permission are abused, or ransomware strikes, every version can be deleted.',
  },
  remediation: {
    aws: {
      ja:
        'バージョニングを有効にしたうえで、オブジェクトロックと既定の保持期間を設定してください（コマンドのガバナンスモード30日は例です）。' +
        'コンプライアンスモードの保持期間はルートユーザーでも短縮できないため、個人データの削除方針や本人からの消去等の請求への対応と矛盾しない期間・モードを選んでください。',
      en:
        "With versioning on, enable Object Lock with a default retention period (the command's 30 days in governance mode are an example). " +
        'Not even the root user can shorten a compliance-mode retention, so choose a mode and period consistent with ' +
        'your policy for deleting personal data and with requests from the persons for deletion.',
      commands: [
        'aws s3api put-object-lock-configuration --bucket {bucket} --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"GOVERNANCE","Days":30}}}\'',
      ],
    },
    gcp: {
      ja:
        '保持ポリシーを設定し（コマンドの30日は例です）、必要に応じてロックしてください（gcloud storage buckets update の --lock-retention-period。ロックは取り消せません）。' +
        '保持期間は個人データの削除方針と矛盾しないように決めてください。',
      en:
        "Set a retention policy (the command's 30 days are an example) and lock it if needed (gcloud storage buckets " +
        'update with --lock-retention-period; a lock cannot be undone). Choose a period consistent with your policy for deleting personal data.',
      commands: ['gcloud storage buckets update gs://{bucket} --retention-period=30d'],
    },
    azure: {
      ja:
        'コンテナーに時間ベースの保持ポリシー（不変性ポリシー）を設定してください（コマンドの30日は例です）。' +
        '保持期間は個人データの削除方針と矛盾しないように決めてください。',
      en:
        "Set a time-based retention (immutability) policy on the container (the command's 30 days are an example). " +
        'Choose a period consistent with your policy for deleting personal data.',
      commands: ['az storage container immutability-policy create --account-name {storage-account} --resource-group {resource-group} --container-name {container} --period 30'],
    },
    default: {
      ja: '削除・上書きを一定期間防止する保持ロックを設定してください。保持期間は個人データの削除方針と矛盾しないように決めてください。',
      en: 'Set a retention lock that prevents deletion and overwrite for a period consistent with your policy for deleting personal data.',
    },
  },
  duties: ['APPI-23', 'GL-10-3-4'],
  run(resource) {
    if (resource.retentionLock !== false) return [];
    const name = resource.name;
    return [
      {
        evidence: [settingEvidence('retentionLock', false, { en: 'no object lock or locked retention', ja: 'オブジェクトロックもロックされた保持ポリシーもありません' })],
        detail: {
          ja:
            `「${name}」にはオブジェクトロックが設定されていません。削除権限を持つ認証情報が悪用された場合やランサムウェアによる攻撃の際に、バージョンを含めて個人データを削除され、復元できなくなるおそれがあります。` +
            'バックアップ等で別に保護している場合は対応不要です。',
          en:
            `"${name}" has no object lock. If credentials with delete permission are abused, or ransomware strikes, the ` +
            'personal data can be deleted together with its versions and not restored. No action is needed if it is ' +
            'protected some other way, such as backups.',
        },
      },
    ];
  },
};
