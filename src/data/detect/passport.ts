// passport (旅券番号): 2 upper-case letters + 7 digits (Japanese passports: TK1234567). The shape is
// distinctive but product codes share it: low without context, high with パスポート, 旅券番号, passport.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const RE = /(?<![0-9A-Za-z])[A-Z]{2}[0-9]{7}(?![0-9A-Za-z])/g;

export function findPassports(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'passport', start, end, canonical: m[0], masked: maskChars(m[0]), rule: 'shape', column: 'hit' });
  }
}
