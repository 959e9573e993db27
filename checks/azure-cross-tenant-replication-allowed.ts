// azure-cross-tenant-replication-allowed: object replication to accounts of other Microsoft Entra tenants is allowed.
// One finding per storage account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureCrossTenantReplicationAllowed: Check = {
  id: 'azure-cross-tenant-replication-allowed',
  providers: ['azure'],
  severity: 'low',
  title: {
    ja: '他テナントへのオブジェクトレプリケーションが許可されている',
    en: 'Object replication to other tenants is allowed',
  },
  description: {
    ja: 'ストレージアカウントのテナント間レプリケーション（allowCrossTenantReplication）が許可されているものを検出します。書込権限を持つ者が、他の Microsoft Entra テナントのアカウントへデータを継続的に複製する設定を作れます。',
    en: 'Detects storage accounts that allow cross-tenant object replication (allowCrossTenantReplication): whoever can change the account can set up continuous copying of its data to an account of another Microsoft Entra tenant.',
  },
  remediation: {
    azure: {
      ja:
        'テナント間レプリケーションを禁止してください。' +
        '他テナント（委託先等）への複製が必要な場合は、委託先の監督（法第25条）として契約と設定を記録してください。',
      en:
        'Disallow cross-tenant replication. ' +
        'Where copies to another tenant (a contractor, say) are needed, document the contract and the setting as part of supervising the contractor (APPI Art. 25).',
      commands: ['az storage account update --name {storage-account} --resource-group {resource-group} --allow-cross-tenant-replication false'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  run(resource) {
    if (resource.azure?.allowCrossTenantReplication !== true) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('azure.allowCrossTenantReplication', true, { en: 'object replication to accounts of other tenants is allowed', ja: '他のテナントのアカウントへのオブジェクトレプリケーションが許可されています' })],
        detail: {
          ja: `ストレージアカウント「${account}」は他の Microsoft Entra テナントのアカウントへのオブジェクトレプリケーションを許可しています。個人データが組織外へ継続的に複製される経路になり得ます。`,
          en: `Storage account "${account}" allows object replication to accounts of other Microsoft Entra tenants: a path by which personal data can be copied outside the organization continuously.`,
        },
      },
    ];
  },
};
