// external-principal-read: a fixed principal outside the owner's account/organization can read (or list) the bucket.
// The entrustment (委託) signal of APPI.md: such a party can handle the data.
import type { Check, FindingDraft } from './types.js';
import { CAPABILITY_NAMES, joinI18n } from './helpers.js';
import type { Capability, Evidence, I18n, Principal } from '../src/model.js';
import { matchEntrustee } from '../reports/appi/entrustment.js';

export const KIND_NAMES: Readonly<Record<Principal['kind'], I18n>> = {
  'aws-account': { ja: 'AWS アカウント', en: 'AWS account' },
  'aws-iam': { ja: 'IAM ロール・ユーザー', en: 'IAM role or user' },
  'aws-canonical-user': { ja: '正規ユーザー ID', en: 'canonical user' },
  'aws-service': { ja: 'AWS サービス', en: 'AWS service' },
  'cloudfront-oai': { ja: 'CloudFront オリジンアクセスアイデンティティ', en: 'CloudFront origin access identity' },
  federated: { ja: 'フェデレーション', en: 'federated identity' },
  'gcp-member': { ja: 'Google Cloud のメンバー', en: 'Google Cloud member' },
  'azure-tenant': { ja: '他の Microsoft Entra ID テナント', en: 'other Microsoft Entra ID tenant' },
  anyone: { ja: '誰でも（任意のアカウントの主体）', en: 'anyone (a principal of any account)' },
};

/** " through role R (sts:ExternalId required / not required)" for a principal that reaches the bucket by assuming a role. */
function viaRoleText(p: Principal): string {
  if (p.viaRole === undefined) return '';
  return ` through role ${p.viaRole} (sts:ExternalId ${p.externalId ? 'required' : 'not required'})`;
}

export const CAPABILITY_ORDER: readonly Capability[] = ['read', 'list', 'write', 'aclWrite'];

/** A principal named by several statements or grants: one finding, every grant as evidence. */
export interface Grouped {
  principal: Principal;
  capabilities: Set<Capability>;
  grants: Principal[];
}

export function groupById(principals: readonly Principal[]): Grouped[] {
  const byId = new Map<string, Grouped>();
  for (const p of principals) {
    const g = byId.get(p.id) ?? { principal: p, capabilities: new Set<Capability>(), grants: [] };
    for (const c of p.capabilities) g.capabilities.add(c);
    g.grants.push(p);
    byId.set(p.id, g);
  }
  return [...byId.values()];
}

