// What the HTML, SARIF, Markdown and CSV renderers share: one or more reports seen as resources with their
// findings, duties and APPI assessment, plus the bilingual labels. Pure functions over plain data.
//
// The APPI assessment (reports/appi/, report schema 1.2.0) is read through small structural guards for the shapes of
// reports/appi/types.ts (Reportability, Deadlines, PpcDraftItem, EntrustmentSignal, DutyCitation): a saved report
// of an older kumoscan (1.0/1.1) has no estimate yet, and then it renders as "not estimated" instead of failing.
import type { Evidence, I18n, Provider, Resource, Severity } from '../../src/model.js';
import { SEVERITIES, severityRank } from '../../src/model.js';
import type { AppiClass, Confidence, DetectorId } from '../../src/data/types.js';
import type { CategoryEstimate, Deadlines, EntrustmentSignal, PpcDraftItem, ReadEvidenceSummary, Reportability, ReportabilityResult } from '../appi/types.js';
import type { Report, ReportFinding } from './json.js';
import { groupBy, indexBy } from '../../src/group-by.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { combinedPublicSinceByResource, publicSinceByResource } from './public-since-view.js';
import type { CombinedPublicSince } from '../public-since.js';
import { DETECTOR_NAMES } from '../../src/data/detect/detector-names.js';

import type { Lang } from '../../src/model.js';
export type { Lang };
export interface DutyView {
  id: string;
  ja: string;
  en: string;
  /** Why the assessment adds the duty (APPI-26, MNA-29-4, APPI-25 …); absent when only findings cite it. */
  reason?: I18n;
}

export const SEVERITY_LABEL: Record<Severity, I18n> = {
  critical: { ja: '緊急', en: 'Critical' },
  high: { ja: '高', en: 'High' },
  medium: { ja: '中', en: 'Medium' },
  low: { ja: '低', en: 'Low' },
  info: { ja: '情報', en: 'Info' },
};

export const PROVIDER_LABEL: Record<Provider, string> = { aws: 'AWS S3', azure: 'Azure Blob Storage', gcp: 'Google Cloud Storage' };

export const RESULT_LABEL: Record<ReportabilityResult, I18n> = {
  likely: { ja: '報告対象の可能性が高い', en: 'likely reportable' },
  review: { ja: '要確認（不正の目的の有無）', en: 'review (wrongful purpose cannot be ruled out)' },
  unlikely: { ja: '報告対象外の可能性（漏えいとして是正は必要）', en: 'unlikely reportable (still a leak to fix)' },
  'exempt-candidate': { ja: '適用除外の候補（高度な暗号化）', en: 'exemption candidate (high-level encryption)' },
};

export const NOT_ESTIMATED: I18n = { ja: '未推定', en: 'not estimated' };

export const CATEGORY_LABEL: Record<1 | 2 | 3 | 4, I18n> = {
  1: { ja: '第1号 要配慮個人情報', en: 'No. 1 要配慮個人情報 (sensitive personal information)' },
  2: { ja: '第2号 財産的被害のおそれ', en: 'No. 2 財産的被害 (possible financial damage)' },
  3: { ja: '第3号 不正の目的', en: 'No. 3 不正の目的 (wrongful purpose)' },
  4: { ja: '第4号 1,000人超', en: 'No. 4 more than 1,000 persons' },
};

export const CLASS_LABEL: Record<AppiClass, I18n> = {
  specific_personal_information: { ja: '特定個人情報（マイナンバー）', en: '特定個人情報 (My Number data)' },
  sensitive: { ja: '要配慮個人情報', en: '要配慮個人情報 (sensitive)' },
  financial: { ja: '財産的被害のおそれがある情報', en: 'financial (misuse can cause damage)' },
  personal: { ja: '個人情報', en: 'personal information' },
  not_personal: { ja: '個人情報以外', en: 'not personal' },
};

/** A failed call's message in both languages: a provider's own message (no messageJa) is shown as written, quoted in Japanese. */
export function errorMessage(e: { message: string; messageJa?: string }): I18n {
  return { ja: e.messageJa ?? `「${e.message}」`, en: e.message };
}

/** What an evidence entry does to its capability. */
export const EFFECT_LABEL: Record<Evidence['effect'], I18n> = {
  grants: { ja: '許可', en: 'grants' },
  denies: { ja: '拒否', en: 'denies' },
  neutralized: { ja: '無効化', en: 'neutralized' },
  restricts: { ja: '制限', en: 'restricts' },
  info: { ja: '参考', en: 'info' },
  unknown: { ja: '不明', en: 'unknown' },
};

