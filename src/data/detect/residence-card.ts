// residence_card (在留カード番号): 2 letters + 8 digits + 2 letters (AB12345678CD). Low without context,
// high with 在留カード, 在留番号 or a field / label naming it.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const RE = /(?<![0-9A-Za-z])[A-Z]{2}[0-9]{8}[A-Z]{2}(?![0-9A-Za-z])/g;

export function findResidenceCards(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'residence_card', start, end, canonical: m[0], masked: maskChars(m[0]), rule: 'shape', column: 'hit' });
  }
}
