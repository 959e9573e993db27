// The JSON report: the contract other tools and tests read (DESIGN.md). Its JSON Schema is
// reports/report.schema.json; change the shape only together with SCHEMA_VERSION and the schema.
import type { CollectError, DutyId, Finding, IdentityPosture, Provider, Resource, ScanError, Severity } from '../../src/model.js';
import { SEVERITIES } from '../../src/model.js';
import { assess, type Assessment } from '../appi/assessment.js';
import { DUTIES } from '../appi/duties.js';
import type { Deadlines, Entrustee, ReportabilityResult } from '../appi/types.js';
import type { ConfigWarning, SuppressedFinding } from '../policy/types.js';
import { jsonChunks } from './json-stream.js';
import { reportDocument } from './report-document.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { withCombinedPublicSince, type ResourceCombinedPublicSince } from '../public-since.js';

/**
 * 1.2.0: the APPI assessment (reportability, deadlines, PPC draft, entrustment, duty refs with names).
 * 1.3.0: operations — baseline states and resolved findings, the shard of a run, declared entrustees in the scope;
 * the configuration file: `suppressed`, `configWarnings`, `scope.configFile`, findings' `originalSeverity`,
 * resources' `data.declared` (inventory declarations).
 * 1.4.0: `checks`, each check's title, description, duties and remediation once, keyed by check id; findings refer
 * to them by `checkId` and carry title, duties and remediation only where they differ (reports/render/report-document.ts).
 * 1.4.0: evidence `messageJa`; resolved findings' `stillReportable` and `summary.baseline.stillReportable`; the
 * persons estimate's `basisJa`.
 * 1.5.0: with --history (docs/history.md): `history` (public since per exposed resource, the run it is taken at, an
 * optional trend), deadlines' `occurred` (発生日 estimated from the history), resolved findings' `stillReportable`
 * `basis` and `publicSince` (the window from the history instead of the baseline's scan times).
 */
export const SCHEMA_VERSION = '1.5.0';

export interface ReportScope {
  provider: Provider;
  /** live: collected now; snapshot: evaluated offline from --input. */
  source: 'live' | 'snapshot';
  accounts: string[];
  regions: string[];
  bucketFilter: string[];
  snapshotFile?: string;
  endpointUrl?: string;
  failOn: Severity | 'none';
  /** 1.3.0: --shard i/n of this run (a shard report, for `kumoscan merge`). */
  shard?: { index: number; count: number };
  /** 1.3.0: the declared entrustees the assessment used (kept so `kumoscan merge` can re-assess). */
  entrustees?: Entrustee[];
  /** 1.3.0: the configuration file the scan read (--config, or ./kumoscan.yml). */
  configFile?: string;
}

export type BaselineState = 'new' | 'unchanged';

/** A duty with its Japanese name and English gloss. */
export interface DutyName {
  id: string;
  ja: string;
  en: string;
}

export type ReportFinding = Omit<Finding, 'duties'> & {
  /** Shared by the findings of one check (never modify). */
  duties: readonly DutyName[];
  /** 1.3.0: with --baseline (reports/baseline.ts): not in the baseline, or the same finding id is there. */
  baseline?: BaselineState;
  /** 1.4.0: a resolved finding that made its resource reportable in the baseline (reports/still-reportable.ts). */
  stillReportable?: StillReportable;
};

/** 1.4.0: resolved, still reportable (解消済み—報告対象の可能性あり): the exposure window as bounds, and the baseline's deadlines. */
export interface StillReportable {
  resourceName: string;
  /** The baseline's reportability estimate of the resource. */
  result: ReportabilityResult;
  /** 番号法第29条の4 applied in the baseline. */
  myNumberAct: boolean;
  /** Exposed at this time at the latest (the earliest scan that saw the finding): the window began then or before. */
  firstSeenBy: string;
  /** 1.5.0: where the window comes from: the exposure history (--history), else the baseline's scan times (absent: baseline). */
  basis?: 'history' | 'baseline';
  /** 1.5.0: with --history: when the resource became public, with both bounds (firstSeenBy is its `latest`). */
  publicSince?: PublicSince;
  /** The finding was still raised at this time (the baseline's scan): the fix came after it … */
  resolvedAfter: string;
  /** … and at or before this time (the scan that no longer raises it). */
  resolvedBy: string;
  /** The baseline's deadlines, counted from its 知った日: fixing the setting does not reset them. */
  deadlines: Deadlines;
}

/** 1.3.0: with --baseline, the counts of reports/baseline.ts. */
export interface BaselineSummary {
  /** scannedAt of the baseline report. */
  against: string;
  /** The baseline file, as given. */
  file?: string;
  new: number;
  unchanged: number;
  resolved: number;
  /** Baseline findings whose resource or account this run did not cover (filtered out, another shard, collection failed). */
  notCovered: number;
  /** 1.4.0: of the resolved findings, those still reportable (they carry `stillReportable`). */
  stillReportable?: number;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'kumoscan'; version: string };
  scannedAt: string;
  scope: ReportScope;
  summary: {
    resources: number;
    exposed: { read: number; list: number; write: number; aclWrite: number };
    findings: Record<Severity, number>;
    errors: number;
    complete: boolean;
    /** 1.3.0: with --baseline. */
    baseline?: BaselineSummary;
  };
  resources: Resource[];
  findings: ReportFinding[];
  assessment: Assessment;
  errors: ScanError[];
  /** 1.1.0: the identity posture of each account (IAM users, roles, root, password policy); [] when not read. */
  identities: IdentityPosture[];
  /** 1.3.0: with --baseline: baseline findings this run no longer raises on what it covered. */
  resolved?: ReportFinding[];
  /** 1.3.0: findings a suppression of the configuration took out of `findings` (not counted in the summary or the exit code). */
  suppressed?: SuppressedFinding[];
  /** 1.3.0: entries of the configuration that had no effect (a suppression that matched nothing …). */
  configWarnings?: ConfigWarning[];
  /** 1.5.0: with --history: what the exposure history says about this report's resources. */
  history?: ReportHistory;
  /** 1.5.0 (issue 16): each public resource's "public since", the earliest of the history and the change that opened it (reports/public-since.ts). */
  publicSince?: ResourceCombinedPublicSince[];
}

