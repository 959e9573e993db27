// Building blocks of the report's inline SVG charts: pure string builders. Text in both languages is two <text>
// elements the stylesheet switches between (as the page's spans); every value is escaped.
import type { I18n } from '../../../../src/model.js';
import { fit } from '../../columns.js';
import { esc, t } from '../text.js';

export interface Attrs {
  [name: string]: string | number | undefined;
}

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(typeof v === 'number' ? round(v) : (v as string))}"`)
    .join('');
}

/** Coordinates with at most one decimal (smaller files, stable output). */
export function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function el(name: string, a: Attrs, body = ''): string {
  return body ? `<${name}${attrs(a)}>${body}</${name}>` : `<${name}${attrs(a)}/>`;
}

/** A label in both languages (or one string for both). */
export function label(x: number, y: number, text: I18n | string, a: Attrs = {}): string {
  if (typeof text === 'string' || text.ja === text.en) return el('text', { x, y, ...a }, esc(typeof text === 'string' ? text : text.ja));
  const cls = a.class ? `${a.class} ` : '';
  return el('text', { x, y, ...a, class: `${cls}l-ja`, lang: 'ja' }, esc(text.ja)) + el('text', { x, y, ...a, class: `${cls}l-en`, lang: 'en' }, esc(text.en));
}

/** A chart: a figure with its caption (the accessible name of the picture) and the SVG, scaled to the width. */
export function figure(id: string, caption: I18n, width: number, height: number, body: string, note = ''): string {
  return `<figure class="chart" id="${esc(id)}"><figcaption id="${esc(id)}-cap">${t(caption)}</figcaption><svg role="img" aria-labelledby="${esc(id)}-cap" viewBox="0 0 ${round(width)} ${round(height)}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${body}</svg>${note}</figure>`;
}

/**
 * Pixels one display column of a 12 px label may take (a wide — CJK — character is two columns): measured in Chromium,
 * Latin names stay under 7 px a character, so a name cut to the columns of its room never runs past it.
 */
export const LABEL_PX_PER_COLUMN = 7;

/** A name cut (…) to fit `px` pixels of a 12 px label. */
export function fitLabel(s: string, px: number): string {
  return fit(s, Math.max(4, Math.floor(px / LABEL_PX_PER_COLUMN)));
}

/**
 * A label naming a resource or an account: its short name (bucket, account/container — never a 180-character ARM id)
 * cut to `px`, and the full id in a <title> the browser shows as a tooltip.
 */
export function nameLabel(x: number, y: number, name: string, fullId: string, px: number, a: Attrs = {}): string {
  return el('g', { class: 'chart-name' }, `${el('title', {}, esc(fullId))}${label(x, y, fitLabel(name, px), a)}`);
}

/** "N more" under a chart whose rows were capped; '' when none were left out. */
export function moreNote(more: number, what: I18n): string {
  if (more <= 0) return '';
  return `<p class="small muted chart-more" data-more="${more}">${t({ ja: `ほか ${more.toLocaleString('en-US')} 件の${what.ja}は表示していません（下の一覧を参照）。`, en: `${more.toLocaleString('en-US')} more ${what.en} not shown (see the table below).` })}</p>`;
}