/** How sure a detection is. */
export const CONFIDENCE_LABEL: Record<Confidence, I18n> = {
  high: { ja: '高', en: 'high' },
  low: { ja: '低', en: 'low' },
};

/** A label for any detector id, also one a newer kumoscan wrote. */
export function detectorLabel(id: string): I18n {
  return (DETECTOR_NAMES as Record<string, I18n | undefined>)[id] ?? { ja: id, en: id };
}

export function classLabel(id: string): I18n {
  return (CLASS_LABEL as Record<string, I18n | undefined>)[id] ?? { ja: id, en: id };
}

// ---------------------------------------------------------------------------------------------------------
// Structural guards for the assessment shapes.

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isI18n(v: unknown): v is I18n {
  return isObj(v) && typeof v.ja === 'string' && typeof v.en === 'string';
}

const RESULTS: readonly string[] = ['likely', 'review', 'unlikely', 'exempt-candidate'];

function isCategory(v: unknown): v is CategoryEstimate {
  return isObj(v) && [1, 2, 3, 4].includes(v.category as number) && (v.applies === null || typeof v.applies === 'boolean') && isI18n(v.reason);
}

export function isReportability(v: unknown): v is Reportability {
  return (
    isObj(v) &&
    typeof v.result === 'string' &&
    RESULTS.includes(v.result) &&
    Array.isArray(v.categories) &&
    v.categories.every(isCategory) &&
    isObj(v.myNumberAct) &&
    typeof v.myNumberAct.applies === 'boolean' &&
    isI18n(v.myNumberAct.reason) &&
    isI18n(v.exemption)
  );
}

export function isDeadlines(v: unknown): v is Deadlines {
  return (
    isObj(v) &&
    typeof v.discoveredAt === 'string' &&
    isObj(v.preliminary) &&
    typeof v.preliminary.from === 'string' &&
    typeof v.preliminary.to === 'string' &&
    isI18n(v.preliminary.note) &&
    isObj(v.final) &&
    typeof v.final.due === 'string' &&
    (v.final.days === 30 || v.final.days === 60) &&
    isI18n(v.final.note) &&
    isI18n(v.notifyPersons)
  );
}

function isPpcItem(v: unknown): v is PpcDraftItem {
  return isObj(v) && typeof v.no === 'number' && v.no >= 1 && v.no <= 9 && isI18n(v.title) && isI18n(v.content) && typeof v.todo === 'boolean';
}

export function isPpcDraft(v: unknown): v is PpcDraftItem[] {
  return Array.isArray(v) && v.length > 0 && v.every(isPpcItem);
}

function isSignal(v: unknown): v is EntrustmentSignal {
  return isObj(v) && typeof v.resourceId === 'string' && isObj(v.principal) && typeof v.principal.id === 'string' && isI18n(v.message);
}

export function isSignals(v: unknown): v is EntrustmentSignal[] {
  return Array.isArray(v) && v.length > 0 && v.every(isSignal);
}

function isDutyRef(v: unknown): v is DutyView {
  return isObj(v) && typeof v.id === 'string' && typeof v.ja === 'string' && typeof v.en === 'string' && (v.reason === undefined || isI18n(v.reason));
}

/** `holder[key]` when it passes `guard`, else null. */
function isReadSummary(v: unknown): v is ReadEvidenceSummary {
  return isObj(v) && (v.leak === 'occurred' || v.leak === 'possible') && typeof v.objects === 'number' && typeof v.persons === 'number' && isI18n(v.text);
}

function member<T>(holder: unknown, key: string, guard: (v: unknown) => v is T): T | null {
  return isObj(holder) && guard(holder[key]) ? (holder[key] as T) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Resource views.

export interface ResourceView {
  /** The report it comes from (several reports can be rendered together). */
  report: Report;
  /** The resource; null for findings about an account or identity (IAM) rather than a storage resource. */
  resource: Resource | null;
  id: string;
  name: string;
  provider: Provider;
  findings: ReportFinding[];
  duties: DutyView[];
  /** Highest severity among the findings; null without findings. */
  maxSeverity: Severity | null;
  exposed: boolean | null;
  personalData: boolean | null;
  note: I18n | null;
  /** What the access logs show of who read it (--evidence reads); null when the logs were not read. */
  readByOutsiders: ReadEvidenceSummary | null;
  reportability: Reportability | null;
  deadlines: Deadlines | null;
  ppcDraft: PpcDraftItem[] | null;
  entrustment: EntrustmentSignal[];
  /** With --history: when the resource became public (reports/history.ts); null without. */
  publicSince: PublicSince | null;
  /** When the resource became public: the earliest of the run history and the change that opened it (reports/public-since.ts); null when neither says. */
  since: CombinedPublicSince | null;
}

function maxSeverityOf(findings: readonly ReportFinding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) if (best === null || severityRank(f.severity) > severityRank(best)) best = f.severity;
  return best;
}

