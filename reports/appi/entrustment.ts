// Entrustment (委託) signals (APPI.md, "Cloud use and entrustment"): a fixed principal outside the owner's
// account/organization that can read (or list) a resource holding personal data can handle that data. Declared
// entrustees (--entrustee ID=NAME:CONTRACT-REF until the config file's `entrustees:`) turn the signal into a
// documented, supervised relation. Pure.
//
// Decided: list counts as well as read (keys can be personal data, as for reportability); principals of kind
// `anyone` are exposure, not a party, and are left to the reportability estimate; several grants to one principal
// make one signal (capabilities merged, every grant's evidence kept).
import type { Capability, I18n, Principal, Resource } from '../../src/model.js';
import type { EntrustmentSignal, Entrustee } from './types.js';
import { CAPABILITY_VERBS, concatI18n, joinI18n } from './labels.js';
import { globMatcher, isGlob } from '../policy/glob.js';

/** `ID=NAME:CONTRACT-REF` -> an entrustee, or the reason it is malformed. ID may hold ':' (ARNs), CONTRACT-REF too (URLs). */
export function parseEntrustee(value: string): Entrustee | string {
  const eq = value.indexOf('=');
  const id = eq > 0 ? value.slice(0, eq).trim() : '';
  const rest = eq > 0 ? value.slice(eq + 1) : '';
  const colon = rest.indexOf(':');
  const name = colon > 0 ? rest.slice(0, colon).trim() : '';
  const contract = colon > 0 ? rest.slice(colon + 1).trim() : '';
  if (!id || !name || !contract) return 'must be ID=NAME:CONTRACT-REF, e.g. 444455556666=Payroll Co.:CTR-2024-017 (ID: account id, principal id or domain)';
  return { id, name, contract };
}

/** The e-mail domain of a member (`user:alice@vendor.co.jp`, `group-g@vendor.co.jp`), or undefined. */
function emailDomain(id: string): string | undefined {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(at + 1).toLowerCase() : undefined;
}

/**
 * The declared entrustee a principal belongs to: by principal id (with or without a `type:` prefix), account, or
 * domain — exactly, or by a glob (`*`, `?`; the configuration's `principals:`), case-insensitively. First match wins.
 */
export function matchEntrustee(p: Principal, entrustees: readonly Entrustee[]): Entrustee | undefined {
  const id = p.id.toLowerCase();
  const bare = id.replace(/^[a-z]+:(?!:)/, ''); // user:alice@x -> alice@x; arn:aws:… keeps its shape only when compared whole
  const account = p.account?.toLowerCase();
  const domain = emailDomain(id) ?? (id.startsWith('domain:') ? id.slice('domain:'.length) : id.startsWith('domain-') ? id.slice('domain-'.length) : undefined);
  const candidates = [id, bare, account, domain].filter((c): c is string => c !== undefined);
  return entrustees.find((e) => {
    const want = e.id.toLowerCase();
    if (isGlob(want)) return candidates.some(globMatcher(want, { ignoreCase: true }));
    return want === id || want === bare || want === account || want === domain;
  });
}

const CAPABILITY_ORDER: readonly Capability[] = ['read', 'list', 'write', 'aclWrite'];

/** One principal per id: capabilities merged, conditional only when every grant is, evidence of every grant. */
export function mergePrincipals(principals: readonly Principal[]): Principal[] {
  const byId = new Map<string, Principal[]>();
  for (const p of principals) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  return [...byId.values()].map((grants) => {
    const first = grants[0]!;
    const caps = new Set(grants.flatMap((g) => g.capabilities));
    const via = grants.find((g) => g.viaRole !== undefined);
    const merged: Principal = {
      id: first.id,
      kind: first.kind,
      account: grants.find((g) => g.account !== null)?.account ?? null,
      capabilities: CAPABILITY_ORDER.filter((c) => caps.has(c)),
      conditional: grants.every((g) => g.conditional),
      evidence: [...new Set(grants.map((g) => g.evidence))].join('; '),
    };
    if (via?.viaRole !== undefined) merged.viaRole = via.viaRole;
    if (via?.externalId !== undefined) merged.externalId = via.externalId;
    return merged;
  });
}

