// The shapes of the APPI assessment (../shared/APPI.md) in the JSON report. The assessment module fills them;
// every renderer (JSON, HTML, SARIF, Markdown, CSV) reads them. Plain data, bilingual texts.
import type { PublicSince } from '../../src/history/public-since.js';
import type { DutyId, I18n, Principal } from '../../src/model.js';

/** 規則第7条 categories: 1 要配慮, 2 財産的被害, 3 不正の目的, 4 1,000人超. */
export type ReportCategory = 1 | 2 | 3 | 4;

export interface CategoryEstimate {
  category: ReportCategory;
  /** true: applies; false: does not; null: cannot be ruled out (category 3 without access logs). */
  applies: boolean | null;
  reason: I18n;
}

/** likely: any of 1, 2, 4; review: only 3; unlikely: none (still a leak to fix); exempt-candidate: client-side encrypted only. */
export type ReportabilityResult = 'likely' | 'review' | 'unlikely' | 'exempt-candidate';

export interface Reportability {
  result: ReportabilityResult;
  categories: CategoryEstimate[];
  /** 番号法第29条の4: My Numbers viewable by an unspecified number of people — reportable whatever the count. */
  myNumberAct: { applies: boolean; reason: I18n };
  /** Why the exemption (高度な暗号化) does or does not apply. */
  exemption: I18n;
}

export interface Deadlines {
  /** 知った日 (the day the business knew): --discovered-at, default the scan date (YYYY-MM-DD, Asia/Tokyo). */
  discoveredAt: string;
  /** 速報: "promptly" — PPC guidance reads about 3–5 days. */
  preliminary: { from: string; to: string; note: I18n };
  /** 確報: within 30 days, 60 when category 3 applies or cannot be ruled out. */
  final: { due: string; days: 30 | 60; note: I18n };
  /** 本人への通知 (法第26条第2項): promptly. */
  notifyPersons: I18n;
  /** 1.5.0: 発生日 — when the exposure began, estimated from the exposure history (--history); absent without it. */
  occurred?: PublicSince;
}

export interface PpcDraftItem {
  /** 規則第8条第1項 items 1–9. */
  no: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  title: I18n;
  content: I18n;
  /** The scan cannot know this: left for the business to fill in. */
  todo: boolean;
}

export interface EntrustmentSignal {
  resourceId: string;
  principal: Principal;
  /** Declared in configuration (entrustees): a documented, supervised relation instead of a signal. */
  declared?: { name: string; contract: string };
  message: I18n;
}

// ---------------------------------------------------------------------------------------------------------
// Report 1.2.0: the assessment block of the JSON report (reports/appi/assessment.ts fills it).

/** A configured entrustee (委託先): until the config file's `entrustees:` exists, `--entrustee ID=NAME:CONTRACT-REF`. */
export interface Entrustee {
  /** Matched against a principal's id, its account (AWS account id, GCP project / domain, Azure tenant) or its e-mail domain. */
  id: string;
  name: string;
  /** The entrustment contract reference (委託契約). */
  contract: string;
}

/** One duty a resource cites, with its Japanese name (DUTIES) and why: the findings that cite it, or the assessment's reason. */
export interface DutyCitation {
  id: DutyId;
  ja: string;
  en: string;
  /** Findings of the resource that cite the duty ([] when only the assessment adds it). */
  findingIds: string[];
  /** Why the assessment adds the duty (APPI-26, MNA-29-4, APPI-25, GL-10-7, GL-10-5-4); absent when only findings cite it. */
  reason?: I18n;
}

/** What the access logs show of who read the resource (--evidence reads; reports/appi/read-evidence.ts). */
export interface ReadEvidenceSummary {
  /** occurred (漏えい): outsiders are recorded downloading objects with personal data; possible (漏えいのおそれ): not shown. */
  leak: 'occurred' | 'possible';
  /** Objects with personal data that outsiders read, and the persons in them (from the sample's per-object counts). */
  objects: number;
  persons: number;
  /** Successful downloads and listings by outsiders, distinct addresses, first and last (ISO). */
  reads: number;
  lists: number;
  clients: number;
  first: string | null;
  last: string | null;
  /** The logs the evidence comes from. */
  source: I18n;
  /** The one-line summary every report format shows. */
  text: I18n;
}

export interface ResourceAssessment {
  resourceId: string;
  /** Readable or listable by anyone (exposure.read or list true): a leak or possible leak (漏えいのおそれ) if it holds personal data. */
  exposedToAnyone: boolean | null;
  /** The ids of dutyRefs, in the order of APPI.md's table. */
  duties: DutyId[];
  dutyRefs: DutyCitation[];
  findingIds: string[];
  /** Whether sampling found personal data; null until the resource was sampled. */
  personalData: boolean | null;
  /** Estimated for a resource readable (or only listable) by anyone whose sample found personal data; else null. */
  reportability: Reportability | null;
  /** When reportability is likely or review, or the My Number Act applies; else null. */
  deadlines: Deadlines | null;
  /** 規則第8条第1項 items 1–9, when deadlines are given; else null. */
  ppcDraft: PpcDraftItem[] | null;
  /** External principals that can read or list this resource when it holds personal data. */
  entrustment: EntrustmentSignal[];
  note: I18n;
  /** The access-log evidence (--evidence reads); absent when the logs were not read. */
  readByOutsiders?: ReadEvidenceSummary;
  /** 本評価は法的助言ではなく、判断材料です — in every assessment block. */
  notLegalAdvice: I18n;
}

export interface Assessment {
  notLegalAdvice: I18n;
  framing: I18n;
  /** 知った日 the deadlines count from (YYYY-MM-DD): --discovered-at, default the scan date in Asia/Tokyo. */
  discoveredAt: string;
  perResource: ResourceAssessment[];
  /** Resource ids whose reportability is likely or review, or where the My Number Act applies. */
  reportable: string[];
  /** The earliest deadlines across the reportable resources; null when none is reportable. */
  deadlines: Deadlines | null;
  /** Every entrustment signal of every resource. */
  entrustment: EntrustmentSignal[];
}
