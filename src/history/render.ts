// `kumoscan history` output (pure): the run list and one resource's timeline, as a table (ja or en, each whole)
// or JSON. Dates are the runs' collection times; every date that is only known between two runs says so.
import type { Lang } from '../../reports/render/table.js';
import { pad, widest } from '../../reports/render/columns.js';
import { SEVERITIES } from '../model.js';
import { escapeControls } from '../text/sanitize.js';
import type { RunSummary } from './store.js';
import type { Bound, RunState, Timeline } from './timeline.js';

const T = {
  ja: {
    noRuns: '履歴に実行はまだありません。',
    runsHead: (n: number) => `${n} 件の実行（古い順）`,
    cols: ['実行 ID', '収集日時', 'クラウド', 'アカウント', 'シャード', '完全', 'リソース', '公開', '検出（重大〜情報）'],
    yes: 'はい',
    no: 'いいえ（部分）',
    resource: 'リソース',
    account: 'アカウント',
    status: { public: '公開中', resolved: '解消済み', 'never-public': '公開されたことはない' } as Record<Timeline['status'], string>,
    firstSeen: '最初に公開を確認',
    lastSeen: '最後に公開を確認',
    resolvedAt: '解消',
    none: 'なし',
    since: (b: Bound) => (b.after === null ? `${b.by} 以前（履歴の最初の実行で既に公開）` : `${b.after}（非公開を確認）から ${b.by}（公開を確認）の間`),
    resolved: (b: Bound) => `${b.after ?? ''}（公開を確認）から ${b.by}（非公開を確認）の間`,
    stillPublic: (at: string) => `未解消（${at} の実行でも公開）`,
    window: (i: number) => `公開期間 ${i}`,
    publicSince: '公開開始',
    until: '解消',
    caps: '公開された操作',
    personal: '個人データ',
    personalYes: (classes: string, persons: string) => `あり（分類: ${classes}、最大 ${persons} 人）`,
    personalNo: '見つからず',
    personalUnknown: '未サンプリング',
    runsLine: (n: number) => `公開を確認した実行: ${n} 回`,
    runs: '実行ごとの状態',
    state: { public: '公開', private: '非公開', unknown: '不明', absent: '存在しない' } as Record<RunState, string>,
    partial: '（部分的な実行: 非公開でも解消とみなさない）',
    unknownPersons: '不明',
  },
  en: {
    noRuns: 'No runs in the history yet.',
    runsHead: (n: number) => `${n} runs (oldest first)`,
    cols: ['run id', 'collected at', 'cloud', 'accounts', 'shard', 'complete', 'resources', 'public', 'findings (critical..info)'],
    yes: 'yes',
    no: 'no (partial)',
    resource: 'Resource',
    account: 'Account',
    status: { public: 'public', resolved: 'resolved', 'never-public': 'never seen public' } as Record<Timeline['status'], string>,
    firstSeen: 'First seen public',
    lastSeen: 'Last seen public',
    resolvedAt: 'Resolved',
    none: 'none',
    since: (b: Bound) => (b.after === null ? `at or before ${b.by} (already public in the first run of the history)` : `between ${b.after} (seen private) and ${b.by} (seen public)`),
    resolved: (b: Bound) => `between ${b.after ?? ''} (seen public) and ${b.by} (seen private)`,
    stillPublic: (at: string) => `not resolved (still public in the run of ${at})`,
    window: (i: number) => `Exposure window ${i}`,
    publicSince: 'Public since',
    until: 'Resolved',
    caps: 'Open to anyone',
    personal: 'Personal data',
    personalYes: (classes: string, persons: string) => `found (classes: ${classes}; up to ${persons} persons)`,
    personalNo: 'none found',
    personalUnknown: 'not sampled',
    runsLine: (n: number) => `Runs that saw it public: ${n}`,
    runs: 'State per run',
    state: { public: 'public', private: 'private', unknown: 'unknown', absent: 'gone' } as Record<RunState, string>,
    partial: ' (partial run: "private" here does not resolve)',
    unknownPersons: 'unknown',
  },
} as const;

export function renderRunsTable(runs: readonly RunSummary[], lang: Lang): string {
  const t = T[lang];
  if (runs.length === 0) return `${t.noRuns}\n`;
  const rows = runs.map((r) => [
    r.id.slice(0, 12),
    r.scannedAt,
    r.provider,
    escapeControls(r.accounts.join(',')),
    r.shard ? `${r.shard.index}/${r.shard.count}` : '-',
    r.complete ? t.yes : t.no,
    String(r.resources),
    String(r.exposed),
    SEVERITIES.map((s) => r.findings[s]).join('/'),
  ]);
  const widths = t.cols.map((c, i) => widest([c, ...rows.map((row) => row[i] ?? '')]));
  const line = (cells: readonly string[]): string => cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
  return [t.runsHead(runs.length), '', line(t.cols), ...rows.map(line), ''].join('\n');
}

export function renderTimelineTable(tl: Timeline, lang: Lang): string {
  const t = T[lang];
  const out: string[] = [
    `${t.resource}: ${escapeControls(tl.name)} (${escapeControls(tl.resourceId)}) — ${t.status[tl.status]}`,
    `${t.account}: ${escapeControls(tl.account)}`,
    `${t.firstSeen}: ${tl.firstSeenPublic ?? t.none}`,
    `${t.lastSeen}: ${tl.lastSeenPublic ?? t.none}`,
    `${t.resolvedAt}: ${tl.resolvedAt ? t.resolved(tl.resolvedAt) : tl.status === 'public' && tl.lastSeenPublic ? t.stillPublic(tl.lastSeenPublic) : t.none}`,
  ];
  tl.windows.forEach((w, i) => {
    const persons = w.maxPersons === null ? t.unknownPersons : String(w.maxPersons);
    out.push(
      '',
      `${t.window(i + 1)}`,
      `  ${t.publicSince}: ${t.since(w.since)}`,
      `  ${t.until}: ${w.resolved ? t.resolved(w.resolved) : t.stillPublic(w.lastSeenPublic)}`,
      `  ${t.caps}: ${w.capabilities.join(', ')}`,
      `  ${t.personal}: ${w.personalData === null ? t.personalUnknown : w.personalData ? t.personalYes(w.classes.join(', '), persons) : t.personalNo}`,
      `  ${t.runsLine(w.publicRuns)}`,
    );
  });
  out.push('', t.runs);
  for (const p of tl.runs) out.push(`  ${p.scannedAt}  ${p.runId.slice(0, 12)}  ${t.state[p.state]}${p.complete ? '' : t.partial}`);
  return out.join('\n') + '\n';
}

export function renderJsonValue(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
