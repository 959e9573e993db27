// assess: resources × findings × data profiles -> the APPI view per resource (../shared/APPI.md). Pure: the day
// the business knew comes from the options (--discovered-at) or from the scan time, never from the clock.
// Per resource: duty refs (the findings' duties plus what the assessment adds), entrustment signals, the
// reportability estimate, and for a reportable resource its deadlines and a draft of the PPC report.
import type { DutyId, Finding, I18n, Resource } from '../../src/model.js';
import { personalDataMark } from '../../checks/helpers.js';
import { readEvidenceSummary } from './read-evidence.js';
import type { ReadEvidenceSummary } from './types.js';
import type { Assessment, DutyCitation, EntrustmentSignal, Entrustee, Reportability, ReportabilityResult, ResourceAssessment } from './types.js';
import { DUTIES } from './duties.js';
import { deadlinesFor, earliestDeadlines, tokyoDate } from './deadlines.js';
import { entrustmentSignals } from './entrustment.js';
import { buildPpcDraft } from './ppc-draft.js';
import { assessReportability, exposureKind, unknownReportability } from './reportability.js';
import { SAMPLE_LIST_CALL, SAMPLE_READ_CALL } from '../../src/data/sample.js';
import { storageLocation } from './regions.js';
import { joinI18n } from './labels.js';
import { groupBy } from '../../src/group-by.js';

export type { Assessment, ResourceAssessment } from './types.js';

export const NOT_LEGAL_ADVICE: I18n = {
  ja: '本評価は法的助言ではなく、判断材料です。',
  en: 'This assessment is not legal advice; it is material for your own judgement.',
};

/** The framing of cloud storage use under APPI (PPC Q&A 7-53), stated once per report. */
export const CLOUD_FRAMING: I18n = {
  ja: 'クラウドのストレージ利用で、契約上事業者が保存された個人データを取り扱わず、適切にアクセス制御されている場合は「委託」に当たらず（個人情報保護委員会Q&A 7-53）、利用者自身がオンプレミスと同じ安全管理措置（法第23条）を負います。以下の指摘はこの前提で示します。',
  en: 'Storage-only cloud use where the contract says the provider does not handle the stored personal data and access control is in place is not entrustment (委託; PPC Q&A 7-53): the user owes the same security control measures (安全管理措置, Art. 23) as on-premises. The findings below are framed that way.',
};

export interface AssessOptions {
  /** When the scan ran (ISO); its date in Asia/Tokyo is the default day the business knew. */
  scannedAt: string;
  /** 知った日 (YYYY-MM-DD), from --discovered-at. */
  discoveredAt?: string;
  /** Declared entrustees (--entrustee; the config file's `entrustees:` later). */
  entrustees?: readonly Entrustee[];
  /** Resource ids whose every object is client-side encrypted (no flag sets this yet; see reportability.ts). */
  clientSideEncrypted?: ReadonlySet<string>;
}

function exposedToAnyone(r: Resource): boolean | null {
  const { read, list } = r.exposure;
  if (read === true || list === true) return true;
  if (read === null || list === null) return null;
  return false;
}

/** Why the resource counts as holding personal data (the sample, or the owner's tag), or null. */
function personalBasis(r: Resource): I18n | null {
  const mark = personalDataMark(r);
  if (mark === null) return null;
  if (r.data?.personalData === true) {
    const sampled = r.data.classes.some((c) => c !== 'not_personal');
    if (!sampled && r.data.declared) return { ja: '設定ファイルの台帳で申告', en: 'declared in the configuration inventory' };
    return { ja: 'サンプリングで検出', en: 'found by sampling' };
  }
  return { ja: mark.replace(/^tag /, 'タグ '), en: mark };
}

const NOT_SAMPLED: I18n = {
  ja: '個人データの有無は未確認（サンプリング未実施）のため、漏えい等報告の要否は推定していません。',
  en: 'Personal data not checked (no sampling), so breach reportability is not estimated.',
};

const NO_PERSONAL_DATA: I18n = {
  ja: 'サンプルから個人データは見つかりませんでした（サンプルに含まれない対象は未確認です）。',
  en: 'No personal data was found in the sample (objects outside the sample are unchecked).',
};

