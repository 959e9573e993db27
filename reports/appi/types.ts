// The shapes of the APPI assessment (../shared/APPI.md) in the JSON report. The assessment module fills them;
// every renderer (JSON, HTML, SARIF, Markdown, CSV) reads them. Plain data, bilingual texts.
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
