// Text encoding, detected from the bytes (never assumed): BOMs, UTF-16 without a BOM, ISO-2022-JP escapes,
// strict UTF-8, then Shift_JIS (CP932) against EUC-JP (and BOM-less Japanese UTF-16) by decoding the head each
// way and scoring what comes out. Decoding uses Node's built-in TextDecoder (full ICU); invalid bytes become
// U+FFFD, never an exception.

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'shift_jis' | 'euc-jp' | 'utf-16le' | 'utf-16be' | 'iso-2022-jp' | 'binary' | 'unknown';

/** TextDecoder labels. WHATWG "shift_jis" (alias windows-31j) is CP932: NEC and IBM extensions included. */
const DECODER_LABEL: Record<Exclude<EncodingName, 'binary'>, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'iso-2022-jp': 'iso-2022-jp',
  unknown: 'utf-8',
};

export interface EncodingGuess {
  encoding: EncodingName;
  /** True when the head held only ASCII: a later non-ASCII byte decides (see StreamTextDecoder). */
  asciiOnly: boolean;
}

/** Strict UTF-8 validation; an incomplete sequence at the very end is accepted unless `complete`. */
export function isValidUtf8(b: Uint8Array, complete: boolean): { valid: boolean; ascii: boolean } {
  let ascii = true;
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return { valid: false, ascii };
    if (i + need >= n) {
      // Sequence runs past the end.
      if (complete) return { valid: false, ascii };
      for (let k = i + 1; k < n; k++) if (((b[k] as number) & 0xc0) !== 0x80) return { valid: false, ascii };
      return { valid: true, ascii };
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const t = b[i + k] as number;
      if ((t & 0xc0) !== 0x80) return { valid: false, ascii };
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { valid: false, ascii };
    i += need + 1;
  }
  return { valid: true, ascii };
}

interface Tally {
  hira: number;
  kata: number;
  kanji: number;
  fullwidth: number;
  halfKana: number;
  ascii: number;
  replacement: number;
  privateUse: number;
  other: number;
}

function tally(text: string): Tally {
  const t: Tally = { hira: 0, kata: 0, kanji: 0, fullwidth: 0, halfKana: 0, ascii: 0, replacement: 0, privateUse: 0, other: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) t.ascii++;
      else t.other++;
    } else if (c >= 0x3041 && c <= 0x309f) t.hira++;
    else if (c >= 0x30a0 && c <= 0x30ff) t.kata++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3005) t.kanji++;
    else if ((c >= 0xff01 && c <= 0xff5e) || (c >= 0x3000 && c <= 0x303f) || (c >= 0x2010 && c <= 0x2312) || (c >= 0x2460 && c <= 0x2573) || (c >= 0x25a0 && c <= 0x266f) || c === 0xa7 || c === 0xb0 || c === 0xb1 || c === 0xb4 || c === 0xb6 || c === 0xd7 || c === 0xf7 || (c >= 0x391 && c <= 0x3c9) || (c >= 0x401 && c <= 0x451) || (c >= 0xffe0 && c <= 0xffe5)) t.fullwidth++;
    else if (c >= 0xff61 && c <= 0xff9f) t.halfKana++;
    else if (c === 0xfffd) t.replacement++;
    else if (c >= 0xe000 && c <= 0xf8ff) t.privateUse++;
    else t.other++;
  }
  return t;
}

/** How Japanese the decoded text looks; misdecoded bytes produce replacement characters, rare code points and no kana. */
function japaneseScore(t: Tally): number {
  return 2 * t.hira + 1.5 * t.kata + t.kanji + 0.5 * t.fullwidth + 0.05 * t.ascii - 10 * t.replacement - 3 * t.privateUse - 2 * t.other;
}

/**
 * TextDecoders kept for reuse, by label: making one costs more than decoding a small file. A decoder goes back only
 * after a call without `stream` (which resets its state), so a reused one never carries bytes of another text.
 */
const POOL = new Map<string, TextDecoder[]>();
const POOL_SIZE = 8;

function acquireDecoder(label: string): TextDecoder {
  return POOL.get(label)?.pop() ?? new TextDecoder(label);
}

/** Returns a decoder whose last call was a final one (no `stream`): its state is fresh. */
function releaseDecoder(label: string, d: TextDecoder): void {
  let free = POOL.get(label);
  if (free === undefined) POOL.set(label, (free = []));
  if (free.length < POOL_SIZE) free.push(d);
}

/** The bytes as far as they decode (an incomplete sequence at the end is left out, as in a stream). */
function decodeWith(label: string, bytes: Uint8Array): string {
  const d = acquireDecoder(label);
  const text = d.decode(bytes, { stream: true });
  d.decode();
  releaseDecoder(label, d);
  return text;
}