const PERSONAL_NOT_EXPOSED: I18n = {
  ja: '個人データが見つかりましたが、誰でも読み取れる状態とは判定していません。',
  en: 'Personal data was found, but the resource is not judged readable by anyone.',
};

const PERSONAL_EXPOSURE_UNKNOWN: I18n = {
  ja: '個人データが見つかりましたが、誰でもアクセスできるかどうかを確認できなかったため（取得エラー）、漏えい等報告の要否は推定していません。失敗した呼び出しを解消して再スキャンしてください。',
  en: 'Personal data was found, but whether anyone can reach it could not be verified (failed calls), so breach reportability is not estimated. Resolve the failed calls and scan again.',
};

export const RESULT_NAMES: Readonly<Record<ReportabilityResult, I18n>> = {
  likely: { ja: '報告対象の可能性が高い', en: 'likely reportable' },
  review: { ja: '要確認: 報告対象に当たるかを確認してください', en: 'review: check whether it is reportable' },
  unlikely: { ja: '報告対象の可能性は低い。ただし個人データの漏えい等として是正が必要です', en: 'unlikely reportable — still a leak of personal data to fix' },
  'exempt-candidate': { ja: '除外の候補: 暗号化の方式と鍵の管理を確認してください', en: 'exemption candidate: confirm the encryption and key management' },
};

/**
 * Why the personal-data status of a resource is unknown: sampling was tried but its listing or some reads failed
 * (recorded errors), and what could be read held no personal data. Null when the status is known (found, or
 * everything planned was read, or no sampling was tried).
 */
export function personalDataUnknown(r: Resource): I18n | null {
  if (r.data?.personalData === true) return null;
  const failed = r.errors.filter((e) => e.call === SAMPLE_LIST_CALL || e.call === SAMPLE_READ_CALL);
  if (failed.length === 0) return null;
  const codes = [...new Set(failed.map((e) => e.code))].join(', ');
  return failed.some((e) => e.call === SAMPLE_LIST_CALL)
    ? { ja: `サンプルを取得できなかった（${codes}）`, en: `the sample could not be taken (${codes})` }
    : { ja: `サンプルの一部又は全部のオブジェクトを読み取れなかった（${codes}）`, en: `some or all sampled objects could not be read (${codes})` };
}

function unknownNote(why: I18n, rep: Reportability | null): I18n {
  const tail: I18n = rep
    ? { ja: `誰でもアクセスできるため、漏えい等報告の要否は否定できません（${RESULT_NAMES[rep.result].ja}）。`, en: `Anyone can reach it, so breach reportability cannot be ruled out (${RESULT_NAMES[rep.result].en}).` }
    : { ja: '', en: '' };
  return {
    ja: `個人データの有無は不明です: ${why.ja}ため、「個人データなし」とは判定していません。${tail.ja}失敗した読み取りを解消して再スキャンしてください。`,
    en: `Personal-data status unknown: ${why.en}, so it is not judged free of personal data. ${tail.en}${tail.en ? ' ' : ''}Resolve the failed reads and scan again.`,
  };
}

