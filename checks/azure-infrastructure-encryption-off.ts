// azure-infrastructure-encryption-off: no second layer of encryption at rest (informational). One per account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureInfrastructureEncryptionOff: Check = {
  id: 'azure-infrastructure-encryption-off',
  providers: ['azure'],
  severity: 'info',
  title: {
    ja: 'インフラストラクチャ暗号化（二重暗号化）が無効',
    en: 'Infrastructure encryption (double encryption) is off',
  },
  description: {
    ja: 'ストレージアカウントのインフラストラクチャ暗号化（requireInfrastructureEncryption）が無効なものを検出します。保存データはサービス層で暗号化されていますが、インフラストラクチャ層での二重の暗号化は行われていません。',
    en: 'Detects storage accounts without infrastructure encryption (requireInfrastructureEncryption): data at rest is encrypted at the service level, but not a second time at the infrastructure level.',
  },
  remediation: {
    azure: {
      ja:
        'インフラストラクチャ暗号化はアカウント作成時にしか有効にできません。要配慮個人情報などを保管する場合は、有効にした新しいアカウントを' +
        '同じリソースグループに作成し、AzCopy 等でデータを移してください。',
      en:
        'Infrastructure encryption can only be turned on when an account is created. For sensitive personal data, create a ' +
        'new account with it in the same resource group and move the data there (AzCopy or similar).',
      commands: ['az storage account create --name "$NEW_ACCOUNT" --resource-group {resource-group} --require-infrastructure-encryption'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-4'],
  run(resource) {
    if (resource.azure?.infrastructureEncryption !== false) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('azure.infrastructureEncryption', false, { en: 'no second layer of encryption at rest', ja: '保存時の二重の暗号化（インフラストラクチャ暗号化）がありません' })],
        detail: {
          ja: `ストレージアカウント「${account}」はインフラストラクチャ暗号化が無効です（保存データの暗号化は1層）。参考情報です。`,
          en: `Storage account "${account}" has infrastructure encryption off (one layer of encryption at rest). For information.`,
        },
      },
    ];
  },
};
