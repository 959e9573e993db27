// A PDF cut short (the first bytes of an object from a range GET, or a file cut by --max-bytes) has no
// trailer, and pdf.js cannot find its root without one. A trailer is appended that points at the catalog when
// the prefix holds it; when it does not (LibreOffice writes the page tree and catalog last), a page tree over
// the page objects that arrived and a catalog are appended too, so the pages before the cut are still read.
// The object cut in the middle is dropped; the complete ones are pdf.js's to parse.

/** `startxref` near the end: the file is whole (or at least ends like one). */
function hasTrailer(buf: Buffer): boolean {
  return buf.lastIndexOf('startxref') >= Math.max(0, buf.length - 4096);
}

export interface Repaired {
  data: Buffer;
  /** whole: nothing to do; trailer / tree: what was appended; no-pages: cut before any page object. */
  how: 'whole' | 'trailer' | 'tree' | 'no-pages';
}

/** The buffer with a trailer (and, when needed, a page tree and a catalog) appended when it has none. */
export function withTrailer(whole: Buffer): Repaired {
  if (hasTrailer(whole)) return { data: whole, how: 'whole' };
  // The object cut in the middle is left out (pdf.js would read the trailer as part of it).
  const complete = whole.lastIndexOf('endobj');
  if (complete < 0) return { data: whole, how: 'no-pages' };
  const buf = whole.subarray(0, complete + 6);
  const s = buf.toString('latin1');
  let catalog: string | null = null;
  const pages: string[] = [];
  let maxNum = 0;
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = objRe.exec(s); m !== null; m = objRe.exec(s)) {
    const num = Number(m[1]);
    if (num > maxNum) maxNum = num;
    const head = s.slice(objRe.lastIndex, objRe.lastIndex + 1024);
    const ends = [head.indexOf('endobj'), head.indexOf('stream')].filter((i) => i >= 0);
    const type = /\/Type\s*\/(Catalog|Pages?)\b/.exec(head.slice(0, Math.min(head.length, ...ends)));
    if (!type) continue;
    if (type[1] === 'Catalog') catalog = `${num} ${m[2]} R`;
    else if (type[1] === 'Page') pages.push(`${num} ${m[2]} R`);
  }
  let tail: string;
  let how: Repaired['how'];
  if (catalog !== null && pages.length > 0) {
    tail = `\ntrailer\n<< /Root ${catalog} /Size ${maxNum + 1} >>\n%%EOF\n`;
    how = 'trailer';
  } else if (pages.length > 0) {
    how = 'tree';
    const tree = maxNum + 1;
    const root = maxNum + 2;
    tail =
      `\n${tree} 0 obj\n<< /Type /Pages /Kids [${pages.join(' ')}] /Count ${pages.length} >>\nendobj\n` +
      `${root} 0 obj\n<< /Type /Catalog /Pages ${tree} 0 R >>\nendobj\ntrailer\n<< /Root ${root} 0 R /Size ${root + 1} >>\n%%EOF\n`;
  } else return { data: whole, how: 'no-pages' };
  return { data: Buffer.concat([buf, Buffer.from(tail, 'latin1')]), how };
}
