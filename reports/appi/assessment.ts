// assess: findings -> the APPI view per resource. Pure. Reportability (法第26条) needs the personal-data
// profile of each resource, which sampling adds; until a resource has one, its reportability is not estimated.
import type { DutyId, Finding, I18n, Resource } from '../../src/model.js';

export const NOT_LEGAL_ADVICE: I18n = {
  ja: '本評価は法的助言ではなく、判断材料です。',
  en: 'This assessment is not legal advice; it is material for your own judgement.',
};

/** The framing of cloud storage use under APPI (PPC Q&A 7-53), stated once per report. */
export const CLOUD_FRAMING: I18n = {
  ja: 'クラウドのストレージ利用で、契約上事業者が保存された個人データを取り扱わず、適切にアクセス制御されている場合は「委託」に当たらず（個人情報保護委員会Q&A 7-53）、利用者自身がオンプレミスと同じ安全管理措置（法第23条）を負います。以下の指摘はこの前提で示します。',
  en: 'Storage-only cloud use where the contract says the provider does not handle the stored personal data and access control is in place is not entrustment (委託; PPC Q&A 7-53): the user owes the same security control measures (安全管理措置, Art. 23) as on-premises. The findings below are framed that way.',
};

export interface ResourceAssessment {
  resourceId: string;
  /** Readable by anyone (exposure.read or list true): a leak or possible leak (漏えいのおそれ) if it holds personal data. */
  exposedToAnyone: boolean | null;
  duties: DutyId[];
  findingIds: string[];
  /** Whether personal data was found; null until the resource was sampled. */
  personalData: boolean | null;
  reportability: null | { result: string };
  note: I18n;
}

export interface Assessment {
  notLegalAdvice: I18n;
  framing: I18n;
  perResource: ResourceAssessment[];
  reportable: string[];
  deadlines: null;
}

function exposedToAnyone(r: Resource): boolean | null {
  const { read, list } = r.exposure;
  if (read === true || list === true) return true;
  if (read === null || list === null) return null;
  return false;
}

const NOT_SAMPLED: I18n = {
  ja: '個人データの有無は未確認（サンプリング未実施）のため、漏えい等報告の要否は推定していません。',
  en: 'Personal data not checked (no sampling), so breach reportability is not estimated.',
};

const NO_PERSONAL_DATA: I18n = {
  ja: 'サンプルから個人データは見つかりませんでした（サンプルに含まれない対象は未確認です）。',
  en: 'No personal data was found in the sample (objects outside the sample are unchecked).',
};

const PERSONAL_EXPOSED: I18n = {
  ja: '誰でも読み取れる状態で個人データが見つかりました。インターネット上で閲覧可能な状態は漏えい（又はそのおそれ）に当たり得ます（通則ガイドライン3-5-1-1）。報告要否の区分ごとの推定は今後の版で行います。',
  en: 'Personal data was found where anyone can read it. Data viewable on the internet through a setting mistake can be a leak or possible leak (漏えいのおそれ, GL 3-5-1-1). The per-category reportability estimate comes in a later version.',
};

const PERSONAL_NOT_EXPOSED: I18n = {
  ja: '個人データが見つかりましたが、誰でも読み取れる状態とは判定していません。',
  en: 'Personal data was found, but the resource is not judged readable by anyone.',
};

function noteFor(r: Resource, exposed: boolean | null): I18n {
  if (!r.data) return NOT_SAMPLED;
  if (!r.data.personalData) return NO_PERSONAL_DATA;
  return exposed === false ? PERSONAL_NOT_EXPOSED : PERSONAL_EXPOSED;
}

export function assess(resources: readonly Resource[], findings: readonly Finding[]): Assessment {
  const perResource = resources.map((r): ResourceAssessment => {
    const own = findings.filter((f) => f.resourceId === r.id);
    const duties = [...new Set(own.flatMap((f) => f.duties))].sort();
    const exposed = exposedToAnyone(r);
    return {
      resourceId: r.id,
      exposedToAnyone: exposed,
      duties,
      findingIds: own.map((f) => f.id),
      personalData: r.data ? r.data.personalData : null,
      reportability: null,
      note: noteFor(r, exposed),
    };
  });
  return { notLegalAdvice: NOT_LEGAL_ADVICE, framing: CLOUD_FRAMING, perResource, reportable: [], deadlines: null };
}
