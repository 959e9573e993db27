// The shell commands of a remediation, as templates a check writes once and a report fills per resource.
//
// A check's remediation (CheckMeta.remediation[provider].commands) names the resource's parts with placeholders
// in braces; fillCommands substitutes the resource's own values (names of safe characters only), so that a report shows the command
// for that bucket, storage account or project ready to paste. A value kumoscan cannot know (a resource group of a
// data-plane-only scan) and a value only the reader can choose (the bucket that receives the logs) become shell
// variables — `"$RESOURCE_GROUP"`, `"$LOG_BUCKET"` — whose meaning commandVariables explains, never `<bucket>`.
import type { I18n, Provider } from '../src/model.js';

/** The placeholders a command template may use. */
export const COMMAND_PLACEHOLDERS = ['bucket', 'account-id', 'project', 'storage-account', 'resource-group', 'container', 'iam-name'] as const;
export type CommandPlaceholder = (typeof COMMAND_PLACEHOLDERS)[number];

/**
 * What a report knows of a finding's subject: enough to name it in a command. A storage resource has its account and
 * name; an account-level (IAM) finding has only its id (an IAM user or role ARN, or `aws:<account id>`).
 */
export interface CommandTarget {
  provider: Provider;
  /** AWS account id / GCP project / Azure storage account ARM id (or its URL in a data-plane scan); null for IAM findings. */
  account: string | null;
  /** AWS and GCS: the bucket; Azure: `<storage account>/<container>`; null for IAM findings. */
  name: string | null;
  /** The finding's resource id. */
  resourceId: string;
}

/** Variables the reader sets before running a command, with what they stand for. */
export const COMMAND_VARIABLES: Readonly<Record<string, I18n>> = {
  RESOURCE_GROUP: { ja: 'ストレージアカウントのリソースグループ', en: "the storage account's resource group" },
  LOG_BUCKET: { ja: 'ログを受け取るバケット（このバケットとは別のもの）', en: 'the bucket that receives the logs (not this one)' },
  LOG_WORKSPACE_ID: { ja: 'ログを送る Log Analytics ワークスペースのリソース ID', en: 'the resource id of the Log Analytics workspace that receives the logs' },
  KMS_KEY_ARN: { ja: '暗号化に使う KMS カスタマー管理キーの ARN', en: 'the ARN of the KMS customer managed key to encrypt with' },
  KMS_KEY: { ja: '暗号化に使う Cloud KMS 鍵のリソース名（projects/…/cryptoKeys/…）', en: 'the resource name of the Cloud KMS key to encrypt with (projects/…/cryptoKeys/…)' },
  ACCESS_KEY_ID: { ja: '詳細に示したアクセスキーの ID', en: 'the id of the access key the detail names' },
  MFA_SERIAL: { ja: 'ルートユーザーの MFA デバイスのシリアル番号（ARN）', en: "the serial number (ARN) of the root user's MFA device" },
  MFA_CODE: { ja: 'その MFA デバイスに表示されている6桁のコード', en: 'the six-digit code the MFA device shows' },
  ALLOWED_IP_RANGE: { ja: 'アクセスを許可する IP アドレス範囲（CIDR）', en: 'the IP address range (CIDR) allowed to connect' },
  KEY_VAULT_URI: { ja: 'Key Vault の URI（https://名前.vault.azure.net）', en: 'the Key Vault URI (https://NAME.vault.azure.net)' },
  KEY_VAULT_KEY: { ja: 'その Key Vault の鍵の名前', en: 'the name of the key in that Key Vault' },
  NEW_BUCKET: { ja: '新しく作るバケットの名前', en: 'the name of the new bucket' },
  NEW_ACCOUNT: { ja: '新しく作るストレージアカウントの名前', en: 'the name of the new storage account' },
  PUBLIC_ROLE: { ja: '詳細に示した、allUsers / allAuthenticatedUsers に付与されているロール', en: 'the role the detail shows granted to allUsers / allAuthenticatedUsers' },
};

/**
 * A value a command may hold bare: the characters of real bucket, account, container, project and IAM names. A name
 * with anything else (a tampered snapshot's quotes, control characters, backticks) gets no command at all: kumoscan
 * never builds a shell command from a string it would have to quote.
 */
export function isShellSafe(value: string): boolean {
  return /^[A-Za-z0-9_.:@+=,\/-]+$/.test(value);
}

/** The storage account's resource group from its ARM id, or null (a data-plane scan names the account by URL). */
function resourceGroupOf(armId: string): string | null {
  return /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)/i.exec(armId)?.[1] ?? null;
}

/** The value of one placeholder for a finding's subject, or null when it has no such part. */
function placeholderValue(p: CommandPlaceholder, t: CommandTarget): string | null {
  const [storageAccount, container] = t.provider === 'azure' && t.name !== null ? splitAzureName(t.name) : [null, null];
  const iam = /^arn:aws:iam::(\d{12}):(?:user|role)\/(?:.*\/)?([^/]+)$/.exec(t.resourceId);
  switch (p) {
    case 'bucket':
      return t.provider === 'azure' ? null : t.name;
    case 'account-id':
      return t.provider !== 'aws' ? null : (t.account ?? iam?.[1] ?? /^aws:(\d{12})$/.exec(t.resourceId)?.[1] ?? null);
    case 'project':
      return t.provider === 'gcp' ? t.account : null;
    case 'storage-account':
      return storageAccount;
    case 'container':
      return container;
    case 'resource-group':
      return t.provider === 'azure' && t.account !== null ? (resourceGroupOf(t.account) ?? '"$RESOURCE_GROUP"') : null;
    case 'iam-name':
      return iam?.[2] ?? null;
  }
}

function splitAzureName(name: string): [string | null, string | null] {
  const i = name.indexOf('/');
  return i < 0 ? [name, null] : [name.slice(0, i), name.slice(i + 1)];
}

const PLACEHOLDER = /\{([a-z-]+)\}/g;

/**
 * The commands of a remediation for one resource, every placeholder replaced by the resource's value (an unknown
 * resource group becomes "$RESOURCE_GROUP"). A command with a placeholder the resource has no value for, or no
 * shell-safe value for, is left out rather than shown half-filled or quoted.
 */
export function fillCommands(templates: readonly string[] | undefined, target: CommandTarget): string[] {
  const out: string[] = [];
  for (const template of templates ?? []) {
    let complete = true;
    const command = template.replace(PLACEHOLDER, (_, name: string) => {
      const value = (COMMAND_PLACEHOLDERS as readonly string[]).includes(name) ? placeholderValue(name as CommandPlaceholder, target) : null;
      if (value === null || !(value.startsWith('"$') || isShellSafe(value))) {
        complete = false;
        return '';
      }
      return value;
    });
    if (complete) out.push(command);
  }
  return out;
}

/** The shell variables the commands use (in order of first use), each with its meaning in `lang`. */
export function commandVariables(commands: readonly string[]): string[] {
  const seen: string[] = [];
  for (const c of commands) for (const m of c.matchAll(/\$([A-Z_]+)/g)) if (m[1] && !seen.includes(m[1])) seen.push(m[1]);
  return seen.filter((v) => COMMAND_VARIABLES[v] !== undefined);
}
