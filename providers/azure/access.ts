// Pure Azure Blob access evaluation: what ANYONE can do with one container, from the account's
// allowBlobPublicAccess, the container's public access level and the account's static website.
// Spec: /work/shared/PUBLIC-ACCESS.md, Azure section.
//
//   read  = (level ∈ {blob, container} AND allowBlobPublicAccess)  OR  (container is $web AND static website on)
//   list  =  level = container AND allowBlobPublicAccess
//   write = aclWrite = false (anonymous access is read-only; SAS and keys need a credential)
//
// Three-valued: allowBlobPublicAccess null (absent from ARM, or not visible in data-plane mode) leaves a public level
// unknown — never safe — and the evidence says why. A private container (level none) is private whatever the flag.
import type { Capability, Evidence, Exposure, Guards, Tri } from '../../src/model.js';

export type ContainerLevel = 'container' | 'blob' | 'none';

/** The container's public access level: ARM's Container / Blob / None, the data plane's container / blob / absent. */
export function containerLevel(v: unknown): ContainerLevel {
  if (typeof v !== 'string') return 'none';
  const l = v.toLowerCase();
  return l === 'container' || l === 'blob' ? l : 'none';
}

/** A setting of the account with, when it is unknown, the reason. */
export interface Known<T> {
  value: T;
  /** Why the value is what it is (always given when value is null). */
  why?: string;
  /** The same reason in Japanese (given with why). */
  whyJa?: string;
}

export interface AzureAccessInput {
  container: string;
  level: ContainerLevel;
  allowBlobPublicAccess: Known<Tri>;
  staticWebsite: Known<Tri>;
  /** Reachable from every network (public network access enabled and default action Allow). */
  openToAllNetworks: Known<Tri>;
}

export interface AzureAccessResult {
  exposure: Exposure;
  guards: Guards;
}

