// drivers_license (運転免許証番号): 12 digits, no public checksum (the 11th digit is a check digit whose
// algorithm is not published), so only with context: 運転免許証, 免許証番号 within 300 characters or a
// field / label naming a licence. Printed as 第123456789012号 on the card: Japanese text around is fine.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const RE = /(?<![0-9])[0-9]{12}(?![0-9])/g;

export function findDriversLicenses(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    out.push({ type: 'drivers_license', start, end, canonical: m[0], masked: maskChars(m[0]), rule: 'context' });
  }
}
