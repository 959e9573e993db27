// documented-entrustment: a declared entrustee (委託先: --entrustee, the configuration's `entrustees:`) can read or
// list the bucket. The relation is documented, so this is information (info), not the unknown party of
// external-principal-read (which skips declared entrustees): the finding names the party, its contract and the
// supervision duty of APPI Art. 25 that the documented relation keeps.
import type { Check, FindingDraft } from './types.js';
import { CAPABILITY_NAMES, joinI18n } from './helpers.js';
import { CAPABILITY_ORDER, KIND_NAMES, groupById } from './external-principal-read.js';
import type { Evidence, Principal } from '../src/model.js';
import { matchEntrustee } from '../reports/appi/entrustment.js';

function capabilitiesText(p: Principal): { ja: string; en: string } {
  return { ja: p.capabilities.map((c) => CAPABILITY_NAMES[c].ja).join('・'), en: p.capabilities.map((c) => CAPABILITY_NAMES[c].en).join(', ') };
}

export const documentedEntrustment: Check = {
  id: 'documented-entrustment',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'info',
  title: {
    ja: '申告済みの委託先がバケットのデータを読み取れる（委託先の監督が必要）',
    en: 'A declared entrustee (委託先) can read the bucket (supervision required)',
  },
  description: {
    ja:
      '設定ファイルの entrustees（又は --entrustee）で委託先として申告された主体が、オブジェクトの読取又は一覧の取得をできる設定を、主体ごとに示します。' +
      '委託契約の参照とともに申告された関係のため重要度は「情報」ですが、法第25条に基づく委託先の監督（委託先の選定、委託契約の締結、取扱状況の把握: 通則ガイドライン3-4-4）は続けて必要です。',
    en:
      'Shows, per principal, a principal declared as an entrustee (委託先) under entrustees in the configuration file (or with ' +
      '--entrustee) that can read or list objects. The relation is declared with its contract reference, so the severity ' +
      'is info; the supervision of the entrustee under APPI Art. 25 (selection, contract, monitoring of handling: General ' +
      'Guidelines 3-4-4) is still required.',
  },
  remediation: {
    default: {
      ja:
        '委託契約に定めた安全管理措置が守られているか、定期的に監査・報告を受けるなどして取扱状況を把握し、その記録を保ってください。' +
        'アクセスの範囲（対象のデータと操作）が委託した業務に必要な範囲に限られているかを確認し、委託が終わったらアクセスを削除してください。',
      en:
        'Monitor how the entrustee handles the data (regular audits or reports against the security measures of the contract) and ' +
        'keep the records. Check that its access (data and operations) is limited to what the entrusted work needs, and remove ' +
        'the access when the entrustment ends.',
    },
  },
  duties: ['APPI-23', 'APPI-25'],
  run(resource, ctx) {
    const entrustees = ctx?.settings.entrustees ?? [];
    if (entrustees.length === 0) return [];
    const drafts: FindingDraft[] = [];
    for (const g of groupById(resource.externalPrincipals)) {
      if (!g.capabilities.has('read') && !g.capabilities.has('list')) continue;
      const p = g.principal;
      const declared = matchEntrustee(p, entrustees);
      if (declared === undefined) continue;
      const caps = joinI18n(CAPABILITY_ORDER.filter((c) => g.capabilities.has(c)).map((c) => CAPABILITY_NAMES[c]));
      const kind = KIND_NAMES[p.kind];
      const refs = [...new Set(g.grants.map((x) => x.evidence))];
      const evidence: Evidence[] = [
        ...g.grants.map((x): Evidence => {
          const c = capabilitiesText(x);
          return {
            capability: x.capabilities.includes('read') ? 'read' : x.capabilities.includes('list') ? 'list' : x.capabilities[0],
            effect: 'grants',
            source: 'external-principal',
            ref: x.evidence,
            message: `${x.kind} ${x.id} (account ${x.account ?? 'unknown'}) can ${c.en}${x.conditional ? ' under a condition (not evaluated)' : ''}`,
            messageJa: `${KIND_NAMES[x.kind].ja} ${x.id}（所属: ${x.account ?? '不明'}）は${c.ja}ができます${x.conditional ? '（条件付き。条件の内容は評価していません）' : ''}`,
          };
        }),
        {
          effect: 'info',
          source: 'configuration',
          ref: `entrustees: ${declared.id}`,
          message: `declared entrustee "${declared.name}", contract ${declared.contract}`,
          messageJa: `申告された委託先「${declared.name}」、委託契約 ${declared.contract}`,
        },
      ];
      drafts.push({
        suffix: p.id,
        evidence,
        detail: {
          ja:
            `申告された委託先「${declared.name}」（委託契約: ${declared.contract}）の主体 ${p.id}（${kind.ja}、所属: ${p.account ?? '不明'}）は「${resource.name}」に対して${caps.ja}ができます（根拠: ${refs.join('、')}）。` +
            '委託契約の参照とともに申告された関係です。個人データを含む場合、法第25条に基づき委託先を監督する必要があります（委託先の選定、委託契約の締結、取扱状況の把握: 通則ガイドライン3-4-4）。',
          en:
            `Principal ${p.id} (${kind.en}, account: ${p.account ?? 'unknown'}) of the declared entrustee (委託先) "${declared.name}" ` +
            `(contract: ${declared.contract}) can ${caps.en} in "${resource.name}" (evidence: ${refs.join(', ')}). The relation is ` +
            'declared with its contract reference. If the bucket holds personal data, APPI Art. 25 requires you to supervise the ' +
            'entrustee (selection, contract, monitoring of handling: General Guidelines 3-4-4).',
        },
      });
    }
    return drafts;
  },
};
