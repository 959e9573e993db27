// Inputs for the container tests, built in code: tar archives (tar-stream's packer), MIME messages written by hand
// (ISO-2022-JP by a reverse table of the EUC-JP decoder, base64, quoted-printable), pictures whose "pixels" are the
// text a fake OCR reader returns, and My Numbers with valid check digits.
import { pack } from 'tar-stream';
import type { ImageInput, ImageText, ImageTextReader, ImageTextRequest } from '../../src/data/decode/image-text.js';

/** My Number check digit (PERSONAL-DATA.md): weights from the right, 2..7 then 2..6. */
export function myNumber(first11: string): string {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return `${first11}${r <= 1 ? 0 : 11 - r}`;
}

export interface TarEntry {
  name: string;
  data?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

/** A tar archive (ustar; pax headers for long or non-ASCII names, as tar-stream writes them). */
export async function tar(entries: readonly TarEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of p) chunks.push(c as Buffer);
  })();
  for (const e of entries) {
    const type = e.type ?? 'file';
    await new Promise<void>((resolve, reject) => {
      const header = { name: e.name, type, ...(e.linkname ? { linkname: e.linkname } : {}) };
      if (type === 'file') p.entry(header, typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0)), (err) => (err ? reject(err) : resolve()));
      else p.entry(header, (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  await done;
  return Buffer.concat(chunks);
}

let jis: Map<string, [number, number]> | null = null;

/** ISO-2022-JP bytes of a text (ASCII and JIS X 0208 only). */
export function iso2022jp(text: string): Buffer {
  if (jis === null) {
    jis = new Map();
    const dec = new TextDecoder('euc-jp');
    for (let a = 0xa1; a <= 0xfe; a++) {
      for (let b = 0xa1; b <= 0xfe; b++) {
        const c = dec.decode(Buffer.from([a, b]));
        if (c.length === 1 && c !== '\ufffd' && !jis.has(c)) jis.set(c, [a - 0x80, b - 0x80]);
      }
    }
  }
  const out: number[] = [];
  let kanji = false;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      if (kanji) out.push(0x1b, 0x28, 0x42);
      kanji = false;
      out.push(code);
      continue;
    }
    const j = jis.get(ch);
    if (j === undefined) throw new Error(`not in JIS X 0208: U+${code.toString(16)}`);
    if (!kanji) out.push(0x1b, 0x24, 0x42);
    kanji = true;
    out.push(j[0], j[1]);
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Buffer.from(out);
}

/** RFC 2047 encoded word (B encoding) of ISO-2022-JP text. */
export function encodedWordJis(text: string): string {
  return `=?ISO-2022-JP?B?${iso2022jp(text).toString('base64')}?=`;
}

/** base64 in lines of 76 characters. */
export function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** Quoted-printable (RFC 2045) of UTF-8 text, soft line breaks at 76. */
export function quotedPrintable(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    let enc = '';
    for (const byte of Buffer.from(line, 'utf8')) {
      enc += (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    while (enc.length > 75) {
      let cut = 75;
      const eq = enc.lastIndexOf('=', cut - 1);
      if (eq > cut - 3) cut = eq;
      lines.push(`${enc.slice(0, cut)}=`);
      enc = enc.slice(cut);
    }
    lines.push(enc);
  }
  return lines.join('\r\n');
}

export interface MimePart {
  headers: string[];
  body: string;
}

/** A message: its headers, then either one body or multipart/mixed parts. */
export function mime(headers: readonly string[], body: string | readonly MimePart[]): Buffer {
  if (typeof body === 'string') return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`, 'latin1');
  const boundary = '----=_kumoscan_test_boundary';
  const parts = body.map((p) => `--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n${p.body}\r\n`).join('');
  return Buffer.from(`${headers.join('\r\n')}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${parts}--${boundary}--\r\n`, 'latin1');
}

/** A "JPEG" whose payload is the text the fake OCR reader will see (JPEG magic, then UTF-8 text). */
export function fakeJpeg(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(text, 'utf8')]);
}

/** A fake ImageTextReader: the text after the 4 magic bytes, one segment per line; records the calls. */
export class FakeImageText implements ImageTextReader {
  readonly calls: { name: string; deadline: number; bytes: number }[] = [];
  constructor(private readonly behaviour: { incomplete?: boolean; notes?: string[]; fail?: boolean } = {}) {}

  read(image: ImageInput, req: ImageTextRequest): Promise<ImageText> {
    if (image.kind !== 'encoded') throw new Error('expected an encoded image');
    this.calls.push({ name: req.name, deadline: req.deadline, bytes: image.bytes.length });
    if (this.behaviour.fail) return Promise.reject(Object.assign(new Error('worker died'), { code: 'EWORKER' }));
    const text = image.bytes.subarray(4).toString('utf8');
    return Promise.resolve({
      segments: text.split('\n').filter((l) => l !== '').map((l) => ({ text: l })),
      confidence: 90,
      documentKind: null,
      notes: this.behaviour.notes ?? [],
      incomplete: this.behaviour.incomplete ?? false,
    });
  }
}