/** 1.5.0: a resource open to anyone in the report, and since when (src/history/public-since.ts). */
export interface ResourcePublicSince extends PublicSince {
  resourceId: string;
}

/** 1.5.0: one stored run of the report's scope, for the HTML trend chart (src/history/trend.ts TrendRow, in short). */
export interface HistoryTrendRow {
  runId: string;
  scannedAt: string;
  complete: boolean;
  findings: Record<Severity, number>;
  /** Findings not open in the scope before this run. */
  newFindings: number;
  /** Findings open before and gone now; null for a partial run (it resolves nothing). */
  resolvedFindings: number | null;
  /** Resources open to anyone with personal data. */
  exposedPersonal: number;
}

/** 1.5.0: the exposure history as it applies to this report (reports/history.ts). */
export interface ReportHistory {
  /** This report's run in the history; absent when it is not there (a report rendered again from another store). */
  runId?: string;
  /** The time the history is read at: the run's collection time, else the report's scannedAt. */
  asOf: string;
  /** Runs in the history up to asOf. */
  runs: number;
  /** Every resource open to anyone in this report that the history has seen public, in the report's order. */
  publicSince: ResourcePublicSince[];
  /** The runs of this report's scope up to asOf, oldest first (the HTML trend chart); absent when the report's run is not in the history. */
  trend?: HistoryTrendRow[];
}

export interface ReportInput {
  version: string;
  scannedAt: string;
  scope: ReportScope;
  resources: Resource[];
  findings: Finding[];
  /** Account-level errors (resource errors are taken from the resources). */
  scanErrors: ScanError[];
  /** The identity posture of each account, when the provider reads identities. */
  identities?: IdentityPosture[];
  /** 知った日 (YYYY-MM-DD, --discovered-at); default: the date of scannedAt in Asia/Tokyo. */
  discoveredAt?: string;
  /** Declared entrustees (--entrustee). */
  entrustees?: readonly Entrustee[];
  /** Findings suppressed by the configuration. */
  suppressed?: readonly SuppressedFinding<Finding>[];
  configWarnings?: readonly ConfigWarning[];
}

function count(resources: readonly Resource[], cap: 'read' | 'list' | 'write' | 'aclWrite'): number {
  return resources.filter((r) => r.exposure[cap] === true).length;
}

function withScope(scope: string, errors: readonly CollectError[]): ScanError[] {
  return errors.map((e) => ({ scope, ...e }));
}

// One list of named duties per list of duty ids (a check's `duties`): the findings of a check share it.
const namedDuties = new WeakMap<readonly DutyId[], readonly DutyName[]>();

function dutyNames(ids: readonly DutyId[]): readonly DutyName[] {
  let named = namedDuties.get(ids);
  if (!named) {
    named = Object.freeze(ids.map((d) => Object.freeze({ id: d, ja: DUTIES[d].name.ja, en: DUTIES[d].name.en })));
    namedDuties.set(ids, named);
  }
  return named;
}

/** A finding as the report holds it: duties with their names. */
export function reportFinding(f: Finding): ReportFinding {
  return { ...f, duties: dutyNames(f.duties) };
}

export function buildReport(input: ReportInput): Report {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, input.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const errors = [...input.scanErrors, ...input.resources.flatMap((r) => withScope(r.id, r.errors))];
  return withCombinedPublicSince({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'kumoscan', version: input.version },
    scannedAt: input.scannedAt,
    scope: input.scope,
    summary: {
      resources: input.resources.length,
      exposed: { read: count(input.resources, 'read'), list: count(input.resources, 'list'), write: count(input.resources, 'write'), aclWrite: count(input.resources, 'aclWrite') },
      findings: bySeverity,
      errors: errors.length,
      complete: errors.length === 0,
    },
    resources: input.resources,
    findings: input.findings.map(reportFinding),
    assessment: assess(input.resources, input.findings, {
      scannedAt: input.scannedAt,
      ...(input.discoveredAt !== undefined ? { discoveredAt: input.discoveredAt } : {}),
      ...(input.entrustees !== undefined ? { entrustees: input.entrustees } : {}),
    }),
    errors,
    identities: input.identities ?? [],
    suppressed: (input.suppressed ?? []).map((s) => ({ ...s, finding: reportFinding(s.finding) })),
    configWarnings: [...(input.configWarnings ?? [])],
  });
}

/**
 * The JSON report as one string (reports/render/report-document.ts: check texts once in `checks`); C1 / bidi
 * controls written as \u escapes so the text is safe on a terminal too. A large report is written in pieces
 * (renderFormatChunks) instead.
 */
export function renderJson(report: Report): string {
  return [...jsonChunks(reportDocument(report))].join('');
}
