// azure-blob-public-access-allowed: the storage account allows anonymous blob access (allowBlobPublicAccess=true).
// The account flag is the guard over every container: while it is on, one change of a container's public access
// level publishes that container. It is a finding even when no container uses it today; the containers that do are
// reported by public-read / public-list. One finding per storage account (see Resource.accountScope).
import type { Check } from './types.js';
import { AZURE_NO_ANONYMOUS_COMMAND, azureAccountName, settingEvidence } from './helpers.js';

export const azureBlobPublicAccessAllowed: Check = {
  id: 'azure-blob-public-access-allowed',
  providers: ['azure'],
  severity: 'medium',
  title: {
    ja: 'ストレージアカウントが BLOB の匿名アクセスを許可している',
    en: 'The storage account allows anonymous blob access',
  },
  description: {
    ja:
      'ストレージアカウントの「BLOB の匿名アクセスを許可する」（allowBlobPublicAccess）が有効なものを検出します。' +
      'この設定はアカウント内のすべてのコンテナーに対するガードで、有効な間はコンテナーの公開レベルを変更するだけで誰でも読み取れる状態になります。現在公開レベルを設定したコンテナーがなくても検出します。',
    en:
      'Detects storage accounts with "allow blob anonymous access" (allowBlobPublicAccess) on. The setting is the guard ' +
      "over every container of the account: while it is on, changing one container's public access level makes it " +
      'readable by anyone. Reported even when no container uses a public level today.',
  },
  remediation: {
    azure: {
      ja:
        'ストレージアカウントで BLOB の匿名アクセスを禁止してください。' +
        '禁止すると公開レベルを設定したコンテナーへの匿名アクセスもすべて止まります。公開が必要なファイルは個人データと別のアカウントに分けるか、Azure Front Door 等の経由で配信してください。' +
        'Azure Policy の組み込みポリシー「ストレージ アカウントの匿名 BLOB アクセスを禁止する」で新しいアカウントにも強制できます。',
      en:
        'Disallow anonymous blob access on the storage account. ' +
        'This also stops anonymous access to every container with a public level: move files that must be public to a ' +
        'separate account without personal data, or serve them through Azure Front Door or similar. The built-in Azure ' +
        'Policy "Storage account public access should be disallowed" enforces it for new accounts too.',
      commands: [AZURE_NO_ANONYMOUS_COMMAND],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run(resource) {
    if (resource.guards.allowBlobPublicAccess !== true) return [];
    const account = azureAccountName(resource);
    return [
      {
        evidence: [settingEvidence('guards.allowBlobPublicAccess', true, { en: 'anonymous blob access is allowed on the storage account', ja: 'ストレージアカウントで BLOB の匿名アクセスが許可されています' })],
        detail: {
          ja:
            `ストレージアカウント「${account}」は BLOB の匿名アクセスを許可しています（allowBlobPublicAccess=true）。` +
            'コンテナーの公開レベルを「BLOB」又は「コンテナー」に変更するだけで、そのコンテナーは誰でも読み取れる状態になります。',
          en:
            `Storage account "${account}" allows anonymous blob access (allowBlobPublicAccess=true). Setting any container's ` +
            'public access level to "blob" or "container" makes it readable by anyone at once.',
        },
      },
    ];
  },
};