export const externalPrincipalRead: Check = {
  id: 'external-principal-read',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'high',
  title: {
    ja: '外部の主体がバケットのデータを読み取れる（委託の可能性）',
    en: 'A principal outside your organization can read the bucket (possible 委託, entrustment)',
  },
  description: {
    ja:
      '所有者のアカウント・組織の外にある特定の主体（他の AWS アカウント、他社のサービスアカウント、他テナント等）がオブジェクトの読取又は一覧の取得をできる設定を、主体ごとに検出します。' +
      '個人データを含むバケットでは、その主体が個人データを取り扱える状態であり、委託（法第25条の委託先の監督）又は第三者提供（法第27条）に当たらないかの確認が必要です。' +
      '条件付きの許可は重要度を「中」にします（条件の内容は評価していません）。',
    en:
      'Detects, per principal, fixed principals outside the owner account or organization (another AWS account, a ' +
      "vendor's service account, another tenant …) that can read or list objects. On a bucket with personal data that " +
      'party can handle the data, so check whether it is 委託 (entrustment; supervision under APPI Art. 25) or a ' +
      '第三者提供 (provision to a third party, APPI Art. 27). A conditional grant lowers the severity to medium (the ' +
      'condition itself is not evaluated).',
  },
  remediation: {
    aws: {
      ja:
        'この主体にアクセスを許可する必要があるか確認し、不要であればバケットポリシーのステートメント又は ACL の付与から削除してください。' +
        '必要な場合は、対象のプレフィックスと操作を最小限に絞り、条件（aws:PrincipalOrgID、aws:SourceArn、aws:SourceVpce 等）で範囲を限定してください。' +
        '委託先であれば、委託契約と監督（委託先の選定、契約の締結、取扱状況の把握）を文書化し、kumoscan の設定ファイルの entrustees に契約の参照とともに登録してください。',
      en:
        'Check whether this principal needs access; if not, remove it from the bucket policy statement or ACL grant. If ' +
        'it does, narrow the prefixes and actions to the minimum and restrict them with conditions (aws:PrincipalOrgID, ' +
        'aws:SourceArn, aws:SourceVpce …). If it is an entrustee (委託先), document the contract and the supervision ' +
        "(selection, contract, monitoring of handling) and declare it with the contract reference under entrustees in kumoscan's configuration file.",
    },
    default: {
      ja:
        'この主体にアクセスを許可する必要があるか確認し、不要であれば IAM バインディング等から削除してください。必要な場合は権限と対象を最小限に絞ってください。' +
        '委託先であれば、委託契約と監督（委託先の選定、契約の締結、取扱状況の把握）を文書化し、kumoscan の設定ファイルの entrustees に契約の参照とともに登録してください。',
      en:
        'Check whether this principal needs access; if not, remove it (e.g. from the IAM bindings). If it does, narrow ' +
        'its permissions and scope to the minimum. If it is an entrustee (委託先), document the contract and the ' +
        "supervision (selection, contract, monitoring of handling) and declare it with the contract reference under entrustees in kumoscan's configuration file.",
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'APPI-25'],
  run(resource, ctx) {
    const drafts: FindingDraft[] = [];
    // A declared entrustee's access is documented-entrustment (info), not an unknown party.
    const entrustees = ctx?.settings.entrustees ?? [];
    for (const g of groupById(resource.externalPrincipals.filter((p) => matchEntrustee(p, entrustees) === undefined))) {
      if (!g.capabilities.has('read') && !g.capabilities.has('list')) continue;
      const p = g.principal;
      // Conditional only when every grant to this principal carries a condition.
      const conditional = g.grants.every((x) => x.conditional);
      const caps = joinI18n(CAPABILITY_ORDER.filter((c) => g.capabilities.has(c)).map((c) => CAPABILITY_NAMES[c]));
      const kind = KIND_NAMES[p.kind];
      const refs = [...new Set(g.grants.map((x) => x.evidence))];
      const evidence: Evidence[] = g.grants.map((x) => ({
        capability: x.capabilities.includes('read') ? 'read' : x.capabilities.includes('list') ? 'list' : x.capabilities[0],
        effect: 'grants',
        source: 'external-principal',
        ref: x.evidence,
        message:
          `${x.kind} ${x.id} (account ${x.account ?? 'unknown'}) can ${x.capabilities.join(', ')}` +
          viaRoleText(x) +
          (x.conditional ? ' under a condition (not evaluated)' : ''),
        messageJa:
          `${KIND_NAMES[x.kind].ja} ${x.id}（所属: ${x.account ?? '不明'}）は${x.capabilities.map((c) => CAPABILITY_NAMES[c].ja).join('・')}ができます` +
          (x.viaRole !== undefined ? `（ロール ${x.viaRole} を引き受けて。sts:ExternalId ${x.externalId ? '必須' : '不要'}）` : '') +
          (x.conditional ? '（条件付き。条件の内容は評価していません）' : ''),
      }));
      const condition: I18n = conditional
        ? { ja: 'この許可には条件が付いています（条件の内容は評価していません）。', en: 'The grant carries a condition (not evaluated). ' }
        : { ja: '', en: '' };
      const roles = [...new Set(g.grants.map((x) => x.viaRole).filter((r): r is string => r !== undefined))];
      const withoutExternalId = g.grants.some((x) => x.viaRole !== undefined && x.externalId !== true);
      const via: I18n =
        roles.length > 0
          ? {
              ja: `この主体は当アカウントのロール ${roles.join('、')} を引き受けてアクセスします${withoutExternalId ? '（信頼ポリシーで sts:ExternalId を要求していません）' : ''}。`,
              en: `It gets there by assuming role ${roles.join(', ')} of this account${withoutExternalId ? ' (the trust policy requires no sts:ExternalId)' : ''}. `,
            }
          : { ja: '', en: '' };
      drafts.push({
        suffix: p.id,
        severity: conditional ? 'medium' : undefined,
        evidence,
        detail: {
          ja:
            `外部の主体 ${p.id}（${kind.ja}、所属: ${p.account ?? '不明'}）は「${resource.name}」に対して${caps.ja}ができます（根拠: ${refs.join('、')}）。${via.ja}${condition.ja}` +
            '個人データを含む場合、この主体は個人データを取り扱える状態です。委託に当たる場合は、法第25条に基づき委託先を監督する必要があります（通則ガイドライン3-4-4）。' +
            '委託でない場合は、第三者提供（法第27条）に当たらないか確認してください。',
          en:
            `External principal ${p.id} (${kind.en}, account: ${p.account ?? 'unknown'}) can ${caps.en} in ` +
            `"${resource.name}" (evidence: ${refs.join(', ')}). ${via.en}${condition.en}If the bucket holds personal data, this ` +
            'party can handle it. If this is 委託 (entrustment), APPI Art. 25 requires you to supervise the entrustee ' +
            '(General Guidelines 3-4-4); if it is not, check that it is not a 第三者提供 (provision to a third party, APPI Art. 27).',
        },
      });
    }
    return drafts;
  },
};