/** true if any is true; else null if any is null; else false. */
function triOr(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

const WEB = '$web';

function flagEvidence(cap: Capability, level: ContainerLevel, flag: Known<Tri>): Evidence {
  const ref = `publicAccess=${level}`;
  const what = cap === 'read' ? 'read blobs' : 'list blobs';
  const whatJa = cap === 'read' ? 'BLOB の読取' : 'BLOB の一覧の取得';
  if (flag.value === true) {
    return {
      capability: cap,
      effect: 'grants',
      source: 'container-public-access',
      ref,
      message: `the container's public access level "${level}" lets anonymous callers ${what}, and the storage account allows blob public access (allowBlobPublicAccess=true)`,
      messageJa: `コンテナーのパブリックアクセスレベル「${level}」により匿名の呼び出し元が${whatJa}をでき、ストレージアカウントも BLOB の匿名アクセスを許可しています（allowBlobPublicAccess=true）`,
    };
  }
  if (flag.value === false) {
    return {
      capability: cap,
      effect: 'neutralized',
      source: 'container-public-access',
      ref,
      message: `the container's public access level "${level}" would let anonymous callers ${what}, but the storage account disallows blob public access (allowBlobPublicAccess=false)`,
      messageJa: `コンテナーのパブリックアクセスレベル「${level}」は匿名の呼び出し元に${whatJa}を許しますが、ストレージアカウントが BLOB の匿名アクセスを禁止しています（allowBlobPublicAccess=false）`,
    };
  }
  return {
    capability: cap,
    effect: 'unknown',
    source: 'account-setting',
    ref: 'allowBlobPublicAccess',
    message: `the container's public access level "${level}" lets anonymous callers ${what} if the storage account allows blob public access, and that is unknown: ${flag.why ?? 'allowBlobPublicAccess could not be read'}`,
    messageJa: `コンテナーのパブリックアクセスレベル「${level}」は、ストレージアカウントが BLOB の匿名アクセスを許可していれば匿名の呼び出し元に${whatJa}を許しますが、その設定は不明です: ${flag.whyJa ?? 'allowBlobPublicAccess を読み取れませんでした'}`,
  };
}

export function evaluateContainerAccess(input: AzureAccessInput): AzureAccessResult {
  const { level, allowBlobPublicAccess: flag } = input;
  const evidence: Evidence[] = [];

  // Through the blob endpoint: the container level, switched off by the account flag.
  const viaLevelRead: Tri = level === 'none' ? false : flag.value;
  const viaLevelList: Tri = level === 'container' ? flag.value : false;
  if (level === 'none') {
    evidence.push({ effect: 'info', source: 'container-public-access', ref: 'publicAccess=none', message: 'the container is private (no public access level): anonymous callers can neither read nor list it, whatever the account setting', messageJa: 'コンテナーはプライベートです（パブリックアクセスレベルなし）。アカウントの設定にかかわらず、匿名の呼び出し元は読取も一覧の取得もできません' });
  } else {
    evidence.push(flagEvidence('read', level, flag));
    if (level === 'container') evidence.push(flagEvidence('list', level, flag));
    else evidence.push({ capability: 'list', effect: 'info', source: 'container-public-access', ref: 'publicAccess=blob', message: 'level "blob" allows reading blobs by name, not listing them', messageJa: 'レベル「blob」は名前を指定した BLOB の読取を許しますが、一覧の取得は許しません' });
  }

  // Through the static website endpoint: $web is served to anyone, whatever allowBlobPublicAccess says.
  let viaWebsite: Tri = false;
  if (input.container === WEB) {
    const site = input.staticWebsite;
    viaWebsite = site.value;
    if (site.value === true) {
      evidence.push({ capability: 'read', effect: 'grants', source: 'static-website', ref: '$web (web endpoint)', message: 'static website hosting is on: every blob of $web is served to anyone through the web endpoint, even with allowBlobPublicAccess=false', messageJa: '静的 Web サイトが有効です。allowBlobPublicAccess=false でも、$web のすべての BLOB が Web エンドポイントから誰にでも配信されます' });
    } else if (site.value === null) {
      evidence.push({ capability: 'read', effect: 'unknown', source: 'static-website', ref: '$web (web endpoint)', message: `whether static website hosting serves $web to anyone is unknown: ${site.why ?? 'the static website setting could not be read'}`, messageJa: `静的 Web サイトが $web を誰にでも配信しているかは不明です: ${site.whyJa ?? '静的 Web サイトの設定を読み取れませんでした'}` });
    } else {
      evidence.push({ capability: 'read', effect: 'info', source: 'static-website', ref: '$web (web endpoint)', message: 'static website hosting is off: $web is an ordinary container', messageJa: '静的 Web サイトは無効です。$web は通常のコンテナーです' });
    }
  }

  const read = triOr([viaLevelRead, viaWebsite]);
  const list = viaLevelList;
  evidence.push({ capability: 'write', effect: 'info', source: 'azure-blob', ref: 'anonymous access', message: 'anonymous access to Azure Blob Storage is read-only: creating, overwriting or deleting blobs needs a credential (Microsoft Entra ID, a key or a SAS)', messageJa: 'Azure Blob Storage への匿名アクセスは読取専用です。BLOB の作成・上書き・削除には資格情報（Microsoft Entra ID、キー又は SAS）が必要です' });

  // A network rule in front narrows who can reach it; the configuration stays public (PUBLIC-ACCESS.md, probe).
  if ((read === true || list === true) && input.openToAllNetworks.value === false) {
    for (const cap of ['read', 'list'] as const) {
      if ((cap === 'read' ? read : list) !== true) continue;
      evidence.push({ capability: cap, effect: 'restricts', source: 'network-rules', ref: 'networkRuleSet / publicNetworkAccess', message: `the storage account is not reachable from every network (${input.openToAllNetworks.why ?? 'network rules apply'}): anonymous requests from outside the allowed networks are refused, but the configuration itself is public`, messageJa: `ストレージアカウントはすべてのネットワークからは到達できません（${input.openToAllNetworks.whyJa ?? 'ネットワーク規則が適用されています'}）。許可されたネットワーク外からの匿名のリクエストは拒否されますが、設定自体は公開です` });
    }
  }

  return {
    exposure: { read, list, write: false, aclWrite: false, evidence },
    guards: { allowBlobPublicAccess: flag.value },
  };
}
