// A Shift_JIS (WHATWG "shift_jis", i.e. CP932 as browsers decode it) encoder for the corpus generator,
// derived from the platform's own decoder: every single byte and every lead/trail byte pair is decoded once
// and the mapping inverted (the first byte sequence wins when CP932 has duplicates, as NEC/IBM extensions
// do). Encoding is therefore exactly the inverse of `new TextDecoder('shift_jis')` for every character it
// can produce; a character it cannot produce throws instead of being replaced silently.

let table: Map<string, number[]> | null = null;

function build(): Map<string, number[]> {
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const map = new Map<string, number[]>();
  const put = (bytes: number[]): void => {
    let s: string;
    try {
      s = decoder.decode(new Uint8Array(bytes));
    } catch {
      return;
    }
    if (s.length === 0 || s === '\uFFFD') return;
    if (!map.has(s)) map.set(s, bytes);
  };
  for (let b = 0; b <= 0x7f; b++) put([b]);
  for (let b = 0xa1; b <= 0xdf; b++) put([b]);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      put([lead, trail]);
    }
  }
  return map;
}

export function encodeShiftJis(text: string): Uint8Array {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const bytes = table.get(ch);
    if (bytes === undefined) throw new RangeError(`not encodable in Shift_JIS: U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

export function canEncodeShiftJis(text: string): boolean {
  table ??= build();
  for (const ch of text) if (!table.has(ch)) return false;
  return true;
}