function noteFor(r: Resource, exposed: boolean | null, rep: Reportability | null): I18n {
  const unknown = personalDataUnknown(r);
  if (unknown) return unknownNote(unknown, rep);
  if (!r.data) return NOT_SAMPLED;
  if (!r.data.personalData) return NO_PERSONAL_DATA;
  if (rep !== null) {
    const result = RESULT_NAMES[rep.result];
    if (r.data.declared && !r.data.classes.some((c) => c !== 'not_personal')) {
      return {
        ja: `誰でも${exposureKind(r) === 'read' ? '読み取れる' : '一覧（キー）を取得できる'}リソースに、個人データがあると設定ファイルの台帳（${r.data.declared.by.join('、')}）で申告されています（検出ではありません）。報告の要否の推定: ${result.ja}。`,
        en: `Anyone can ${exposureKind(r) === 'read' ? 'read' : 'list (the keys of)'} a resource the configuration inventory (${r.data.declared.by.join(', ')}) declares to hold personal data (declared, not detected). Reportability estimate: ${result.en}.`,
      };
    }
    return exposureKind(r) === 'read'
      ? {
          ja: `誰でも読み取れる状態で個人データが見つかりました。インターネット上で閲覧可能な状態は漏えい（又はそのおそれ）に当たり得ます（通則ガイドライン3-5-1-1）。報告の要否の推定: ${result.ja}。`,
          en: `Personal data was found where anyone can read it. Data viewable on the internet through a setting mistake can be a leak or possible leak (漏えいのおそれ, GL 3-5-1-1). Reportability estimate: ${result.en}.`,
        }
      : {
          ja: `誰でもオブジェクトの一覧（キー）を取得できる状態で、中身から個人データが見つかりました。キー（ファイル名）も個人データになり得ます。報告の要否の推定: ${result.ja}。`,
          en: `Anyone can list the objects (their keys), and the contents hold personal data; keys (file names) alone can be personal data. Reportability estimate: ${result.en}.`,
        };
  }
  const note = exposed === null ? PERSONAL_EXPOSURE_UNKNOWN : PERSONAL_NOT_EXPOSED;
  if (r.data.declared && !r.data.classes.some((c) => c !== 'not_personal')) {
    // Declared, not found: say so instead of "was found".
    return { ja: note.ja.replace('個人データが見つかりましたが', '個人データがあると台帳で申告されていますが'), en: note.en.replace('Personal data was found', 'Personal data is declared in the configuration inventory') };
  }
  return note;
}

/** The note of a resource the access logs show outsiders reading personal data from: 漏えい (occurred), not おそれ. */
function occurredNote(reads: ReadEvidenceSummary, rep: Reportability): I18n {
  const result = RESULT_NAMES[rep.result];
  return {
    ja: `漏えいが発生しました（アクセスログで確認）。${reads.text.ja} 報告の要否の推定: ${result.ja}。`,
    en: `A leak occurred (漏えい; confirmed by the access logs). ${reads.text.en} Reportability estimate: ${result.en}.`,
  };
}

/** The reasons the assessment adds duties beyond the findings' (APPI.md table). */
function addedDuties(r: Resource, rep: Reportability | null, signals: readonly EntrustmentSignal[]): Map<DutyId, I18n> {
  const added = new Map<DutyId, I18n>();
  const basis = personalBasis(r);
  if (basis === null) return added;
  const kind = exposureKind(r);
  if (kind !== undefined) {
    const can: I18n = kind === 'read' ? { ja: '読み取れる', en: 'read' } : { ja: '一覧（キー）を取得できる', en: 'list (its keys)' };
    added.set('APPI-26', {
      ja: `個人データ（${basis.ja}）を含むリソースを誰でも${can.ja}状態です。漏えい又はそのおそれに当たり得るため、報告の要否を判断します（通則ガイドライン3-5-1-1）。`,
      en: `Anyone can ${can.en} a resource with personal data (${basis.en}): a leak or possible leak (GL 3-5-1-1), so decide whether to report.`,
    });
  }
  if (rep?.myNumberAct.applies) {
    added.set('MNA-29-4', { ja: '誰でも閲覧できる状態で個人番号（マイナンバー）が見つかりました。', en: 'My Numbers were found where anyone can view them.' });
  }
  if (signals.length > 0) {
    const ids = signals.map((s) => s.principal.id);
    added.set('APPI-25', {
      ja: `外部の主体（${ids.join('、')}）が個人データ（${basis.ja}）を含むリソースにアクセスできます（委託先の監督、通則ガイドライン3-4-4）。`,
      en: `External principal(s) (${ids.join(', ')}) can reach a resource with personal data (${basis.en}) (supervision of entrustees, GL 3-4-4).`,
    });
  }
  const location = storageLocation(r);
  if (location.inJapan === false) {
    const where = joinI18n(
      location.abroad.map((a) =>
        a.country
          ? { ja: `${a.location}（${a.country.ja}）`, en: `${a.location} (${a.country.en})` }
          : { ja: `${a.location}（国・地域は kumoscan の表にありません。保存場所を確認してください）`, en: `${a.location} (a country kumoscan does not know: check where it stores the data)` },
      ),
    );
    added.set('GL-10-7', {
      ja: `個人データ（${basis.ja}）が日本国外に保存されています: ${where.ja}。その国の個人情報保護制度を把握したうえで安全管理措置を講じ、国名を本人の知り得る状態に置きます。`,
      en: `Personal data (${basis.en}) is stored outside Japan: ${where.en}. Take security measures with that country's personal-data regime in mind and name the country where the persons can learn of them.`,
    });
  }
  if (r.lifecycle === false) {
    added.set('GL-10-5-4', {
      ja: `個人データ（${basis.ja}）を保管するリソースにライフサイクル（削除・保持）のルールがありません。利用する必要がなくなった個人データを削除する手段を整えてください。`,
      en: `A resource with personal data (${basis.en}) has no lifecycle (deletion / retention) rule: provide a way to delete personal data once it is no longer needed.`,
    });
  }
  return added;
}

