// azure-container-soft-delete-off: a deleted container (with every blob in it) cannot be restored. One per account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureContainerSoftDeleteOff: Check = {
  id: 'azure-container-soft-delete-off',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: 'コンテナーの論理的な削除が無効',
    en: 'Container soft delete is off',
  },
  description: {
    ja: 'ストレージアカウントのコンテナーの論理的な削除（containerDeleteRetentionPolicy）が無効なものを検出します。削除されたコンテナーは、中のすべての BLOB とともに復元できません。',
    en: 'Detects storage accounts with container soft delete (containerDeleteRetentionPolicy) off: a deleted container cannot be restored, nor any blob in it.',
  },
  remediation: {
    azure: {
      ja: 'コンテナーの論理的な削除を有効にしてください（コマンドの 7 日は例です）。',
      en: 'Turn on container soft delete (the command\'s 7 days are an example).',
      commands: ['az storage account blob-service-properties update --account-name {storage-account} --resource-group {resource-group} --enable-container-delete-retention true --container-delete-retention-days 7'],
    },
  },
  duties: ['APPI-23', 'GL-10-3-4'],
  run(resource) {
    if (resource.azure?.containerSoftDelete !== false) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('azure.containerSoftDelete', false, { en: 'container soft delete is off', ja: 'コンテナーの論理的な削除が無効です' })],
        detail: {
          ja: `ストレージアカウント「${account}」はコンテナーの論理的な削除が無効のため、誤って又は不正に削除されたコンテナーを中のデータごと復元できません。`,
          en: `Storage account "${account}" has container soft delete off: a container deleted by mistake or by an attacker cannot be restored, nor the data in it.`,
        },
      },
    ];
  },
};
