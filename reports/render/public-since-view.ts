// What every renderer shows of --history (reports/history.ts): "public since" of a resource open to anyone, with
// the bounds the run history gives it, in one line per language. Times in Asia/Tokyo, run ids as `history runs`
// shows them (12 characters).
import type { I18n } from '../../src/model.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import type { Report } from './json.js';

export const PUBLIC_SINCE_LABEL: I18n = { ja: '公開開始（実行履歴）', en: 'Public since (run history)' };

const short = (id: string): string => id.slice(0, 12);

/** "public since between A and B (last private run … / first public run …)" or "at least since B (…)". */
export function publicSinceLine(p: PublicSince): I18n {
  const by = formatLocalTime(p.latest);
  if (p.earliest === null || p.lastPrivateRun === null) {
    return {
      ja: `遅くとも ${by} から公開（記録された最初の実行 ${short(p.firstPublicRun.id)} で既に公開）`,
      en: `public since at least ${by} (public in the first run recorded, ${short(p.firstPublicRun.id)})`,
    };
  }
  const after = formatLocalTime(p.earliest);
  return {
    ja: `${after} から ${by} の間に公開（最後に非公開だった実行 ${short(p.lastPrivateRun.id)} ／ 最初に公開だった実行 ${short(p.firstPublicRun.id)}）`,
    en: `public since between ${after} and ${by} (last private run ${short(p.lastPrivateRun.id)} / first public run ${short(p.firstPublicRun.id)})`,
  };
}

/** The report's "public since" by resource id (empty without --history). */
export function publicSinceByResource(report: Report): Map<string, PublicSince> {
  return new Map((report.history?.publicSince ?? []).map(({ resourceId, ...p }) => [resourceId, p]));
}

/** Each resource of the reports with a "public since", in the reports' order: its name and the line. */
export function publicSinceEntries(reports: readonly Report[]): { name: string; line: I18n }[] {
  return reports.flatMap((report) => {
    const names = new Map(report.resources.map((r) => [r.id, r.name]));
    return (report.history?.publicSince ?? []).map((p) => ({ name: names.get(p.resourceId) ?? p.resourceId, line: publicSinceLine(p) }));
  });
}
