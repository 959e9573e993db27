// Text columns for the console: display width (East Asian wide characters take two columns), padding, and
// fitting a text into a width — cut with an ellipsis, or wrapped onto hanging lines — so a table stays readable in
// an 80-column terminal or CI log. Pure.

/** The width the console table aims at (a terminal's default, most CI log viewers). */
export const CONSOLE_WIDTH = 80;

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6);
}

/** Display width: East Asian wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Right-aligned in `width` columns. */
export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/** The widest display width among `values` (0 for none); a loop, since a spread overflows the stack at 100,000 rows. */
export function widest(values: Iterable<string>): number {
  let w = 0;
  for (const v of values) w = Math.max(w, displayWidth(v));
  return w;
}

/** `s` cut to at most `width` columns, ending in "…" when cut. */
export function fit(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

/** Punctuation that must not start a line (it stays with the text before it). */
const NO_LINE_START = /[、。，．・：；）」』】〕〉》！？ー]/u;
/** An opening bracket: it must not end a line. */
const NO_LINE_END = /[（「『【〔〈《]/u;

/**
 * Pieces between break opportunities: after a space, and between two wide characters (Japanese text) unless the
 * second must not start a line or the first must not end one. "第3号" and "（public-read）" stay whole.
 */
function tokens(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let prev = '';
  for (const ch of s) {
    const breakHere =
      cur !== '' && (prev === ' ' ? ch !== ' ' : isWide(prev.codePointAt(0) ?? 0) && isWide(ch.codePointAt(0) ?? 0) && !NO_LINE_START.test(ch) && !NO_LINE_END.test(prev));
    if (breakHere) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
    prev = ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** `s` wrapped into lines of at most `width` columns (a word longer than the width is cut into pieces). */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokens(s)) {
    if (displayWidth((line + token).trimEnd()) <= width) {
      line += token;
      continue;
    }
    if (line.trim()) push();
    let rest = token;
    while (displayWidth(rest.trimEnd()) > width) {
      let piece = '';
      for (const ch of rest) {
        if (displayWidth(piece + ch) > width) break;
        piece += ch;
      }
      lines.push(piece);
      rest = rest.slice(piece.length);
    }
    line = rest;
  }
  if (line.trim() || lines.length === 0) push();
  return lines;
}

/** `first` then the wrapped `text` in the remaining width; continuation lines indented to where the text starts. */
export function hanging(first: string, text: string, width = CONSOLE_WIDTH): string[] {
  const indent = displayWidth(first);
  const lines = wrap(text, Math.max(20, width - indent));
  return lines.map((l, i) => (i === 0 ? first : ' '.repeat(indent)) + l);
}
