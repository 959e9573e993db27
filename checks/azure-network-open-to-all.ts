// azure-network-open-to-all: the storage account is reachable from every network (public network access not
// disabled and the network rules' default action Allow). One finding per storage account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureNetworkOpenToAll: Check = {
  id: 'azure-network-open-to-all',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: 'ストレージアカウントにすべてのネットワークからアクセスできる',
    en: 'The storage account is reachable from all networks',
  },
  description: {
    ja:
      'パブリックネットワークアクセス（publicNetworkAccess）が無効でなく、ネットワーク規則の既定の動作（networkRuleSet.defaultAction）が Allow のストレージアカウント（「すべてのネットワークから有効」）を検出します。' +
      '認証情報が漏えいした場合や公開設定の誤りがあった場合に、インターネット上のどこからでも利用されます。',
    en:
      'Detects storage accounts whose public network access (publicNetworkAccess) is not disabled and whose network ' +
      'rules default to Allow (networkRuleSet.defaultAction; "enabled from all networks"). A leaked credential or a ' +
      'public setting by mistake can then be used from anywhere on the internet.',
  },
  remediation: {
    azure: {
      ja:
        'ネットワーク規則の既定の動作を Deny にし、必要な IP 範囲・仮想ネットワークだけを許可してください。' +
        'インターネットからのアクセスが不要ならプライベートエンドポイントを使い、パブリックネットワークアクセスを無効にしてください（az storage account update の --public-network-access Disabled）。',
      en:
        'Set the network rules to deny by default and allow only the IP ranges and virtual networks that need access. ' +
        'If nothing on the internet needs it, use a private endpoint and disable public network access (az storage account update with --public-network-access Disabled).',
      commands: [
        'az storage account update --name {storage-account} --resource-group {resource-group} --default-action Deny',
        'az storage account network-rule add --account-name {storage-account} --resource-group {resource-group} --ip-address "$ALLOWED_IP_RANGE"',
      ],
    },
  },
  duties: ['APPI-23', 'GL-10-6-3'],
  run(resource) {
    const az = resource.azure;
    if (!az || az.openToAllNetworks !== true) return [];
    const account = azureAccountName(resource);
    const setting = `publicNetworkAccess=${az.publicNetworkAccess ?? '(not set)'}, networkRuleSet.defaultAction=${az.networkDefaultAction ?? '(not set: Allow)'}`;
    return [
      {
        evidence: [settingEvidence('azure.openToAllNetworks', true, { en: `reachable from every network (${setting})`, ja: `すべてのネットワークから到達できます（${setting}）` })],
        detail: {
          ja: `ストレージアカウント「${account}」はすべてのネットワークからアクセスできます（${setting}）。外部からの不正アクセス等の防止（通則ガイドライン10-6(3)）として、アクセス元のネットワークを限定してください。`,
          en: `Storage account "${account}" is reachable from every network (${setting}). Limit the networks it accepts requests from, as a measure against unauthorized access from outside (GL 10-6(3)).`,
        },
      },
    ];
  },
};
