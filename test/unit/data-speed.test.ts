// The speed-ups of the detectors change no result: every fast path is compared here with the plain computation
// it replaces, on systematic and random inputs (the whole-pipeline check is data-profiles.test.ts and
// bench/classify-profiles.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { daysInMonth, isCalendarDate } from '../../src/data/detect/birth-date.js';
import { ContextWindow, findKeywords, labelTarget } from '../../src/data/detect/context.js';
import type { Found } from '../../src/data/detect/found.js';
import { maskChars, maskName } from '../../src/data/detect/mask.js';
import { NFKC_STABLE_RANGES, normalizeText } from '../../src/data/detect/normalize.js';
import { isNameLike } from '../../src/data/detect/person-name.js';
import { hashBits, HashBudget, keyBits, KeySet, PersonLedger } from '../../src/data/detect/persons.js';
import { findPostalAddresses, PREFECTURES } from '../../src/data/detect/postal-address.js';
import { findSensitiveWords } from '../../src/data/detect/sensitive.js';
import { extensionOf } from '../../src/data/detect/id-document.js';
import { sniffDelimiter } from '../../src/data/decode/csv.js';
import { decodeAll, detectEncoding, StreamTextDecoder } from '../../src/data/decode/encoding.js';

/** xorshift32: the same inputs on every run. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}

function pick<T>(r: (n: number) => number, xs: readonly T[]): T {
  return xs[r(xs.length)] as T;
}

describe('normalizeText', () => {
  const reference = (s: string): string => {
    if (!/[^\x00-\x7f]/.test(s)) return s;
    let t = s.normalize('NFKC');
    if (!/[^\x00-\x7f]/.test(t)) return t;
    t = t.replace(/[\u2010-\u2015\u2043\u2212\uFE58\uFE63]/g, '-');
    if (t.includes('\u30FC')) t = t.replace(/(?<=[0-9])\u30FC(?=[0-9])/g, '-');
    return t;
  };

  test('every character of the fast ranges is its own NFKC form and composes with nothing before it', () => {
    for (const [a, b] of NFKC_STABLE_RANGES) {
      for (let c = a; c <= b; c++) {
        const ch = String.fromCharCode(c);
        assert.equal(ch.normalize('NFKC'), ch, `U+${c.toString(16)}`);
        // after a kana, a kanji, a letter: still unchanged
        for (const before of ['か', '山', 'a', 'ー']) assert.equal((before + ch).normalize('NFKC'), before + ch, `U+${c.toString(16)} after ${before}`);
      }
    }
  });

  test('the same as NFKC + dash folding on mixed random text', () => {
    const r = rng(7);
    const pool = ['山田', 'タロウ', 'ｶﾀｶﾅ', '１２３', 'ＡＢＣ', '－', '−', '‐', 'ー', '０９０ー１２３４', '090ー1234', 'か\u3099', '㈱', '①', '\u3000', ' ', 'abc', '〒100-0001', '髙', 'é', 'ﬁ', '、。', '・'];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      for (let k = 0, n = 1 + r(6); k < n; k++) s += pick(r, pool);
      assert.equal(normalizeText(s), reference(s), JSON.stringify(s));
    }
  });
});

describe('the keyword prefilter never hides a keyword', () => {
  const words = [
    'マイナンバー', '個人番号', '通知カード', 'my number', 'My_Number', 'MYNUMBER', '法人番号', 'カード番号', 'クレジットカード', 'card', 'Card No', 'exp', 'EXP', 'expiry', 'cvv',
    '口座番号', '普通', '銀行', 'bank account', '運転免許証', '免許証番号', "driver's license", 'Drivers-License', 'パスポート', '旅券番号', 'passport', '在留カード', 'residence card',
    '基礎年金番号', '被保険者番号', '雇用保険', 'pension', '電話', 'TEL', 'Tel', 'fax', '携帯', 'メール', 'eメール', 'Ｅメール', 'E-mail', 'e mail', 'email address', 'mail',
    '住所', '〒', '郵便番号', 'zip code', 'Postal Code', '生年月日', '誕生日', '生まれ', 'DOB', 'date of birth', 'birthday', '氏名', 'name', '注文番号', 'janコード', 'JAN', 'id', 'ID',
    'ipアドレス', 'ポイントカード', '健康診断', '既往歴', '血圧', 'γ-GTP', 'Γ-gtp', '胸部X線', '胸部x線', 'HbA1c', 'bmi', 'diagnosis', 'Medical History', '犯罪歴', '前科', 'criminal record', 'Arrested',
  ];
  const noise = ['あいう', ' ', '、', 'x', 'AB', '12', '-', '_', '山田', 'ﾃｽﾄ', 'é', 'Σ', '\n', '：', ':'];

  test('findKeywords, labelTarget and findSensitiveWords give what the full patterns give', () => {
    const r = rng(11);
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let k = 0, n = 1 + r(5); k < n; k++) s += r(3) === 0 ? pick(r, words) : pick(r, noise);
      const t = normalizeText(s);
      assert.deepEqual(findKeywords(t), findKeywords(t, true), JSON.stringify(t));
      const a: Found[] = [];
      const b: Found[] = [];
      findSensitiveWords(t, a);
      if (/[^\x00-\x7f]|[a-zA-Z]{4}/.test(t)) findSensitiveWords(t, b, undefined, true);
      assert.deepEqual(a, b, JSON.stringify(t));
      assert.equal(labelTarget(t), labelTarget(t, true), JSON.stringify(t));
    }
  });
});

describe('person keys as 64-bit numbers', () => {
  test('a key set counts like a set of strings, budget included', () => {
    const r = rng(3);
    const budget = new HashBudget(5000);
    const keys = new KeySet(budget);
    const reference = new Set<string>();
    let refLeft = 5000;
    let refOverflow = false;
    for (let i = 0; i < 20000; i++) {
      // person keys are a prefix and 128 bits of a salted SHA-256
      const key = `${pick(r, ['M', 'E', 'PN', 'NB', 'F'])}${createHash('sha256').update(String(r(4000))).digest('hex').slice(0, 32)}`;
      const added = keys.add(key);
      let refAdded = false;
      if (!reference.has(key)) {
        if (refLeft <= 0) refOverflow = true;
        else {
          refLeft--;
          reference.add(key);
          refAdded = true;
        }
      }
      assert.equal(added, refAdded, key);
    }
    assert.equal(keys.size, reference.size);
    assert.equal(budget.overflow, refOverflow);
  });

  test('hashBits(prefix, hash) is keyBits(prefix + hash); keys that are not hex still count', () => {
    const a = new Int32Array(2);
    const b = new Int32Array(2);
    const hash = '0123456789abcdef0123456789abcdef';
    assert.ok(hashBits('PN', hash, 0, a));
    keyBits(`PN${hash}`, b);
    assert.deepEqual([...a], [...b]);
    keyBits(`M${hash}`, b);
    assert.notDeepEqual([...a], [...b], 'the prefix counts');
    const ledger = new PersonLedger();
    for (const k of ['a', 'b', 'a', 'some key']) ledger.add(k);
    assert.equal(ledger.size, 3);
  });
});

describe('small rewrites', () => {
  test('maskChars: the same as before for every length and grouping', () => {
    const reference = (value: string, groups?: readonly number[]): string => {
      const keep = value.length >= 10 ? 4 : value.length >= 7 ? 2 : 0;
      const masked = '*'.repeat(value.length - keep) + value.slice(value.length - keep);
      if (!groups || groups.reduce((x, y) => x + y, 0) !== value.length) return masked;
      const out: string[] = [];
      let i = 0;
      for (const g of groups) {
        out.push(masked.slice(i, i + g));
        i += g;
      }
      return out.join('-');
    };
    for (let n = 0; n <= 20; n++) {
      const v = '0123456789ABCDEFGHIJ'.slice(0, n);
      for (const groups of [undefined, [4, 4, 4], [4, 6, 5], [4, 6, 4], [3, 4, 4], [1, 4, 4, 4], [4, 6], [4, 6, 1], [2, 2], [n]]) assert.equal(maskChars(v, groups), reference(v, groups), `${n} ${String(groups)}`);
    }
    assert.equal(maskName(' 山田 太郎'), '山***');
    assert.equal(maskName('𠮷野 家'), '𠮷***');
    assert.equal(maskName('  '), '***');
  });

  test('daysInMonth and isCalendarDate: as Date.UTC counts them', () => {
    for (let y = 0; y <= 2400; y += y < 120 ? 1 : 7) {
      for (let m = 1; m <= 12; m++) {
        const expected = new Date(Date.UTC(y, m, 0)).getUTCDate();
        assert.equal(daysInMonth(y, m), expected, `${y}-${m}`);
        assert.equal(isCalendarDate(y, m, expected), true);
        assert.equal(isCalendarDate(y, m, expected + 1), false);
      }
    }
  });

  test('isNameLike: the same as before on names, placeholders and odd spacing', () => {
    const JA_NAME = /^[\u3005\u3006\u30f6\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff・ ]+$/;
    const LATIN_NAME = /^[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){0,3}$/;
    const NOT_A_NAME = new Set(['なし', '無し', '不明', '未定', '未入力', '未記入', '該当なし', '匿名', '名無し', 'テスト', 'test', 'null', 'none', 'n/a', 'na', 'nil', 'undefined', 'unknown', '-', '―', '---', '※', '同上']);
    const reference = (value: string): boolean => {
      const v = value.trim().replace(/\s+/g, ' ');
      if (v === '' || v.length > 40) return false;
      if (NOT_A_NAME.has(v.toLowerCase())) return false;
      if (JA_NAME.test(v)) return v.replace(/ /g, '').length <= 20 && v.split(' ').length <= 3 && !/^[ー・]+$/.test(v);
      return LATIN_NAME.test(v);
    };
    const r = rng(5);
    const parts = ['山田', '太郎', 'ヤマダ', 'タロウ', ' ', '  ', '\u3000', '・', 'ー', 'なし', '不明', 'Taro', 'a', '1', '\t', '々', '髙', 'あいうえおかきくけこさしすせそたちつてと'];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let k = 0, n = r(6); k < n; k++) s += pick(r, parts);
      assert.equal(isNameLike(s), reference(s), JSON.stringify(s));
    }
  });

  test('addresses: the prefecture look-up finds what the prefecture pattern found', () => {
    const ADDRESS = new RegExp(`(${PREFECTURES.join('|')})([^\\s0-9,、。;:|()「」"']{1,15}?(?:市|区|町|村|郡))`, 'g');
    const TAIL = /^[^\s,、。;:|()「」"'<>]{0,60}/;
    const HOUSE = /[0-9]|丁目|番地/;
    const NEXT = /電話|TEL|Tel|tel|携帯|メール|生年月日|氏名|〒|FAX|Fax/;
    const reference = (text: string): [number, number][] => {
      const out: [number, number][] = [];
      ADDRESS.lastIndex = 0;
      for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) {
        const after = m.index + m[0].length;
        let tail = TAIL.exec(text.slice(after))?.[0] ?? '';
        const cut = tail.search(NEXT);
        if (cut >= 0) tail = tail.slice(0, cut);
        if (tail.slice(0, 25).search(HOUSE) < 0) continue;
        const end = after + tail.length;
        ADDRESS.lastIndex = end;
        out.push([m.index, end]);
      }
      return out;
    };
    const r = rng(9);
    const parts = [...PREFECTURES, '京都', '東京', '千代田区', '横浜市', '北佐久郡軽井沢町', '市', '区', '丸の内', '1-2-3', '2丁目', '番地', ' ', '、', '電話', '〒100-0001', '県', '都', '府', '道', '神奈川', 'あ'];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let k = 0, n = 1 + r(7); k < n; k++) s += pick(r, parts);
      const out: Found[] = [];
      findPostalAddresses(s, out, false, false, true);
      assert.deepEqual(
        out.map((f) => [f.start, f.end]),
        reference(s),
        JSON.stringify(s),
      );
    }
  });

  test('the context window settles and counts like the list it replaced', () => {
    const w = new ContextWindow<number>();
    const decided: [number, number][] = [];
    for (let i = 0; i < 3000; i++) {
      w.add(i, i * 7, i * 7 + 5, i % 3 === 0 ? 1 : 2);
      if (i % 50 === 0) w.hit(i * 7 + 6, i * 7 + 8, 'my_number');
      w.settleEach(i * 7 + 1, (item, got) => decided.push([item, got]));
    }
    w.drainEach((item, got) => decided.push([item, got]));
    assert.equal(decided.length, 3000);
    assert.deepEqual(
      decided.map(([item]) => item),
      Array.from({ length: 3000 }, (_, i) => i),
      'in order',
    );
    // keywords at 50·7+6 …: a value wanting them gets them when one ends at most 300 characters before its start
    // (the last one before it) or starts at most 300 characters after its end
    for (const [item, got] of decided) {
      const hits = Array.from({ length: 60 }, (_, k) => k * 50);
      const before = hits.filter((h) => h < item).some((h) => item * 7 - (h * 7 + 8) <= 300);
      const after = hits.filter((h) => h >= item).some((h) => h * 7 + 6 - (item * 7 + 5) <= 300);
      assert.equal((got & 1) !== 0, item % 3 === 0 && (before || after), String(item));
    }
  });
});

describe('per-file overhead (many small files)', () => {
  test('sniffDelimiter: the same guess as the character-string version it replaced', () => {
    const CANDIDATES = [',', '\t', ';', '|'] as const;
    const reference = (text: string, maxRecords = 50): ReturnType<typeof sniffDelimiter> => {
      const counts: number[][] = CANDIDATES.map(() => []);
      const current = CANDIDATES.map(() => 0);
      let inQuote = false;
      let records = 0;
      let sawContent = false;
      for (let i = 0; i < text.length && records < maxRecords; i++) {
        const c = text[i];
        if (c === '"') {
          inQuote = !inQuote;
          sawContent = true;
        } else if (!inQuote && (c === '\n' || c === '\r')) {
          if (c === '\r' && text[i + 1] === '\n') i++;
          if (sawContent) {
            CANDIDATES.forEach((_, k) => (counts[k] as number[]).push(current[k] as number));
            records++;
          }
          current.fill(0);
          sawContent = false;
        } else if (!inQuote) {
          const k = CANDIDATES.indexOf(c as (typeof CANDIDATES)[number]);
          if (k >= 0) current[k] = (current[k] as number) + 1;
          sawContent = true;
        }
      }
      if (sawContent && records < 2) {
        CANDIDATES.forEach((_, k) => (counts[k] as number[]).push(current[k] as number));
        records++;
      }
      let best: ReturnType<typeof sniffDelimiter> = null;
      let bestScore = 0;
      CANDIDATES.forEach((delimiter, k) => {
        const list = counts[k] as number[];
        if (list.length === 0) return;
        const freq = new Map<number, number>();
        for (const v of list) freq.set(v, (freq.get(v) ?? 0) + 1);
        let mode = 0;
        let modeCount = 0;
        for (const [v, f] of freq) if (v > 0 && (f > modeCount || (f === modeCount && v > mode))) [mode, modeCount] = [v, f];
        if (mode === 0) return;
        const consistency = modeCount / list.length;
        if (consistency < 0.8) return;
        const score = consistency * Math.min(mode, 20) + (delimiter === ',' || delimiter === '\t' ? 0.5 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = { delimiter, records: list.length, consistent: modeCount, perRecord: mode };
        }
      });
      return best;
    };
    const r = rng(19);
    const alphabet = [',', ',', '\t', ';', '|', '"', '\n', '\n', '\r', '\r\n', 'a', 'b', '1', 'あ', ' '];
    let guessed = 0;
    for (let i = 0; i < 3000; i++) {
      // rows of a few cells with one delimiter, then noise, so that both consistent and inconsistent heads occur
      const d = pick(r, [',', '\t', ';', '|']);
      const rows = Array.from({ length: 1 + r(8) }, () => Array.from({ length: 1 + r(5) }, () => pick(r, ['x', '"a,b"', '1', 'あい', ''])).join(d));
      const noise = Array.from({ length: r(30) }, () => pick(r, alphabet)).join('');
      const text = r(2) === 0 ? rows.join(pick(r, ['\n', '\r\n', '\r'])) + noise : noise + rows.join('\n');
      const max = 1 + (i % 60);
      const got = sniffDelimiter(text, max);
      assert.deepEqual(got, reference(text, max), JSON.stringify(text));
      if (got !== null) guessed++;
    }
    assert.ok(guessed > 300, `some heads are read as delimited (${guessed})`);
  });

  test('extensionOf: the same as splitting the path into components', () => {
    const reference = (path: string): string => {
      const base = path.split(/[\\/]/).pop() ?? '';
      const dot = base.lastIndexOf('.');
      return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
    };
    const r = rng(23);
    const parts = ['a', 'B', '.', '..', '/', '\\', 'x.JPG', '.hidden', 'dir.d', 'マイナンバー', 'pdf', ''];
    for (let i = 0; i < 5000; i++) {
      const path = Array.from({ length: r(7) }, () => pick(r, parts)).join('');
      assert.equal(extensionOf(path), reference(path), JSON.stringify(path));
    }
  });

  test('reused text decoders carry nothing from one text to the next', () => {
    const cut = Buffer.from('あ', 'utf8').subarray(0, 2);
    const a = new StreamTextDecoder({ encoding: 'utf-8', asciiOnly: false });
    assert.equal(a.decode(cut), '');
    assert.equal(a.flush(), '\uFFFD', 'an incomplete sequence at the end of a text');
    for (let i = 0; i < 20; i++) {
      const b = new StreamTextDecoder({ encoding: 'utf-8', asciiOnly: false });
      assert.equal(b.decode(Buffer.from('い', 'utf8')), 'い');
      assert.equal(b.flush(), '');
      // a decoder left mid-sequence (never flushed) is not reused
      new StreamTextDecoder({ encoding: 'utf-8', asciiOnly: false }).decode(cut);
    }
    const sjis = Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x93, 0x8c, 0x8b, 0x9e, 0x93, 0x73]); // あい東京都
    for (let i = 0; i < 3; i++) {
      assert.equal(detectEncoding(Buffer.concat([sjis, Buffer.from([0x82])]), false).encoding, 'shift_jis', 'a head cut after a lead byte');
      assert.equal(decodeAll(sjis, 'shift_jis'), 'あい東京都');
    }
    const late = new StreamTextDecoder({ encoding: 'utf-8', asciiOnly: true });
    assert.equal(late.decode(Buffer.from('abc')), 'abc');
    assert.equal(late.decode(sjis), 'あい東京都', 'the encoding settled by the first non-ASCII chunk');
    assert.equal(late.encoding, 'shift_jis');
    assert.equal(late.flush(), '');
  });
});