function hasIso2022Escape(b: Uint8Array): boolean {
  for (let i = 0; i + 2 < b.length; i++) {
    if (b[i] !== 0x1b) continue;
    const a = b[i + 1];
    const c = b[i + 2];
    if (a === 0x24 && (c === 0x42 || c === 0x40)) return true; // ESC $ B, ESC $ @
    if (a === 0x28 && (c === 0x4a || c === 0x49)) return true; // ESC ( J, ESC ( I
  }
  return false;
}

/**
 * Detects the encoding of a text head. `complete` says the head is the whole content (an incomplete multi-byte
 * sequence at the end is then an error, not a cut).
 */
export function detectEncoding(head: Uint8Array, complete = false): EncodingGuess {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', asciiOnly: false };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', asciiOnly: false };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', asciiOnly: false };
  if (head.length === 0) return { encoding: 'utf-8', asciiOnly: true };

  // UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte.
  const probe = head.subarray(0, Math.min(head.length, 8192));
  const pairs = Math.floor(probe.length / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  let controls = 0;
  for (let i = 0; i < probe.length; i++) {
    const c = probe[i] as number;
    if (c === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b && c !== 0x1b && c !== 0x1a) controls++;
  }
  if (pairs >= 2) {
    if (zeroOdd / pairs > 0.2 && zeroEven / pairs < 0.05) return { encoding: 'utf-16le', asciiOnly: false };
    if (zeroEven / pairs > 0.2 && zeroOdd / pairs < 0.05) return { encoding: 'utf-16be', asciiOnly: false };
  }
  if ((zeroEven + zeroOdd) / probe.length > 0.01 || controls / probe.length > 0.05) return { encoding: 'binary', asciiOnly: false };

  const utf8 = isValidUtf8(head, complete);
  if (utf8.ascii) return hasIso2022Escape(head) ? { encoding: 'iso-2022-jp', asciiOnly: false } : { encoding: 'utf-8', asciiOnly: true };
  if (utf8.valid) return { encoding: 'utf-8', asciiOnly: false };

  const sample = head.subarray(0, Math.min(head.length, 64 * 1024));
  const candidates: EncodingName[] = ['shift_jis', 'euc-jp'];
  if (sample.length % 2 === 0 || !complete) candidates.push('utf-16le', 'utf-16be');
  // The candidate whose decoding looks most Japanese; a few invalid bytes do not disqualify it, but a reading
  // with no kana or kanji at all is no reading (Latin-1 and other legacy encodings end up 'unknown').
  let best: EncodingName = 'unknown';
  let bestScore = -Infinity;
  for (const enc of candidates) {
    const t = tally(decodeWith(DECODER_LABEL[enc as Exclude<EncodingName, 'binary'>], sample));
    if (t.hira + t.kata + t.kanji === 0) continue;
    const score = japaneseScore(t);
    if (score > bestScore) {
      best = enc;
      bestScore = score;
    }
  }
  return { encoding: best, asciiOnly: false };
}

/**
 * Streaming text decoder that also settles the encoding late: when the head was pure ASCII, the first chunk
 * holding a byte ≥ 0x80 decides it (ASCII decodes the same in every candidate, so nothing already decoded changes).
 */
export class StreamTextDecoder {
  /** Taken from the pool at the first decode, returned by flush. */
  private decoder: TextDecoder | null = null;
  private label: string;
  private pendingAscii: boolean;
  encoding: EncodingName;

  constructor(guess: EncodingGuess) {
    this.encoding = guess.encoding;
    this.pendingAscii = guess.asciiOnly;
    this.label = DECODER_LABEL[guess.encoding === 'binary' ? 'unknown' : guess.encoding];
  }

  decode(chunk: Uint8Array): string {
    if (this.pendingAscii) {
      let ascii = true;
      for (let i = 0; i < chunk.length; i++) {
        if ((chunk[i] as number) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      const guess = detectEncoding(chunk);
      const enc = guess.encoding === 'binary' || guess.encoding === 'unknown' || guess.asciiOnly ? 'utf-8' : guess.encoding;
      this.encoding = enc;
      this.pendingAscii = false;
      this.label = DECODER_LABEL[enc];
    }
    this.decoder ??= acquireDecoder(this.label);
    return this.decoder.decode(chunk, { stream: true });
  }

  flush(): string {
    const d = this.decoder;
    if (d === null) return '';
    const text = d.decode();
    this.decoder = null;
    releaseDecoder(this.label, d);
    return text;
  }
}

/** Decodes a whole (small) buffer in a known encoding. */
export function decodeAll(bytes: Uint8Array, encoding: EncodingName): string {
  const label = DECODER_LABEL[encoding === 'binary' ? 'unknown' : encoding];
  const d = acquireDecoder(label);
  const text = d.decode(bytes);
  releaseDecoder(label, d);
  return text;
}
