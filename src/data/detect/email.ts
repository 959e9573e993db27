// email: an RFC 5322-like address (the common subset: dot-atom local part, host names), whose domain has a
// dot and ends in a 2–24 letter top-level label. Not an address: user@localhost, a@b, and image names such
// as icon@2x.png (the "top-level domain" is a file extension).
import type { Found } from './found.js';
import { maskEmail } from './mask.js';

const RE = /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9_%+\-](?:[A-Za-z0-9._%+\-]{0,62}[A-Za-z0-9_%+\-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-]|\.[A-Za-z0-9])/g;

const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'ico', 'tif', 'tiff', 'heic', 'pdf', 'css', 'js', 'ts', 'json', 'html', 'htm', 'txt', 'csv', 'zip', 'gz', 'md']);

export function findEmails(text: string, out: Found[]): void {
  if (!text.includes('@')) return;
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const address = m[0];
    const tld = address.slice(address.lastIndexOf('.') + 1).toLowerCase();
    if (FILE_EXTENSIONS.has(tld)) continue;
    const canonical = address.toLowerCase();
    out.push({ type: 'email', start: m.index, end: m.index + address.length, canonical, masked: maskEmail(canonical), rule: 'shape' });
  }
}
