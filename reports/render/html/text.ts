// The HTML report's text helpers: escaping (every string from a report is data, never markup), the two-language
// spans the stylesheet switches between, and the small shared pieces (yes/no cells, severity badges, key-value lists).
import type { I18n, Severity } from '../../../src/model.js';
import { escapeControlsKeepBreaks } from '../../../src/text/sanitize.js';
import { SEVERITY_LABEL } from '../view.js';

const AMP = /[&<>"'`]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(s: string | number): string {
  return escapeControlsKeepBreaks(String(s)).replace(AMP, (c) => ENTITY[c] ?? c);
}

/** Both languages; the stylesheet shows the one chosen. */
export function t(text: I18n): string {
  if (text.ja === text.en) return esc(text.ja);
  return `<span class="l-ja" lang="ja">${esc(text.ja)}</span><span class="l-en" lang="en">${esc(text.en)}</span>`;
}

export function tt(ja: string, en: string): string {
  return t({ ja, en });
}

/** A number as both languages write it (1,234). */
export function num(n: number): string {
  return esc(n.toLocaleString('en-US'));
}

/** yes / no / unknown; coloured as a risk (yes = red) unless `neutral` (settings, where yes is often the good answer). */
export function triCell(v: boolean | null | undefined, neutral = false): string {
  if (v === undefined) return '<span class="muted">—</span>';
  if (v === null) return `<span class="tri tri-null">${tt('不明', 'unknown')}</span>`;
  if (neutral) return `<span class="tri">${v ? tt('はい', 'yes') : tt('いいえ', 'no')}</span>`;
  return v ? `<span class="tri tri-yes">${tt('はい', 'yes')}</span>` : `<span class="tri tri-no">${tt('いいえ', 'no')}</span>`;
}

export function sevBadge(s: Severity): string {
  return `<span class="sev sev-${s}">${t(SEVERITY_LABEL[s])}</span>`;
}

export function kv(rows: [string, string][]): string {
  return `<dl class="kv">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

export function section(title: string, body: string, cls = ''): string {
  return `<section class="part ${cls}"><h4>${title}</h4>${body}</section>`;
}

/** A table with a header row; `cls` and `id` go on the table. */
export function grid(head: readonly string[], rows: readonly string[], attrs = 'class="grid"'): string {
  return `<table ${attrs}><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