/** The assessment's duty refs (findings' duties plus those the assessment adds, with reasons), else the findings'. */
function dutiesOf(findings: readonly ReportFinding[], refs: unknown): DutyView[] {
  if (Array.isArray(refs) && refs.length > 0 && refs.every(isDutyRef)) {
    return refs.map((d) => ({ id: d.id, ja: d.ja, en: d.en, ...(d.reason ? { reason: d.reason } : {}) }));
  }
  const seen = new Map<string, DutyView>();
  for (const f of findings) for (const d of f.duties) if (!seen.has(d.id)) seen.set(d.id, { id: d.id, ja: d.ja, en: d.en });
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function exposedOf(r: Resource): boolean | null {
  const { read, list } = r.exposure;
  if (read === true || list === true) return true;
  if (read === null || list === null) return null;
  return false;
}

export function resourceViews(report: Report): ResourceView[] {
  const assessment: unknown = report.assessment;
  const perResource = isObj(assessment) && Array.isArray(assessment.perResource) ? assessment.perResource : [];
  const allSignals = member(assessment, 'entrustment', isSignals) ?? [];
  const entries = indexBy(
    perResource.filter((p): p is Record<string, unknown> => isObj(p)),
    (p) => p.resourceId,
  );
  const findingsOf = groupBy(report.findings, (f) => f.resourceId);
  const signalsOf = groupBy(allSignals, (s) => s.resourceId);
  const since = publicSinceByResource(report);
  const combined = combinedPublicSinceByResource(report);
  const views: ResourceView[] = report.resources.map((r) => {
    const entry: unknown = entries.get(r.id);
    const findings = findingsOf.get(r.id) ?? [];
    const reportability = member(entry, 'reportability', isReportability);
    const entrustment = member(entry, 'entrustment', isSignals) ?? signalsOf.get(r.id) ?? [];
    // The assessment's word wins, null (unknown: the sample could not be read) included; the profile only without one.
    const personalData = isObj(entry) && 'personalData' in entry ? (entry.personalData === true || entry.personalData === false ? entry.personalData : null) : r.data ? r.data.personalData : null;
    return {
      report,
      resource: r,
      id: r.id,
      name: r.name,
      provider: r.provider,
      findings,
      duties: dutiesOf(findings, isObj(entry) ? entry.dutyRefs : undefined),
      maxSeverity: maxSeverityOf(findings),
      exposed: exposedOf(r),
      personalData,
      note: member(entry, 'note', isI18n),
      readByOutsiders: member(entry, 'readByOutsiders', isReadSummary),
      reportability,
      deadlines: member(entry, 'deadlines', isDeadlines),
      ppcDraft: member(entry, 'ppcDraft', isPpcDraft),
      entrustment,
      publicSince: since.get(r.id) ?? null,
      since: combined.get(r.id) ?? null,
    };
  });
  // Findings about accounts and identities (IAM users, roles, the account itself): one view per subject.
  const known = new Set(report.resources.map((r) => r.id));
  const others = [...new Set(report.findings.filter((f) => !known.has(f.resourceId)).map((f) => f.resourceId))];
  for (const id of others) {
    const findings = findingsOf.get(id) ?? [];
    views.push({
      report,
      resource: null,
      id,
      name: id,
      provider: findings[0]?.provider ?? report.scope.provider,
      findings,
      duties: dutiesOf(findings, undefined),
      maxSeverity: maxSeverityOf(findings),
      exposed: null,
      personalData: null,
      note: null,
      readByOutsiders: null,
      reportability: null,
      deadlines: null,
      ppcDraft: null,
      entrustment: [],
      publicSince: null,
      since: null,
    });
  }
  return views;
}

const RESULT_ORDER: Record<ReportabilityResult, number> = { likely: 4, review: 3, 'exempt-candidate': 2, unlikely: 1 };

/** Most urgent first: reportable, then exposed personal data, then by severity, then by name. */
export function compareViews(a: ResourceView, b: ResourceView): number {
  const rank = (v: ResourceView): number[] => [
    v.reportability ? RESULT_ORDER[v.reportability.result] : 0,
    v.reportability?.myNumberAct.applies ? 1 : 0,
    v.reportability ? v.reportability.categories.filter((c) => c.applies === true).length : 0,
    v.exposed === true && v.personalData === true ? 1 : 0,
    v.maxSeverity ? severityRank(v.maxSeverity) : 0,
    v.resource ? 1 : 0,
  ];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (rb[i] ?? 0) - (ra[i] ?? 0);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function allViews(reports: readonly Report[]): ResourceView[] {
  return reports.flatMap(resourceViews).sort(compareViews);
}

export interface Summary {
  resources: number;
  exposed: number;
  exposedPersonal: number;
  /** Resources whose reportability was estimated `likely`. */
  likely: ResourceView[];
  /** Estimated `review` (only category 3 cannot be ruled out). */
  review: ResourceView[];
  /** Exposed resources with personal data whose reportability is not estimated (an older report, or not sampled). */
  notEstimated: ResourceView[];
  findings: Record<Severity, number>;
  errors: number;
  complete: boolean;
}

export function summarize(reports: readonly Report[], views: readonly ResourceView[] = allViews(reports)): Summary {
  const storage = views.filter((v) => v.resource !== null);
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0)])) as Record<Severity, number>;
  return {
    resources: storage.length,
    exposed: storage.filter((v) => v.exposed === true).length,
    exposedPersonal: storage.filter((v) => v.exposed === true && v.personalData === true).length,
    likely: storage.filter((v) => v.reportability?.result === 'likely'),
    review: storage.filter((v) => v.reportability?.result === 'review'),
    notEstimated: storage.filter((v) => v.exposed === true && v.personalData === true && v.reportability === null),
    findings,
    errors: reports.reduce((n, r) => n + r.summary.errors, 0),
    complete: reports.every((r) => r.summary.complete),
  };
}