const DUTY_ORDER = Object.keys(DUTIES) as DutyId[];

function dutyCitations(own: readonly Finding[], added: ReadonlyMap<DutyId, I18n>): DutyCitation[] {
  const out: DutyCitation[] = [];
  for (const id of DUTY_ORDER) {
    const findingIds = own.filter((f) => f.duties.includes(id)).map((f) => f.id);
    const reason = added.get(id);
    if (findingIds.length === 0 && reason === undefined) continue;
    out.push({ id, ja: DUTIES[id].name.ja, en: DUTIES[id].name.en, findingIds, ...(reason ? { reason } : {}) });
  }
  return out;
}

/** likely or review, or the My Number Act applies: report (and draft, and deadlines). */
export function isReportable(rep: Reportability | null): rep is Reportability {
  return rep !== null && (rep.result === 'likely' || rep.result === 'review' || rep.myNumberAct.applies);
}

export function assess(resources: readonly Resource[], findings: readonly Finding[], opts: AssessOptions): Assessment {
  const discoveredAt = opts.discoveredAt ?? tokyoDate(opts.scannedAt);
  const entrustees = opts.entrustees ?? [];
  const byResource = groupBy(findings, (f) => f.resourceId);
  const perResource = resources.map((r): ResourceAssessment => {
    const own = byResource.get(r.id) ?? [];
    const exposed = exposedToAnyone(r);
    const unknown = personalDataUnknown(r);
    const rep = unknown ? unknownReportability(r, unknown) : assessReportability(r, { clientSideEncrypted: opts.clientSideEncrypted?.has(r.id) === true });
    const signals = personalDataMark(r) !== null ? entrustmentSignals(r, entrustees) : [];
    const dutyRefs = dutyCitations(own, addedDuties(r, rep, signals));
    const reportable = isReportable(rep);
    const reads = r.reads ? readEvidenceSummary(r.reads) : undefined;
    return {
      resourceId: r.id,
      exposedToAnyone: exposed,
      duties: dutyRefs.map((d) => d.id),
      dutyRefs,
      findingIds: own.map((f) => f.id),
      personalData: unknown ? null : r.data ? r.data.personalData : null,
      reportability: rep,
      deadlines: reportable ? deadlinesFor(discoveredAt, rep) : null,
      ppcDraft: reportable ? buildPpcDraft(r, rep, { scannedAt: opts.scannedAt, discoveredAt, findings: own, entrustment: signals }) : null,
      entrustment: signals,
      note: reads?.leak === 'occurred' && rep ? occurredNote(reads, rep) : noteFor(r, exposed, rep),
      ...(reads ? { readByOutsiders: reads } : {}),
      notLegalAdvice: NOT_LEGAL_ADVICE,
    };
  });
  return {
    notLegalAdvice: NOT_LEGAL_ADVICE,
    framing: CLOUD_FRAMING,
    discoveredAt,
    perResource,
    reportable: perResource.filter((p) => isReportable(p.reportability)).map((p) => p.resourceId),
    deadlines: earliestDeadlines(perResource.map((p) => p.deadlines)),
    entrustment: perResource.flatMap((p) => p.entrustment),
  };
}