function reach(p: Principal): I18n {
  return joinI18n(
    p.capabilities.filter((c) => c === 'read' || c === 'list').map((c) => CAPABILITY_VERBS[c]),
    { ja: '・', en: ' and ' },
  );
}

function messageFor(r: Pick<Resource, 'name'>, p: Principal, declared: Entrustee | undefined): I18n {
  const caps = reach(p);
  const account: I18n = p.account ? { ja: p.account, en: p.account } : { ja: '不明', en: 'unknown' };
  const condition: I18n = p.conditional ? { ja: 'この許可には条件が付いています（条件の内容は評価していません）。', en: 'The grant carries a condition (not evaluated).' } : { ja: '', en: '' };
  const via: I18n = p.viaRole ? { ja: `当アカウントのロール ${p.viaRole} を引き受けてアクセスします。`, en: `It gets there by assuming role ${p.viaRole} of the owner's account.` } : { ja: '', en: '' };
  if (declared) {
    return concatI18n(
      {
        ja: `外部の主体 ${p.id}（所属: ${account.ja}）は「${r.name}」の個人データの${caps.ja}ができます（根拠: ${p.evidence}）。申告された委託先「${declared.name}」（委託契約: ${declared.contract}）です。`,
        en: `External principal ${p.id} (account: ${account.en}) can ${caps.en} the personal data in "${r.name}" (evidence: ${p.evidence}). It is the declared entrustee (委託先) "${declared.name}" (contract: ${declared.contract}).`,
      },
      via,
      condition,
      {
        ja: '法第25条に基づく委託先の監督（委託先の選定、委託契約の締結、取扱状況の把握: 通則ガイドライン3-4-4）を続け、その記録を保ってください。アクセスの範囲が委託した業務に必要な範囲に限られているかも確認してください。',
        en: 'Keep supervising the entrustee under Art. 25 (selection, contract terms, monitoring: GL 3-4-4) and keep the records; check that its access is limited to what the entrusted work needs.',
      },
    );
  }
  return concatI18n(
    {
      ja: `外部の主体 ${p.id}（所属: ${account.ja}）は「${r.name}」の個人データの${caps.ja}ができます（根拠: ${p.evidence}）。`,
      en: `External principal ${p.id} (account: ${account.en}) can ${caps.en} the personal data in "${r.name}" (evidence: ${p.evidence}).`,
    },
    via,
    condition,
    {
      ja: 'この主体は個人データを取り扱える状態です。委託に当たる場合は、法第25条の委託先の監督（委託先の選定、委託契約の締結、取扱状況の把握: 通則ガイドライン3-4-4）が必要です。委託でない場合は、第三者提供（法第27条）に当たらないか確認してください。委託先であれば --entrustee で契約の参照とともに申告できます。',
      en: 'This party can handle the data — if this is entrustment (委託), Art. 25 supervision applies (selection, contract terms, monitoring: GL 3-4-4); if not, check it is not a third-party provision (第三者提供, Art. 27). Declare an entrustee with its contract reference with --entrustee.',
    },
  );
}

/** Signals for a resource that holds personal data (the caller decides that); [] for any other. */
export function entrustmentSignals(r: Pick<Resource, 'id' | 'name' | 'externalPrincipals'>, entrustees: readonly Entrustee[]): EntrustmentSignal[] {
  return mergePrincipals(r.externalPrincipals.filter((p) => p.kind !== 'anyone'))
    .filter((p) => p.capabilities.includes('read') || p.capabilities.includes('list'))
    .map((principal) => {
      const declared = matchEntrustee(principal, entrustees);
      return {
        resourceId: r.id,
        principal,
        ...(declared ? { declared: { name: declared.name, contract: declared.contract } } : {}),
        message: messageFor(r, principal, declared),
      };
    });
}
