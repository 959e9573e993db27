// azure-shared-key-access-allowed: requests signed with the account keys (Shared Key, and SAS signed with a key)
// are accepted. Keys are not "public", but anyone who holds one can do anything to the data, without an identity
// to audit or revoke. One finding per storage account (see Resource.accountScope).
import type { Check } from './types.js';
import { azureAccountName, settingEvidence } from './helpers.js';

export const azureSharedKeyAccessAllowed: Check = {
  id: 'azure-shared-key-access-allowed',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: '共有キー（アカウントキー）によるアクセスが許可されている',
    en: 'Shared Key (account key) access is allowed',
  },
  description: {
    ja:
      'ストレージアカウントが共有キーによる認可（アカウントキー、及びアカウントキーで署名した SAS）を受け付ける設定（allowSharedKeyAccess が false でない）を検出します。' +
      'アカウントキーを持つ者は誰でもすべてのデータを読み書きでき、利用者を個別に識別・失効できません。',
    en:
      'Detects storage accounts that accept Shared Key authorization (the account keys, and SAS signed with them): ' +
      'allowSharedKeyAccess is not false. Whoever holds a key can read and write all data, and the holder can be ' +
      'neither identified nor revoked individually.',
  },
  remediation: {
    azure: {
      ja:
        'アプリケーションを Microsoft Entra ID（マネージド ID）による認可とユーザー委任 SAS に移行してから、共有キーによる認可を禁止してください。' +
        '禁止するとアカウントキーで署名した既存の SAS も使えなくなります。移行前に Azure Monitor のログで SharedKey による要求がないことを確認してください。',
      en:
        'Move applications to Microsoft Entra ID authorization (managed identities) and user delegation SAS, then disallow ' +
        'Shared Key authorization. ' +
        'Existing SAS signed with an account key stop working too: check the Azure Monitor logs for SharedKey requests first.',
      commands: ['az storage account update --name {storage-account} --resource-group {resource-group} --allow-shared-key-access false'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-2'],
  run(resource) {
    if (resource.azure?.allowSharedKeyAccess !== true) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('azure.allowSharedKeyAccess', true, { en: 'requests authorized with the account keys (Shared Key, SAS signed with a key) are accepted', ja: 'アカウントキーで承認されたリクエスト（共有キー、キーで署名した SAS）を受け付けます' })],
        detail: {
          ja:
            `ストレージアカウント「${account}」は共有キーによる認可を受け付けます。アカウントキー又はそれで署名された SAS が漏えいすると、持ち主を識別できないまま全データを読み書きされるおそれがあり、` +
            'アクセス者の識別と認証（通則ガイドライン10-6(2)）を個人単位で行えません。',
          en:
            `Storage account "${account}" accepts Shared Key authorization. A leaked account key, or a SAS signed with it, ` +
            'gives read and write access to all data without identifying who uses it, so access cannot be identified and ' +
            'authenticated per person (GL 10-6(2)).',
        },
      },
    ];
  },
};
