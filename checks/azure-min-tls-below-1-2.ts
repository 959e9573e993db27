// azure-min-tls-below-1-2: the storage account still accepts TLS 1.0 or 1.1. One finding per storage account.
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

const WEAK = new Set(['TLS1_0', 'TLS1_1']);

export const azureMinTlsBelow12: Check = {
  id: 'azure-min-tls-below-1-2',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: '最小 TLS バージョンが 1.2 未満',
    en: 'Minimum TLS version below 1.2',
  },
  description: {
    ja: 'ストレージアカウントの最小 TLS バージョン（minimumTlsVersion）が TLS 1.0 又は 1.1 のもの（未設定は TLS 1.0 と解釈されます）を検出します。既知の脆弱性がある古いプロトコルでの通信を受け付けます。',
    en: 'Detects storage accounts whose minimum TLS version (minimumTlsVersion) is TLS 1.0 or 1.1 (unset is read as TLS 1.0): they accept old protocols with known weaknesses.',
  },
  remediation: {
    azure: {
      ja:
        '最小 TLS バージョンを 1.2 にしてください。' +
        '変更前に、Azure Monitor のログで TLS 1.0/1.1 を使うクライアントがないことを確認してください。',
      en:
        'Set the minimum TLS version to 1.2. ' +
        'Check the Azure Monitor logs for clients still using TLS 1.0 or 1.1 first.',
      commands: ['az storage account update --name {storage-account} --resource-group {resource-group} --min-tls-version TLS1_2'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-4'],
  run(resource) {
    const minTls = resource.transport.minTls;
    if (typeof minTls !== 'string' || !WEAK.has(minTls)) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('transport.minTls', minTls, { en: 'TLS versions older than 1.2 are accepted', ja: 'TLS 1.2 より古いバージョンを受け付けます' })],
        detail: {
          ja: `ストレージアカウント「${account}」の最小 TLS バージョンは ${minTls} です。既知の脆弱性がある TLS 1.0/1.1 での通信を受け付けるため、通信経路上で個人データが盗聴・改ざんされるおそれがあります。`,
          en: `Storage account "${account}" has minimum TLS version ${minTls}: it accepts TLS 1.0/1.1, which have known weaknesses, so personal data may be read or altered on the network path.`,
        },
      },
    ];
  },
};
