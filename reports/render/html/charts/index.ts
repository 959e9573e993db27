// The report's charts from its views: each chart's data is picked here, drawn by a pure function of its own file.
import { SEVERITIES, type Severity } from '../../../../src/model.js';
import type { Report } from '../../json.js';
import { shortId } from '../../short-name.js';
import { CLASS_LABEL, PROVIDER_LABEL, type ResourceView } from '../../view.js';
import { categoryBars, type CategoryCount } from './category-bars.js';
import { deadlineTimeline, timelineRows } from './deadline-timeline.js';
import { exposureMatrix } from './exposure-matrix.js';
import { severityBars, type SeverityGroup } from './severity-bars.js';
import { historyTrendChart, trendChart, type TrendPoint } from './trend.js';

function accountOf(v: ResourceView): string {
  return v.resource?.account ?? v.report.scope.accounts[0] ?? v.id;
}

/** What a chart names a resource by: its short name (bucket, account/container), never an ARM id. */
function chartName(v: ResourceView): string {
  return v.resource ? v.name : shortId(v.id);
}

export function severityGroups(views: readonly ResourceView[]): SeverityGroup[] {
  const groups = new Map<string, SeverityGroup>();
  for (const v of views) {
    const key = `${PROVIDER_LABEL[v.provider]} ${accountOf(v)}`;
    const g = groups.get(key) ?? { label: `${PROVIDER_LABEL[v.provider]} ${shortId(accountOf(v))}`, title: key, counts: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number> };
    for (const f of v.findings) g.counts[f.severity]++;
    groups.set(key, g);
  }
  return [...groups.values()];
}

const CLASSES = ['specific_personal_information', 'sensitive', 'financial', 'personal'] as const;

export function categoryCounts(views: readonly ResourceView[]): { counts: CategoryCount[]; exposedPersonal: number } {
  const exposed = views.filter((v) => v.exposed === true && v.personalData === true);
  const counts = CLASSES.map((id) => ({ id, label: CLASS_LABEL[id], resources: exposed.filter((v) => v.resource?.data?.classes.includes(id)).length }));
  return { counts, exposedPersonal: exposed.length };
}

export function trendPoints(reports: readonly Report[]): TrendPoint[] {
  const withBaseline = reports.filter((r) => r.summary.baseline);
  if (withBaseline.length === 0) return [];
  const sum = (f: (r: Report) => number): number => withBaseline.reduce((n, r) => n + f(r), 0);
  const against = withBaseline.map((r) => r.summary.baseline?.against ?? '').sort()[0] ?? '';
  const at = withBaseline.map((r) => r.scannedAt).sort().at(-1) ?? '';
  return [
    { kind: 'baseline', at: against, unchanged: sum((r) => r.summary.baseline?.unchanged ?? 0), other: sum((r) => r.summary.baseline?.resolved ?? 0) },
    { kind: 'current', at, unchanged: sum((r) => r.summary.baseline?.unchanged ?? 0), other: sum((r) => r.summary.baseline?.new ?? 0) },
  ];
}

/** Every chart that has something to show, in reading order. */
export function charts(reports: readonly Report[], views: readonly ResourceView[], today: string): string[] {
  const storage = views.filter((v) => v.resource !== null);
  const urgent = views.filter((v) => v.reportability?.result === 'likely' || v.reportability?.result === 'review');
  const { counts, exposedPersonal } = categoryCounts(storage);
  return [
    deadlineTimeline(timelineRows(urgent.map((v) => ({ name: chartName(v), id: v.id, deadlines: v.deadlines }))), today),
    exposureMatrix(storage.map((v) => ({ name: chartName(v), id: v.id, read: v.resource?.exposure.read ?? null, list: v.resource?.exposure.list ?? null, write: v.resource?.exposure.write ?? null, personal: v.personalData }))),
    categoryBars(counts, exposedPersonal),
    severityBars(severityGroups(views)),
    trendChart(trendPoints(reports)),
    // With --history: each report's runs (its scope's), when there are two or more.
    ...reports.map((r) => ((r.history?.trend?.length ?? 0) >= 2 ? historyTrendChart(r.history?.trend ?? [], 'both') : '')),
  ].filter((c) => c !== '');
}