/** The categories that apply (true), and those that cannot be ruled out (null). */
export function categoriesOf(r: Reportability): { applies: (1 | 2 | 3 | 4)[]; open: (1 | 2 | 3 | 4)[] } {
  return {
    applies: r.categories.filter((c) => c.applies === true).map((c) => c.category),
    open: r.categories.filter((c) => c.applies === null).map((c) => c.category),
  };
}

/** A one-line estimate: "likely reportable — No. 1, No. 4; My Number Act" in the language asked. */
export function estimateLine(r: Reportability | null, lang: Lang): string {
  if (!r) return NOT_ESTIMATED[lang];
  const { applies, open } = categoriesOf(r);
  const parts = [RESULT_LABEL[r.result][lang]];
  if (applies.length) parts.push(lang === 'ja' ? `該当: ${applies.map((c) => `第${c}号`).join('・')}` : `categories ${applies.join(', ')}`);
  if (open.length) parts.push(lang === 'ja' ? `否定できない: ${open.map((c) => `第${c}号`).join('・')}` : `cannot rule out ${open.join(', ')}`);
  if (r.myNumberAct.applies) parts.push(lang === 'ja' ? '番号法の報告対象' : 'My Number Act report');
  return parts.join(lang === 'ja' ? '／' : '; ');
}

/** Deadlines in one line: 速報 from–to, 確報 due (days). */
export function deadlineLine(d: Deadlines | null, lang: Lang): string {
  if (!d) return lang === 'ja' ? '期限: 未算定' : 'deadlines: not computed';
  return lang === 'ja'
    ? `速報 ${d.preliminary.from}〜${d.preliminary.to}、確報 ${d.final.due}まで（${d.final.days}日）`
    : `preliminary (速報) ${d.preliminary.from} to ${d.preliminary.to}; final (確報) by ${d.final.due} (${d.final.days} days)`;
}

export function tri(v: boolean | null | undefined, lang: Lang): string {
  if (v === undefined) return '—';
  if (v === null) return lang === 'ja' ? '不明' : 'unknown';
  return v ? (lang === 'ja' ? 'はい' : 'yes') : lang === 'ja' ? 'いいえ' : 'no';
}

/** The providers and scan sources of the reports, e.g. "azure (live), aws (snapshot)". */
export function scopeLine(reports: readonly Report[], lang: Lang): string {
  return reports
    .map((r) => `${PROVIDER_LABEL[r.scope.provider]} ${r.scope.accounts.join(', ')} (${r.scope.source === 'live' ? (lang === 'ja' ? 'ライブスキャン' : 'live scan') : lang === 'ja' ? 'スナップショット' : 'snapshot'})`)
    .join(lang === 'ja' ? '、' : '; ');
}
