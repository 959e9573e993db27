// azure-blob-soft-delete-off: deleted or overwritten blobs cannot be restored (blob soft delete off). One per account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureBlobSoftDeleteOff: Check = {
  id: 'azure-blob-soft-delete-off',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: 'BLOB の論理的な削除が無効',
    en: 'Blob soft delete is off',
  },
  description: {
    ja: 'ストレージアカウントの BLOB の論理的な削除（deleteRetentionPolicy）が無効なものを検出します。削除・上書きされた BLOB を保持期間内に復元できません。',
    en: 'Detects storage accounts with blob soft delete (deleteRetentionPolicy) off: deleted or overwritten blobs cannot be restored within a retention period.',
  },
  remediation: {
    azure: {
      ja: 'BLOB の論理的な削除を有効にしてください（コマンドの 7 日は例です）。保持期間は個人データの削除方針と整合させてください。',
      en: 'Turn on blob soft delete (the command\'s 7 days are an example). Choose a retention period consistent with your policy for deleting personal data.',
      commands: ['az storage account blob-service-properties update --account-name {storage-account} --resource-group {resource-group} --enable-delete-retention true --delete-retention-days 7'],
    },
  },
  duties: ['APPI-23', 'GL-10-3-4'],
  run(resource) {
    if (resource.softDelete !== false) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('softDelete', false, { en: 'blob soft delete is off', ja: 'BLOB の論理的な削除が無効です' })],
        detail: {
          ja:
            `ストレージアカウント「${account}」は BLOB の論理的な削除が無効のため、誤操作や不正アクセスで削除・上書きされた BLOB を復元できません。` +
            '個人データの滅失・毀損は法第26条の「漏えい等」に含まれます。',
          en:
            `Storage account "${account}" has blob soft delete off, so blobs deleted or overwritten by mistake or by ` +
            'unauthorized access cannot be restored. Loss and damage (滅失・毀損) of personal data are part of 漏えい等 under APPI Art. 26.',
        },
      },
    ];
  },
};
