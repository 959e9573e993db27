// access-logging-off: nothing records who read or changed which object.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

export const accessLoggingOff: Check = {
  id: 'access-logging-off',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'medium',
  title: {
    ja: 'アクセスログが記録されていない',
    en: 'Access logging is off',
  },
  description: {
    ja: 'オブジェクトへのアクセス（誰が、いつ、どのオブジェクトを読み取り・変更したか）を記録していないバケットを検出します。',
    en: 'Detects buckets that do not record access to objects (who read or changed which object, and when).',
  },
  remediation: {
    aws: {
      ja:
        'サーバーアクセスログを有効にし、別のバケットに送ってください。' +
        '要求者の IAM 主体まで確実に追跡するには、CloudTrail で S3 のデータイベント（読取・書込）も記録してください。' +
        'ログの保存先は別のバケット（可能なら別アカウント）とし、アクセスを制限して、調査に必要な期間保持してください。',
      en:
        'Enable server access logging into another bucket. To trace requests to the IAM principal reliably, also record ' +
        'S3 data events (read and write) in CloudTrail. Keep the logs in a separate bucket (ideally a separate account) ' +
        'with restricted access, for as long as an investigation may need them.',
      commands: [
        'aws s3api put-bucket-logging --bucket {bucket} --bucket-logging-status "LoggingEnabled={TargetBucket=$LOG_BUCKET,TargetPrefix={bucket}/}"',
      ],
    },
    gcp: {
      ja:
        'プロジェクトの監査ログ設定で Cloud Storage のデータアクセス監査ログ（DATA_READ、DATA_WRITE）を有効にしてください。' +
        '公開オブジェクトへの匿名アクセスは監査ログに記録されないため、使用状況ログも有効にしてください。',
      en:
        "Enable Cloud Storage Data Access audit logs (DATA_READ, DATA_WRITE) in the project's audit configuration. " +
        'Anonymous access to public objects is not in the audit logs, so enable usage logs as well.',
      commands: ['gcloud storage buckets update gs://{bucket} --log-bucket=gs://"$LOG_BUCKET"'],
    },
    azure: {
      ja: 'BLOB サービスの診断設定で StorageRead・StorageWrite・StorageDelete のログを Log Analytics ワークスペース等に送ってください。',
      en:
        'Send the StorageRead, StorageWrite and StorageDelete logs of the blob service to a Log Analytics workspace or ' +
        'similar with a diagnostic setting.',
      commands: [
        'az monitor diagnostic-settings create --name kumoscan-blob-logs --resource "$(az storage account show --name {storage-account} --resource-group {resource-group} --query id --output tsv)/blobServices/default" --workspace "$LOG_WORKSPACE_ID" --logs \'[{"category":"StorageRead","enabled":true},{"category":"StorageWrite","enabled":true},{"category":"StorageDelete","enabled":true}]\'',
      ],
    },
    default: {
      ja: 'オブジェクトの読取・書込・削除をすべて記録するアクセスログを有効にし、アクセスを制限した別の保存先に、調査に必要な期間保持してください。',
      en: 'Enable access logs that record every object read, write and delete, and keep them in a separate, access-restricted location for as long as an investigation may need them.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-3', 'GL-10-3-3', 'GL-10-3-4'],
  run(resource) {
    if (resource.logging !== false) return [];
    const name = resource.name;
    return [
      {
        evidence: [settingEvidence('logging', false, { en: 'object access is not logged', ja: 'オブジェクトへのアクセスが記録されていません' })],
        detail: {
          ja:
            `「${name}」へのアクセスは記録されていないため、誰がいつどのオブジェクトを読み取り・変更したかを事後に確認できません。` +
            '設定の誤り等で外部から閲覧できる状態があった場合、第三者による閲覧がなかったことを示せず、' +
            '漏えい等の報告（法第26条）の判断では、不正の目的をもって行われたおそれ（規則第7条第3号）を否定できなくなります。',
          en:
            `Access to "${name}" is not recorded, so nobody can tell afterwards who read or changed which object and when. ` +
            'If it was ever readable from outside by mistake, there is no way to show that nobody read it, and in assessing ' +
            'the reporting duty (漏えい等の報告, APPI Art. 26) a possible wrongful purpose (不正の目的, Rules Art. 7 item 3) ' +
            'cannot be ruled out.',
        },
      },
    ];
  },
};
