// CSV with one row per finding, for spreadsheets and ticket imports. RFC 4180: CRLF line ends, a header row, a
// field quoted when it holds a comma, a double quote, CR or LF, and inner double quotes doubled. UTF-8 with a
// byte order mark, so Excel in Japan opens it as UTF-8 instead of guessing Shift_JIS (without the BOM the
// Japanese columns come out garbled). A cell that starts with = + - @ (or a tab / CR) gets a leading apostrophe,
// so a cloud name cannot become a spreadsheet formula (CSV injection). Control characters in a cell (a bucket
// name holding ESC or a newline) are shown as visible escapes (src/text/sanitize.ts); only the columns kumoscan
// writes as lists (duties_ja) keep their line breaks.
import type { Report, ReportFinding } from './json.js';
import { suppressedOf } from './policy-view.js';
import { findingCommands } from './fix-commands.js';
import { SEVERITY_LABEL, allViews, categoriesOf, type ResourceView } from './view.js';
import { escapeControls } from '../../src/text/sanitize.js';
import { openedByText } from '../../src/evidence/changes/text.js';

export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'finding_id',
  'severity',
  'severity_ja',
  'check_id',
  'provider',
  'account',
  'resource_id',
  'resource_name',
  'region',
  'title_ja',
  'title_en',
  'detail_ja',
  'detail_en',
  'duties',
  'duties_ja',
  'remediation_ja',
  'remediation_en',
  'remediation_commands',
  'public_read',
  'public_list',
  'public_write',
  'personal_data',
  'reportability',
  'categories',
  'my_number_act',
  'preliminary_report_by',
  'final_report_by',
  'scanned_at',
  'baseline',
  'exposure_first_seen_by',
  'exposure_resolved_after',
  'exposure_resolved_by',
  'public_since_after',
  'public_since_by',
  'opened_by_ja',
  'opened_by_en',
  'opened_at',
  'opened_source',
  'read_by_outsiders',
  'read_by_outsiders_ja',
  'read_by_outsiders_en',
  'original_severity',
  'suppressed',
  'suppression_reason',
  'suppression_expires',
] as const;

/** One RFC 4180 field. */
export function csvField(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Columns whose line breaks kumoscan writes itself (one item a line). */
// duties_ja: one duty a line; remediation_commands: one command a line (built from shell-safe names only, checks/commands.ts).
const MULTILINE_COLUMNS: ReadonlySet<string> = new Set(['duties_ja', 'remediation_commands']);

function sanitizeCell(value: string | number | boolean | null | undefined): string | number | boolean | null | undefined {
  return typeof value === 'string' ? escapeControls(value) : value;
}

function tri(v: boolean | null | undefined): string {
  return v === undefined ? '' : v === null ? 'unknown' : String(v);
}

export function renderCsv(input: Report | readonly Report[]): string {
  const reports: readonly Report[] = Array.isArray(input) ? input : [input as Report];
  const views = new Map<string, ResourceView>();
  for (const v of allViews(reports)) views.set(`${v.report.scope.provider}\u0000${v.id}`, v);
  const lines = [CSV_COLUMNS.join(',')];
  for (const report of reports) {
    // Current findings (with --baseline: new / unchanged), the suppressed ones, then the baseline's resolved ones.
    const suppressed = suppressedOf([report]);
    const rows: { f: ReportFinding; state: string; reason?: string; expires?: string }[] = [
      ...report.findings.map((f) => ({ f, state: f.baseline ?? '' })),
      ...suppressed.map((x) => ({ f: x.finding, state: x.finding.baseline ?? '', reason: x.reason, expires: x.expires })),
      ...(report.resolved ?? []).map((f) => ({ f, state: f.stillReportable ? 'resolved-still-reportable' : 'resolved' })),
    ];
    for (const { f, state, reason, expires } of rows) {
      const v = views.get(`${report.scope.provider}\u0000${f.resourceId}`);
      const r = v?.resource ?? null;
      const cats = v?.reportability ? categoriesOf(v.reportability) : null;
      const opened = r?.openedBy ? openedByText(r.openedBy) : undefined;
      const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null | undefined> = {
        finding_id: f.id,
        severity: f.severity,
        severity_ja: SEVERITY_LABEL[f.severity].ja,
        check_id: f.checkId,
        provider: f.provider,
        account: r?.account ?? report.scope.accounts.join(' '),
        resource_id: f.resourceId,
        resource_name: v?.name ?? f.resourceId,
        region: r?.region ?? '',
        title_ja: f.title.ja,
        title_en: f.title.en,
        detail_ja: f.detail.ja,
        detail_en: f.detail.en,
        duties: f.duties.map((d) => d.id).join(' '),
        duties_ja: f.duties.map((d) => d.ja).join('\n'),
        remediation_ja: f.remediation.ja,
        remediation_en: f.remediation.en,
        remediation_commands: findingCommands(f, r).join('\n'),
        public_read: tri(r?.exposure.read),
        public_list: tri(r?.exposure.list),
        public_write: tri(r?.exposure.write),
        personal_data: tri(r ? (v?.personalData ?? null) : undefined),
        reportability: f.stillReportable?.result ?? v?.reportability?.result ?? (v?.exposed === true && v.personalData === true ? 'not-estimated' : ''),
        categories: cats ? [...cats.applies.map(String), ...cats.open.map((c) => `${c}?`)].join(' ') : '',
        my_number_act: f.stillReportable ? String(f.stillReportable.myNumberAct) : v?.reportability ? String(v.reportability.myNumberAct.applies) : '',
        preliminary_report_by: (f.stillReportable?.deadlines ?? v?.deadlines)?.preliminary.to ?? '',
        final_report_by: (f.stillReportable?.deadlines ?? v?.deadlines)?.final.due ?? '',
        scanned_at: report.scannedAt,
        baseline: state,
        original_severity: f.originalSeverity ?? '',
        suppressed: reason !== undefined,
        suppression_reason: reason ?? '',
        suppression_expires: expires ?? '',
        exposure_first_seen_by: f.stillReportable?.firstSeenBy ?? '',
        exposure_resolved_after: f.stillReportable?.resolvedAfter ?? '',
        exposure_resolved_by: f.stillReportable?.resolvedBy ?? '',
        // With --history: when the resource became public (after: exclusive; empty when public in the first run recorded).
        public_since_after: (f.stillReportable?.publicSince ?? v?.publicSince)?.earliest ?? '',
        public_since_by: (f.stillReportable?.publicSince ?? v?.publicSince)?.latest ?? '',
        opened_by_ja: opened?.ja ?? '',
        opened_by_en: opened?.en ?? '',
        opened_at: r?.openedBy?.change?.time ?? '',
        opened_source: r?.openedBy?.change?.source ?? '',
        read_by_outsiders: v?.readByOutsiders?.leak ?? '',
        read_by_outsiders_ja: v?.readByOutsiders?.text.ja ?? '',
        read_by_outsiders_en: v?.readByOutsiders?.text.en ?? '',
      };
      lines.push(CSV_COLUMNS.map((c) => csvField(MULTILINE_COLUMNS.has(c) ? cells[c] : sanitizeCell(cells[c]))).join(','));
    }
  }
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}
