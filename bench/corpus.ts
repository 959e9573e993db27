// A deterministic generator of a labelled corpus for the personal-data detectors (issue 3, item 7).
// Synthetic Japanese personnel and customer records (names from built-in lists with katakana readings,
// addresses with real prefecture and municipality names, valid My Numbers, Luhn-valid cards of every brand,
// bank accounts, phones, e-mails, birth dates in 西暦 and 和暦, health-check columns, a few criminal-record
// checks) and near misses (wrong check digits, wrong Luhn, valid corporate numbers, JAN codes, order ids and
// random 12–16 digit ids, toll-free numbers, dates that are not birth dates, product codes shaped like
// passports, IT incident notices, health-check announcements without persons), as CSV with and without a
// header, JSON, JSONL and free text (forms, letters, memos, logs).
//
// Every labelled value carries its true type and its offsets in normalizeText(segment.text), so a
// measurement can count by value occurrence. `writeCorpus` also writes the files (CSV/text in UTF-8, UTF-8
// with BOM and Shift_JIS; JSON/JSONL in UTF-8) with a labels.jsonl of per-file counts, for the decoders.
//
// Usage: node dist/bench/corpus.js OUT_DIR [seed] [records]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corporateCheckDigit, gs1Valid, isValidMyNumber, luhnCheckDigit, luhnValid, myNumberCheckDigit } from '../src/data/detect/check-digits.js';
import { cardBrand, TEST_CARD_NUMBERS, type CardBrand } from '../src/data/detect/credit-card.js';
import { LICENCE_COMMISSION_CODES, licenceCheckDigit } from '../src/data/detect/drivers-license.js';
import { normalizeText } from '../src/data/detect/normalize.js';
import type { DetectorId, Segment } from '../src/data/types.js';
import { canEncodeShiftJis, encodeShiftJis } from './shift-jis.js';

// ------------------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number, firstNonZero = false): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(i === 0 && firstNonZero ? this.int(1, 9) : this.int(0, 9));
    return s;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((a, [, w]) => a + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    const last = xs[xs.length - 1];
    if (last === undefined) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

// ------------------------------------------------------------------------------------------------------
// Built-in lists

interface NamePart {
  kanji: string;
  kana: string;
  romaji: string;
}

const FAMILY: readonly NamePart[] = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['田中', 'タナカ', 'tanaka'], ['伊藤', 'イトウ', 'ito'],
  ['渡辺', 'ワタナベ', 'watanabe'], ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'], ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'],
  ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'], ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'], ['松本', 'マツモト', 'matsumoto'],
  ['井上', 'イノウエ', 'inoue'], ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'], ['斎藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'],
  ['山崎', 'ヤマザキ', 'yamazaki'], ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'], ['阿部', 'アベ', 'abe'],
  ['石川', 'イシカワ', 'ishikawa'], ['山下', 'ヤマシタ', 'yamashita'], ['中島', 'ナカジマ', 'nakajima'], ['石井', 'イシイ', 'ishii'], ['小川', 'オガワ', 'ogawa'],
  ['前田', 'マエダ', 'maeda'], ['岡田', 'オカダ', 'okada'], ['長谷川', 'ハセガワ', 'hasegawa'], ['藤田', 'フジタ', 'fujita'], ['後藤', 'ゴトウ', 'goto'],
  ['近藤', 'コンドウ', 'kondo'], ['村上', 'ムラカミ', 'murakami'], ['遠藤', 'エンドウ', 'endo'], ['青木', 'アオキ', 'aoki'], ['坂本', 'サカモト', 'sakamoto'],
].map(([kanji, kana, romaji]) => ({ kanji: kanji ?? '', kana: kana ?? '', romaji: romaji ?? '' }));

const GIVEN: readonly NamePart[] = [
  ['太郎', 'タロウ', 'taro'], ['翔太', 'ショウタ', 'shota'], ['大輔', 'ダイスケ', 'daisuke'], ['健', 'ケン', 'ken'], ['拓也', 'タクヤ', 'takuya'],
  ['直樹', 'ナオキ', 'naoki'], ['誠', 'マコト', 'makoto'], ['浩二', 'コウジ', 'koji'], ['蓮', 'レン', 'ren'], ['陽翔', 'ハルト', 'haruto'],
  ['悠真', 'ユウマ', 'yuma'], ['亮', 'リョウ', 'ryo'], ['和也', 'カズヤ', 'kazuya'], ['健太', 'ケンタ', 'kenta'], ['修', 'オサム', 'osamu'],
  ['隆', 'タカシ', 'takashi'], ['花子', 'ハナコ', 'hanako'], ['美咲', 'ミサキ', 'misaki'], ['陽子', 'ヨウコ', 'yoko'], ['恵子', 'ケイコ', 'keiko'],
  ['由美', 'ユミ', 'yumi'], ['愛', 'アイ', 'ai'], ['結衣', 'ユイ', 'yui'], ['さくら', 'サクラ', 'sakura'], ['真由美', 'マユミ', 'mayumi'],
  ['優子', 'ユウコ', 'yuko'], ['葵', 'アオイ', 'aoi'], ['陽菜', 'ヒナ', 'hina'], ['彩', 'アヤ', 'aya'], ['千尋', 'チヒロ', 'chihiro'],
  ['明美', 'アケミ', 'akemi'], ['智子', 'トモコ', 'tomoko'], ['裕介', 'ユウスケ', 'yusuke'], ['翼', 'ツバサ', 'tsubasa'], ['美穂', 'ミホ', 'miho'],
].map(([kanji, kana, romaji]) => ({ kanji: kanji ?? '', kana: kana ?? '', romaji: romaji ?? '' }));

/** [prefecture, municipality, towns]. */
const PLACES: readonly (readonly [string, string, readonly string[]])[] = [
  ['東京都', '千代田区', ['丸の内', '神田神保町', '麹町']], ['東京都', '新宿区', ['西新宿', '高田馬場', '神楽坂']], ['東京都', '世田谷区', ['三軒茶屋', '成城', '用賀']],
  ['東京都', '八王子市', ['明神町', '旭町']], ['大阪府', '大阪市北区', ['梅田', '天満']], ['大阪府', '堺市堺区', ['南瓦町']], ['神奈川県', '横浜市港北区', ['日吉', '新横浜']],
  ['神奈川県', '川崎市中原区', ['小杉町']], ['愛知県', '名古屋市中区', ['栄', '錦']], ['福岡県', '福岡市博多区', ['博多駅前', '中洲']], ['北海道', '札幌市中央区', ['北一条西', '大通西']],
  ['京都府', '京都市左京区', ['下鴨', '岩倉']], ['兵庫県', '神戸市中央区', ['三宮町', '元町通']], ['埼玉県', 'さいたま市浦和区', ['高砂', '常盤']], ['千葉県', '千葉市美浜区', ['幕張西']],
  ['宮城県', '仙台市青葉区', ['一番町']], ['広島県', '広島市中区', ['紙屋町']], ['長野県', '北佐久郡軽井沢町', ['軽井沢']], ['沖縄県', '那覇市', ['久茂地']],
  ['静岡県', '浜松市中央区', ['鍛冶町']], ['新潟県', '新潟市中央区', ['万代']], ['熊本県', '熊本市中央区', ['下通']], ['鹿児島県', '鹿児島市', ['天文館町']],
  ['茨城県', 'つくば市', ['竹園']], ['岡山県', '岡山市北区', ['表町']], ['石川県', '金沢市', ['香林坊']], ['青森県', '青森市', ['新町']],
];
const BUILDINGS = ['サンハイツ', 'グランメゾン', 'コーポ桜', 'パークサイド', 'レジデンス', 'ハイム'];
const BANKS = ['みずほ銀行', '三菱UFJ銀行', '三井住友銀行', 'りそな銀行', '横浜銀行', '千葉銀行', '福岡銀行', '静岡銀行'];
const BRANCHES = ['本店', '新宿支店', '渋谷支店', '梅田支店', '横浜駅前支店', '名古屋支店', '博多支店', '札幌支店'];
const DOMAINS = ['example.co.jp', 'example.jp', 'example.com', 'example.ne.jp', 'mail.example.org', 'example.or.jp'];
const SHOPS = ['サンプルストア', 'テスト通販', 'くもマート'];
const COMPANIES = ['株式会社サンプル', '例示商事株式会社', '合同会社テスト', '株式会社くもデータ'];
const HEALTH_RESULTS = ['異常なし', '要経過観察', '要再検査', '要精密検査', '要治療'];
const HISTORIES = ['なし', '高血圧', '糖尿病', '喘息', '脂質異常症', 'なし', 'なし'];
const DOCTOR_NOTES = ['治療の継続が必要です', '通院による経過観察を推奨します', '特記事項なし', '服薬を継続してください'];
const CRIMES = ['なし', 'なし', 'なし', '2018年 道路交通法違反により罰金刑', 'あり（2015年 執行猶予付き判決）'];
const PRODUCTS = ['ボールペン', 'ノート', 'USBメモリ', 'コーヒー豆', 'タオル'];

// ------------------------------------------------------------------------------------------------------
// Values

export function makeMyNumber(rng: Rng): string {
  const body = rng.digits(11);
  return body + String(myNumberCheckDigit(body));
}

export function makeWrongMyNumber(rng: Rng): string {
  const good = makeMyNumber(rng);
  const last = Number(good[11]);
  let d = rng.int(0, 9);
  while (d === last) d = rng.int(0, 9);
  const bad = good.slice(0, 11) + String(d);
  if (isValidMyNumber(bad)) throw new Error('unreachable');
  return bad;
}

export function makeCorporateNumber(rng: Rng): string {
  const body = rng.digits(12);
  return String(corporateCheckDigit(body)) + body;
}

export function makeJan(rng: Rng): string {
  for (;;) {
    const body = rng.pick(['49', '45']) + rng.digits(10);
    for (let d = 0; d <= 9; d++) {
      const code = body + String(d);
      if (gs1Valid(code)) return code;
    }
  }
}

/** A Luhn-valid number of the brand, with a random prefix and length the brand uses; never a published test number. */
export function makeCard(rng: Rng, brand: CardBrand): string {
  for (;;) {
    let prefix: string;
    let len = 16;
    switch (brand) {
      case 'visa':
        prefix = '4';
        break;
      case 'mastercard':
        prefix = rng.chance(0.8) ? `5${rng.int(1, 5)}` : String(rng.int(2221, 2720));
        break;
      case 'amex':
        prefix = rng.pick(['34', '37']);
        len = 15;
        break;
      case 'jcb':
        prefix = String(rng.int(3528, 3589));
        break;
      case 'diners':
        [prefix, len] = rng.chance(0.5) ? [rng.pick(['36', '300', '305']), 14] : [rng.pick(['38', '39']), 16];
        break;
      case 'discover':
        prefix = rng.pick(['6011', '65', String(rng.int(644, 649))]);
        break;
      case 'unionpay':
        prefix = '62';
        break;
    }
    const body = prefix + rng.digits(len - prefix.length - 1);
    const card = body + String(luhnCheckDigit(body));
    if (!TEST_CARD_NUMBERS.has(card) && cardBrand(card) === brand && luhnValid(card)) return card;
  }
}

export function makeWrongCard(rng: Rng, brand: CardBrand): string {
  const good = makeCard(rng, brand);
  const last = Number(good[good.length - 1]);
  const d = (last + rng.int(1, 9)) % 10;
  return good.slice(0, -1) + String(d);
}

function groupCard(digits: string, sep: string): string {
  if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
  if (digits.length === 14) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
  const out: string[] = [];
  for (let i = 0; i < digits.length; i += 4) out.push(digits.slice(i, i + 4));
  return out.join(sep);
}

function formatCard(rng: Rng, digits: string): string {
  const f = rng.weighted([['plain', 5], ['space', 3], ['hyphen', 2]] as const);
  return f === 'plain' ? digits : groupCard(digits, f === 'space' ? ' ' : '-');
}

function formatMyNumber(rng: Rng, digits: string): string {
  const f = rng.weighted([['plain', 7], ['space', 1.5], ['hyphen', 1.5]] as const);
  if (f === 'plain') return digits;
  const sep = f === 'space' ? ' ' : '-';
  return `${digits.slice(0, 4)}${sep}${digits.slice(4, 8)}${sep}${digits.slice(8)}`;
}

const LANDLINE_AREAS: readonly (readonly [string, number])[] = [['03', 2], ['06', 2], ['045', 3], ['052', 3], ['011', 3], ['092', 3], ['075', 3], ['0467', 4], ['0123', 4], ['01267', 5]];

function makePhone(rng: Rng): { national: string; formatted: string } {
  if (rng.chance(0.7)) {
    const p = rng.pick(['090', '080', '070']);
    const a = rng.digits(4);
    const b = rng.digits(4);
    const national = p + a + b;
    const f = rng.weighted([['hyphen', 6], ['plain', 2], ['intl', 1], ['space', 1]] as const);
    const formatted = f === 'hyphen' ? `${p}-${a}-${b}` : f === 'plain' ? national : f === 'space' ? `${p} ${a} ${b}` : `+81-${p.slice(1)}-${a}-${b}`;
    return { national, formatted };
  }
  const [area, len] = rng.pick(LANDLINE_AREAS);
  const local = String(rng.int(1, 9)) + rng.digits(6 - len - 1);
  const sub = rng.digits(4);
  const national = area + local + sub;
  const f = rng.weighted([['hyphen', 6], ['paren', 2], ['plain', 1], ['intl', 1]] as const);
  const formatted = f === 'hyphen' ? `${area}-${local}-${sub}` : f === 'paren' ? `(${area})${local}-${sub}` : f === 'plain' ? national : `+81-${area.slice(1)}-${local}-${sub}`;
  return { national, formatted };
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** The last year of the corpus (hire, order and form dates end there; first licences too). */
const LAST_YEAR = 2024;
const COMMISSIONS = [...LICENCE_COMMISSION_CODES];

/**
 * A driver's licence number as they are issued: the code of the public safety commission of the first licence, the
 * year of the first licence (at 18 to 30, not after LAST_YEAR), a 6-digit serial, the check digit, the reissue
 * count (0 for most). Draws as many random numbers as the former 12 random digits did, so the rest of the corpus
 * stays the same.
 */
export function makeLicence(rng: Rng, birth: Ymd): string {
  const commission = rng.pick(COMMISSIONS);
  const d = rng.digits(10);
  const first = Math.min(LAST_YEAR, birth.y + 18 + (Number(d.slice(0, 2)) % 13));
  const body = `${commission}${String(first % 100).padStart(2, '0')}${d.slice(2, 8)}`;
  const reissue = d[8] === '9' ? (d[9] === '9' ? 2 : 1) : 0;
  return `${body}${licenceCheckDigit(body)}${reissue}`;
}

/** A hire date: at 18 or later, at most at 65, not after LAST_YEAR (three draws, like makeDate). */
export function makeHireDate(rng: Rng, birth: Ymd): Ymd {
  const lo = birth.y + 18;
  const hi = Math.max(lo, Math.min(birth.y + 65, LAST_YEAR));
  const y = lo + (rng.int(0, 9999) % (hi - lo + 1));
  const m = rng.int(1, 12);
  const d = rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

function makeDate(rng: Rng, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function eraOf(date: Ymd): { name: string; letter: string; year: number } | null {
  const n = date.y * 10000 + date.m * 100 + date.d;
  if (n >= 20190501) return { name: '令和', letter: 'R', year: date.y - 2018 };
  if (n >= 19890108) return { name: '平成', letter: 'H', year: date.y - 1988 };
  if (n >= 19261225) return { name: '昭和', letter: 'S', year: date.y - 1925 };
  if (n >= 19120730) return { name: '大正', letter: 'T', year: date.y - 1911 };
  return null;
}

function formatBirth(rng: Rng, date: Ymd, compactAllowed: boolean): string {
  const era = eraOf(date);
  const f = rng.weighted([['slash', 4], ['iso', 2], ['kanji', 2], ['era', 3], ['eraLetter', 1], ['compact', compactAllowed ? 1 : 0]] as const);
  switch (f) {
    case 'slash':
      return `${date.y}/${p2(date.m)}/${p2(date.d)}`;
    case 'iso':
      return `${date.y}-${p2(date.m)}-${p2(date.d)}`;
    case 'kanji':
      return `${date.y}年${date.m}月${date.d}日`;
    case 'era':
      if (era === null) return `${date.y}年${date.m}月${date.d}日`;
      return `${era.name}${era.year === 1 ? '元' : String(era.year)}年${date.m}月${date.d}日`;
    case 'eraLetter':
      if (era === null) return `${date.y}/${p2(date.m)}/${p2(date.d)}`;
      return `${era.letter}${p2(era.year)}.${p2(date.m)}.${p2(date.d)}`;
    case 'compact':
      return `${date.y}${p2(date.m)}${p2(date.d)}`;
  }
}

function formatPlainDate(rng: Rng, date: Ymd): string {
  return rng.chance(0.5) ? `${date.y}/${p2(date.m)}/${p2(date.d)}` : `${date.y}年${date.m}月${date.d}日`;
}

/** Full-width digits, letters and hyphens (a Japanese form typed with an IME). */
function fullWidth(s: string): string {
  return s.replace(/[0-9A-Za-z\-@.]/g, (c) => String.fromCharCode(c === '-' ? 0xff0d : c.charCodeAt(0) + 0xfee0));
}

interface Person {
  family: NamePart;
  given: NamePart;
  birth: Ymd;
  myNumber: string;
  myNumberValid: boolean;
  phone: string;
  email: string;
  postal: string;
  address: string;
  bank: { bank: string; branch: string; type: string; account: string };
  cardBrand: CardBrand;
  card: string;
  cardValid: boolean;
  expiry: string;
  license: string | null;
  pension: string;
  employment: string;
  foreign: boolean;
  passport: string | null;
  residence: string | null;
  health: { result: string; history: string; bp: string; note: string };
  crime: string;
  employeeNo: string;
  customerId: string;
  hired: Ymd;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function makePerson(rng: Rng): Person {
  const family = rng.pick(FAMILY);
  const given = rng.pick(GIVEN);
  const birth = makeDate(rng, 1950, 2004);
  const myNumberValid = rng.chance(0.95);
  const [pref, city, towns] = rng.pick(PLACES);
  const house = rng.chance(0.6) ? `${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}` : `${rng.int(1, 9)}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号`;
  const building = rng.chance(0.4) ? ` ${rng.pick(BUILDINGS)}${rng.int(1, 9)}0${rng.int(1, 9)}` : '';
  const brand = rng.weighted([['visa', 35], ['mastercard', 25], ['jcb', 20], ['amex', 10], ['diners', 4], ['discover', 3], ['unionpay', 3]] as const);
  const cardValid = rng.chance(0.95);
  const foreign = rng.chance(0.1);
  const pensionBody = `${rng.int(1000, 9999)}-${rng.digits(6)}`;
  return {
    family,
    given,
    birth,
    myNumber: myNumberValid ? makeMyNumber(rng) : makeWrongMyNumber(rng),
    myNumberValid,
    phone: makePhone(rng).formatted,
    email: `${rng.pick([given.romaji, `${given.romaji}.${family.romaji}`, `${family.romaji}_${given.romaji[0] ?? ''}`, `${given.romaji[0] ?? ''}${family.romaji}${rng.int(1, 99)}`])}@${rng.pick(DOMAINS)}`,
    postal: `${rng.digits(3, true)}-${rng.digits(4)}`,
    address: `${pref}${city}${rng.pick(towns)}${house}${building}`,
    bank: { bank: rng.pick(BANKS), branch: rng.pick(BRANCHES), type: rng.pick(['普通', '普通', '当座']), account: rng.digits(7) },
    cardBrand: brand,
    card: cardValid ? makeCard(rng, brand) : makeWrongCard(rng, brand),
    cardValid,
    expiry: `${p2(rng.int(1, 12))}/${p2(rng.int(25, 31))}`,
    license: rng.chance(0.6) ? makeLicence(rng, birth) : null,
    pension: pensionBody,
    employment: `${rng.int(1000, 9999)}-${rng.digits(6)}-${rng.int(0, 9)}`,
    foreign,
    passport: foreign ? `${rng.pick(['TK', 'TR', 'TZ', 'MZ', 'TH', 'TS'])}${rng.digits(7)}` : null,
    residence: foreign ? `${rng.pick([...UPPER])}${rng.pick([...UPPER])}${rng.digits(8)}${rng.pick([...UPPER])}${rng.pick([...UPPER])}` : null,
    health: { result: rng.pick(HEALTH_RESULTS), history: rng.pick(HISTORIES), bp: `${rng.int(100, 170)}/${rng.int(60, 105)}`, note: rng.pick(DOCTOR_NOTES) },
    crime: rng.pick(CRIMES),
    employeeNo: rng.chance(0.5) ? `E${rng.digits(6)}` : rng.digits(6),
    customerId: `C${rng.digits(8)}`,
    hired: makeHireDate(rng, birth),
  };
}

function nameOf(p: Person, sep = ' '): string {
  return `${p.family.kanji}${sep}${p.given.kanji}`;
}

function kanaOf(p: Person, sep = ' '): string {
  return `${p.family.kana}${sep}${p.given.kana}`;
}

// ------------------------------------------------------------------------------------------------------
// Segments with labels

/** A labelled value: its true type and its offsets in normalizeText(segment.text). */
export interface Label {
  type: DetectorId;
  start: number;
  end: number;
}

/** A value that is NOT personal data of the type its shape suggests (for reporting near-miss behaviour). */
export interface NearMiss {
  kind: string;
  start: number;
  end: number;
}

export interface CorpusSegment {
  segment: Segment;
  labels: Label[];
  nearMisses: NearMiss[];
}

export type CorpusFormat = 'csv' | 'csv-noheader' | 'json' | 'jsonl' | 'text';

export interface CorpusFile {
  name: string;
  kind: string;
  format: CorpusFormat;
  /** What writeCorpus writes it as. */
  encoding: 'utf-8' | 'utf-8-bom' | 'shift_jis';
  segments: CorpusSegment[];
  /** The file's content (CSV / JSON / text) as the decoders would read it. */
  content: string;
}

/** A piece of text: plain, a labelled value, a near miss, or both (a corporate number is one, and a near miss for My Numbers). */
type Piece = string | { text: string; type?: DetectorId; near?: string };

function lab(text: string, type: DetectorId): Piece {
  return { text, type };
}

function near(text: string, kind: string): Piece {
  return { text, near: kind };
}

/** A corporate number: labelled as what it is, and counted as a near miss for My Numbers. */
function corporate(text: string, kind = 'corporate number'): Piece {
  return { text, type: 'corporate_number', near: kind };
}

function textOf(p: Piece): string {
  return typeof p === 'string' ? p : p.text;
}

/** Builds a segment from pieces, with offsets in normalised text. */
function segmentOf(pieces: readonly Piece[], meta: { field?: string; row?: number; column?: number }): CorpusSegment {
  const labels: Label[] = [];
  const nearMisses: NearMiss[] = [];
  let at = 0;
  let raw = '';
  for (const p of pieces) {
    const t = textOf(p);
    const n = normalizeText(t).length;
    if (typeof p !== 'string') {
      if (p.type !== undefined) labels.push({ type: p.type, start: at, end: at + n });
      if (p.near !== undefined) nearMisses.push({ kind: p.near, start: at, end: at + n });
    }
    at += n;
    raw += t;
  }
  if (normalizeText(raw).length !== at) throw new Error(`normalisation changed piece boundaries in ${JSON.stringify(raw)}`);
  const segment: Segment = { text: raw };
  if (meta.field !== undefined) segment.field = meta.field;
  if (meta.row !== undefined) segment.row = meta.row;
  if (meta.column !== undefined) segment.column = meta.column;
  return { segment, labels, nearMisses };
}

// ------------------------------------------------------------------------------------------------------
// Tables (CSV with / without header, JSON, JSONL)

/** A cell: its pieces (usually one), or null for an empty cell. */
type Cell = readonly Piece[] | null;

interface Column {
  headers: readonly string[];
  /** JSON keys (English / romaji), when the column exists in JSON. */
  keys: readonly string[];
  value: (p: Person, rng: Rng) => Cell;
}

const one = (p: Piece): Cell => [p];

const PERSONNEL_COLUMNS: Record<string, Column> = {
  employeeNo: { headers: ['社員番号', '従業員番号', '社員コード'], keys: ['employee_id', 'employeeNo', 'staff_id'], value: (p) => one(near(p.employeeNo, 'employee number')) },
  name: { headers: ['氏名', '名前', '社員名', 'name', '氏名（漢字）'], keys: ['name', 'full_name', 'fullName'], value: (p, r) => one(lab(nameOf(p, r.chance(0.8) ? ' ' : '　'), 'person_name')) },
  kana: { headers: ['フリガナ', 'ふりがな', '氏名カナ', 'カナ氏名'], keys: ['name_kana', 'furigana', 'kana'], value: (p) => one(lab(kanaOf(p), 'person_name')) },
  birth: { headers: ['生年月日', '誕生日', 'birth_date', 'DOB'], keys: ['birth_date', 'birthday', 'dob', 'dateOfBirth'], value: (p, r) => one(lab(formatBirth(r, p.birth, true), 'birth_date')) },
  gender: { headers: ['性別'], keys: ['gender'], value: (_p, r) => one(r.pick(['男', '女', '男性', '女性'])) },
  postal: { headers: ['郵便番号', '〒', 'zip'], keys: ['zip', 'postal_code', 'zipcode'], value: (p, r) => one(lab(r.chance(0.85) ? p.postal : p.postal.replace('-', ''), 'postal_address')) },
  address: { headers: ['住所', '現住所', '所在地', 'address'], keys: ['address', 'addr', 'home_address'], value: (p) => one(lab(p.address, 'postal_address')) },
  phone: { headers: ['電話番号', '携帯電話', 'TEL', '連絡先電話番号', 'phone'], keys: ['phone', 'tel', 'mobile', 'phoneNumber'], value: (p) => one(lab(p.phone, 'phone')) },
  email: { headers: ['メールアドレス', 'メール', 'E-mail', 'email', '携帯アドレス', 'PCアドレス'], keys: ['email', 'mail', 'emailAddress'], value: (p) => one(lab(p.email, 'email')) },
  myNumber: {
    headers: ['マイナンバー', '個人番号', 'my_number', 'マイナンバー（個人番号）'],
    keys: ['my_number', 'myNumber', 'kojin_bango'],
    value: (p, r) => one(p.myNumberValid ? lab(formatMyNumber(r, p.myNumber), 'my_number') : near(p.myNumber, 'my number with a wrong check digit')),
  },
  pension: { headers: ['基礎年金番号', '年金番号'], keys: ['pension_no', 'basic_pension_number'], value: (p, r) => one(lab(r.chance(0.8) ? p.pension : p.pension.replace('-', ''), 'pension_insurance')) },
  employment: { headers: ['雇用保険被保険者番号', '雇用保険番号'], keys: ['employment_insurance_no'], value: (p) => one(lab(p.employment, 'pension_insurance')) },
  license: { headers: ['運転免許証番号', '免許証番号'], keys: ['drivers_license', 'license_number'], value: (p) => (p.license === null ? null : one(lab(p.license, 'drivers_license'))) },
  bank: { headers: ['銀行名', '振込先銀行'], keys: ['bank_name'], value: (p) => one(p.bank.bank) },
  branch: { headers: ['支店名'], keys: ['branch'], value: (p) => one(p.bank.branch) },
  accountType: { headers: ['口座種別', '預金種目'], keys: ['account_type'], value: (p) => one(p.bank.type) },
  account: { headers: ['口座番号', '振込口座番号'], keys: ['account_number', 'bank_account'], value: (p) => one(lab(p.bank.account, 'bank_account')) },
  hired: { headers: ['入社日', '入社年月日'], keys: ['hired_on', 'hire_date'], value: (p, r) => one(near(formatPlainDate(r, p.hired), 'hire date')) },
  result: { headers: ['健診結果', '健康診断結果', '判定'], keys: ['checkup_result', 'health_check_result'], value: (p) => one(lab(p.health.result, 'sensitive_health')) },
  history: { headers: ['既往歴', '病歴'], keys: ['medical_history', 'disease_history'], value: (p) => one(lab(p.health.history, 'sensitive_health')) },
  bp: { headers: ['血圧'], keys: ['blood_pressure'], value: (p) => one(lab(p.health.bp, 'sensitive_health')) },
  residence: { headers: ['在留カード番号'], keys: ['residence_card_no'], value: (p) => (p.residence === null ? null : one(lab(p.residence, 'residence_card'))) },
  passport: { headers: ['パスポート番号', '旅券番号'], keys: ['passport_no', 'passport_number'], value: (p) => (p.passport === null ? null : one(lab(p.passport, 'passport'))) },
  crime: { headers: ['犯罪歴', '前科・前歴'], keys: ['criminal_record'], value: (p) => one(lab(p.crime, 'sensitive_crime')) },
  dept: { headers: ['所属部署', '部署'], keys: ['department'], value: (_p, r) => one(r.pick(['営業部', '総務部', '開発部', '人事部'])) },
};

const CUSTOMER_COLUMNS: Record<string, Column> = {
  customerId: { headers: ['顧客ID', '顧客番号', '会員番号'], keys: ['customer_id', 'member_id'], value: (p) => one(near(p.customerId, 'customer id')) },
  name: PERSONNEL_COLUMNS.name as Column,
  kana: PERSONNEL_COLUMNS.kana as Column,
  gender: PERSONNEL_COLUMNS.gender as Column,
  birth: PERSONNEL_COLUMNS.birth as Column,
  postal: PERSONNEL_COLUMNS.postal as Column,
  address: PERSONNEL_COLUMNS.address as Column,
  phone: PERSONNEL_COLUMNS.phone as Column,
  email: PERSONNEL_COLUMNS.email as Column,
  card: {
    headers: ['カード番号', 'クレジットカード番号', 'card_number'],
    keys: ['card_number', 'cardNo', 'credit_card'],
    value: (p, r) => one(p.cardValid ? lab(formatCard(r, p.card), 'credit_card') : near(p.card, 'card with a wrong Luhn digit')),
  },
  expiry: { headers: ['有効期限'], keys: ['card_expiry', 'exp'], value: (p) => one(p.expiry) },
  orderId: {
    headers: ['注文番号', '受注番号', 'order_id'],
    keys: ['order_id', 'orderNo'],
    value: (_p, r) => one(near(r.pick([() => r.digits(12, true), () => r.digits(16, true), () => `ORD-${r.int(2019, 2024)}-${r.digits(6)}`, () => r.digits(14, true)])(), 'order id')),
  },
  orderDate: { headers: ['注文日', '受注日', 'order_date'], keys: ['ordered_at', 'order_date'], value: (_p, r) => one(near(formatPlainDate(r, makeDate(r, 2019, 2024)), 'order date')) },
  jan: { headers: ['JANコード', '商品コード(JAN)'], keys: ['jan', 'jan_code'], value: (_p, r) => one(near(makeJan(r), 'JAN code')) },
  product: { headers: ['商品名'], keys: ['product_name'], value: (_p, r) => one(r.pick(PRODUCTS)) },
  corporate: { headers: ['法人番号', '勤務先法人番号'], keys: ['corporate_number'], value: (_p, r) => one(corporate(makeCorporateNumber(r))) },
  pointCard: { headers: ['ポイントカード番号', '会員カード番号'], keys: ['point_card_no', 'member_card'], value: (_p, r) => one(near(r.digits(16, true), 'point card number')) },
  note: {
    headers: ['備考', 'メモ', 'note'],
    keys: ['note', 'memo'],
    value: (p, r) =>
      r.pick<() => Cell>([
        () => ['電話 ', lab(p.phone, 'phone'), ' 折り返し希望'],
        () => ['担当変更済み'],
        () => ['受付 ', near(r.digits(12, true), 'reference number'), ' で処理'],
        () => null,
      ])(),
  },
};

type TableKind = 'personnel' | 'customer' | 'background';

function pickColumns(rng: Rng, kind: TableKind): string[] {
  if (kind === 'personnel') {
    const cols = ['employeeNo', 'name', 'kana', 'birth', 'gender', 'address', 'phone', 'myNumber'];
    if (rng.chance(0.7)) cols.splice(5, 0, 'postal');
    if (rng.chance(0.7)) cols.push('email');
    if (rng.chance(0.5)) cols.push('pension');
    if (rng.chance(0.3)) cols.push('employment');
    if (rng.chance(0.5)) cols.push('license');
    if (rng.chance(0.5)) cols.push('bank', 'branch', 'accountType', 'account');
    if (rng.chance(0.6)) cols.push('hired', 'dept');
    if (rng.chance(0.5)) cols.push('result', 'history', 'bp');
    if (rng.chance(0.3)) cols.push('residence', 'passport');
    return cols;
  }
  if (kind === 'customer') {
    const cols = ['customerId', 'name', 'kana', 'gender', 'birth', 'postal', 'address', 'phone', 'email'];
    if (rng.chance(0.6)) cols.push('card', 'expiry');
    if (rng.chance(0.6)) cols.push('orderId', 'orderDate', 'jan', 'product');
    if (rng.chance(0.2)) cols.push('corporate');
    if (rng.chance(0.3)) cols.push('pointCard');
    if (rng.chance(0.4)) cols.push('note');
    return cols;
  }
  return ['employeeNo', 'name', 'birth', 'crime', 'dept'];
}

function columnDef(kind: TableKind, id: string): Column {
  const c = (kind === 'customer' ? CUSTOMER_COLUMNS[id] : PERSONNEL_COLUMNS[id]) ?? PERSONNEL_COLUMNS[id];
  if (c === undefined) throw new Error(`no column ${id}`);
  return c;
}

function csvQuote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tableFile(rng: Rng, kind: TableKind, persons: readonly Person[], format: 'csv' | 'csv-noheader' | 'json' | 'jsonl', name: string): Omit<CorpusFile, 'encoding'> {
  const ids = pickColumns(rng, kind);
  const cols = ids.map((id) => columnDef(kind, id));
  const english = rng.chance(0.5);
  const headers = cols.map((c) => (format === 'json' || format === 'jsonl' ? (english ? rng.pick(c.keys) : rng.pick(c.headers)) : rng.pick(c.headers)));
  const segments: CorpusSegment[] = [];
  const lines: string[] = [];
  const records: string[] = [];
  if (format === 'csv') lines.push(headers.map(csvQuote).join(','));
  persons.forEach((p, row) => {
    const cells: Cell[] = cols.map((c) => c.value(p, rng));
    const texts = cells.map((c) => (c === null ? '' : c.map(textOf).join('')));
    if (format === 'csv' || format === 'csv-noheader') lines.push(texts.map(csvQuote).join(','));
    else records.push(`{${cells.map((c, j) => (c === null ? null : `${JSON.stringify(headers[j])}: ${JSON.stringify(texts[j])}`)).filter((x) => x !== null).join(', ')}}`);
    cells.forEach((c, j) => {
      if (c === null) return; // decoders skip empty cells
      const meta: { field?: string; row: number; column?: number } = { row };
      if (format !== 'csv-noheader') meta.field = headers[j] ?? '';
      if (format === 'csv' || format === 'csv-noheader') meta.column = j;
      segments.push(segmentOf(c, meta));
    });
  });
  const content = format === 'json' ? `[\n${records.map((r) => `  ${r}`).join(',\n')}\n]\n` : format === 'jsonl' ? `${records.join('\n')}\n` : `${lines.join('\r\n')}\r\n`;
  return { name, kind, format, segments, content };
}

// ------------------------------------------------------------------------------------------------------
// Free text

type Line = readonly Piece[];

function personnelForm(rng: Rng, p: Person): Line[] {
  const fw = rng.chance(0.3) ? fullWidth : (s: string): string => s;
  const colon = rng.pick(['：', ': ', '　']);
  const c = colon === '　' ? '：' : colon;
  const made = makeDate(rng, 2020, 2024);
  const top = rng.pick<() => Line>([
    () => ['【社員情報】'],
    () => ['【社員情報】（', near(formatPlainDate(rng, made), 'form date'), '時点）'],
    () => ['【社員情報】 作成日：', near(formatPlainDate(rng, made), 'form date')],
    () => ['【社員情報】 ', near(formatPlainDate(rng, made), 'form date')],
  ])();
  const lines: Line[] = [top, [`氏名${c}`, lab(nameOf(p), 'person_name')], [`フリガナ${c}`, lab(kanaOf(p), 'person_name')], [`生年月日${c}`, lab(fw(formatBirth(rng, p.birth, false)), 'birth_date')]];
  lines.push([`住所${c}〒`, lab(fw(p.postal), 'postal_address'), ' ', lab(p.address, 'postal_address')]);
  lines.push([`${rng.pick(['電話番号', '携帯', 'TEL', '連絡先'])}${c}`, lab(fw(p.phone), 'phone')]);
  if (rng.chance(0.8)) lines.push([`${rng.pick(['メール', 'メールアドレス', 'E-mail'])}${c}`, lab(p.email, 'email')]);
  const mn = formatMyNumber(rng, p.myNumber);
  lines.push([`${rng.pick(['個人番号', 'マイナンバー', '個人番号（マイナンバー）'])}${c}`, p.myNumberValid ? lab(fw(mn), 'my_number') : near(p.myNumber, 'my number with a wrong check digit')]);
  if (rng.chance(0.6)) lines.push([`基礎年金番号${c}`, lab(fw(p.pension), 'pension_insurance')]);
  if (p.license !== null && rng.chance(0.7)) lines.push([`運転免許証番号${c}第`, lab(p.license, 'drivers_license'), '号']);
  if (p.passport !== null) lines.push([`旅券番号${c}`, lab(p.passport, 'passport')]);
  if (p.residence !== null) lines.push([`在留カード番号${c}`, lab(p.residence, 'residence_card')]);
  if (rng.chance(0.6)) lines.push([`振込口座${c}${p.bank.bank} ${p.bank.branch} ${p.bank.type} `, lab(fw(p.bank.account), 'bank_account')]);
  lines.push([`入社日${c}`, near(formatPlainDate(rng, p.hired), 'hire date')]);
  lines.push([`社員番号${c}`, near(p.employeeNo, 'employee number')]);
  if (rng.chance(0.5)) lines.push(['備考', c, lab(`既往歴 ${p.health.history}`, 'sensitive_health')]);
  // Hard near misses, at a modest rate: an unlabelled 12-digit reference and a point-card number in a form that
  // also holds a My Number and other context.
  if (rng.chance(0.1)) lines.push(['※ ', near(rng.digits(12, true), 'unlabelled 12-digit reference'), ' は書類の保管用番号です']);
  if (rng.chance(0.2)) lines.push([`ポイントカード番号${c}`, near(rng.digits(16, true), 'point card number')]);
  return lines;
}

function customerLetter(rng: Rng, p: Person): Line[] {
  const shop = rng.pick(SHOPS);
  const lines: Line[] = [[`${nameOf(p)} 様`], [''], [`いつも${shop}をご利用いただき、誠にありがとうございます。`]];
  if (p.cardValid) {
    lines.push([`ご登録のクレジットカード（カード番号：`, lab(formatCard(rng, p.card), 'credit_card'), `、有効期限：${p.expiry}）の有効期限が近づいております。`]);
  } else {
    lines.push(['ご入力いただいたカード番号 ', near(p.card, 'card with a wrong Luhn digit'), ' はご利用いただけませんでした。']);
  }
  lines.push(['ご登録内容は以下のとおりです。']);
  lines.push([`　お名前：`, lab(nameOf(p), 'person_name')]);
  lines.push([`　ご住所：〒`, lab(p.postal, 'postal_address'), ' ', lab(p.address, 'postal_address')]);
  lines.push([`　お電話番号：`, lab(p.phone, 'phone')]);
  lines.push([`　メールアドレス：`, lab(p.email, 'email')]);
  if (rng.chance(0.5)) lines.push([`　生年月日：`, lab(formatBirth(rng, p.birth, false), 'birth_date')]);
  lines.push([`ご注文番号：`, near(rng.chance(0.5) ? rng.digits(12, true) : rng.digits(16, true), 'order id')]);
  lines.push([`ご注文日：`, near(formatPlainDate(rng, makeDate(rng, 2020, 2024)), 'order date')]);
  lines.push([`お問い合わせ：`, near(`0120-${rng.digits(3)}-${rng.digits(3)}`, 'toll-free number'), `（${shop}カスタマーサポート）`]);
  return lines;
}

function healthMemo(rng: Rng, p: Person): Line[] {
  const when = makeDate(rng, 2022, 2024);
  return [
    ['健康管理記録'],
    ['社員番号：', near(p.employeeNo, 'employee number')],
    ['氏名：', lab(nameOf(p), 'person_name')],
    ['生年月日：', lab(formatBirth(rng, p.birth, false), 'birth_date')],
    [`${when.y}年${when.m}月${when.d}日実施の`, lab(`定期健康診断の結果、${p.health.result}`, 'sensitive_health'), 'と判定されました。'],
    [lab(`既往歴：${p.health.history}`, 'sensitive_health')],
    [lab(`血圧：${p.health.bp}`, 'sensitive_health')],
    [lab(`産業医所見：${p.health.note}`, 'sensitive_health')],
  ];
}

function backgroundMemo(_rng: Rng, p: Person): Line[] {
  return [['身元調査報告書'], ['氏名：', lab(nameOf(p), 'person_name')], ['生年月日：', lab(`${p.birth.y}/${p2(p.birth.m)}/${p2(p.birth.d)}`, 'birth_date')], [lab(`前科・前歴：${p.crime}`, 'sensitive_crime')], ['調査結果：特記事項なし']];
}

function noticeText(rng: Rng): Line[] {
  const d = makeDate(rng, 2023, 2024);
  return rng.pick<() => Line[]>([
    () => [['【お知らせ】'], [`定期健康診断を${d.m}月${d.d}日に実施します。対象は全社員です。`], ['受診票は総務部から配布します。詳細は総務部までお問い合わせください（内線', rng.digits(4), '）。']],
    () => [['【障害報告】'], [`${d.y}/${p2(d.m)}/${p2(d.d)} 10:00頃よりシステム障害が発生し、11:30に復旧しました。`], ['影響：注文番号 ', near(rng.digits(12, true), 'order id'), ' 以降の受注処理が遅延しました。'], ['障害対応チーム']],
    () => [
      [`${rng.pick(COMPANIES)}（法人番号：`, corporate(makeCorporateNumber(rng)), '）'],
      ['所在地：〒', lab(`${rng.digits(3, true)}-${rng.digits(4)}`, 'postal_address'), ' ', lab(`${rng.pick(PLACES)[0]}${rng.pick(PLACES)[1]}本町1-2-3`, 'postal_address')],
      ['TEL：', lab(`03-${rng.digits(4)}-${rng.digits(4)}`, 'phone')],
      ['適格請求書発行事業者登録番号：', corporate(`T${makeCorporateNumber(rng)}`, 'invoice registration number')],
    ],
    () => [['商品コード,JANコード,商品名,価格'], [near(`${rng.pick([...UPPER])}${rng.pick([...UPPER])}${rng.digits(7)}`, 'product code'), ',', near(makeJan(rng), 'JAN code'), `,${rng.pick(PRODUCTS)},${rng.int(1, 50) * 100}`]],
  ])();
}

function logLines(rng: Rng, persons: readonly Person[]): Line[] {
  const lines: Line[] = [];
  for (const p of persons) {
    const ts = `2024-${p2(rng.int(1, 12))}-${p2(rng.int(1, 28))}T${p2(rng.int(0, 23))}:${p2(rng.int(0, 59))}:${p2(rng.int(0, 59))}Z`;
    lines.push(
      rng.pick<() => Line>([
        () => [`${ts} INFO  [web] user=`, lab(p.email, 'email'), ` action=login ip=192.168.${rng.int(0, 255)}.${rng.int(1, 254)} req=`, near(rng.digits(12, true), 'request id')],
        () => [`${ts} WARN  [pay] order=`, near(rng.digits(16, true), 'order id'), ` amount=${rng.int(1, 999) * 10} result=declined`],
        () => [`${ts} INFO  [api] session=${rng.digits(8)}-${rng.digits(4)}-${rng.digits(4)} latency=${rng.int(5, 900)}ms`],
        () => [`${ts} INFO  [mail] sent to `, lab(p.email, 'email'), ' template=welcome'],
      ])(),
    );
  }
  return lines;
}

function textFile(rng: Rng, kind: string, lines: readonly Line[], name: string): Omit<CorpusFile, 'encoding'> {
  const segments: CorpusSegment[] = [];
  const perLine = rng.chance(0.5);
  if (perLine) {
    for (const l of lines) if (l.map(textOf).join('').trim() !== '') segments.push(segmentOf(l, {}));
  } else {
    const pieces: Piece[] = [];
    lines.forEach((l, i) => {
      if (i > 0) pieces.push('\n');
      pieces.push(...l);
    });
    segments.push(segmentOf(pieces, {}));
  }
  const content = `${lines.map((l) => l.map(textOf).join('')).join('\n')}\n`;
  return { name, kind, format: 'text', segments, content };
}

// ------------------------------------------------------------------------------------------------------
// The corpus

type FileKind =
  | 'personnel-csv'
  | 'customer-csv'
  | 'headerless-csv'
  | 'personnel-json'
  | 'customer-jsonl'
  | 'personnel-form'
  | 'customer-letter'
  | 'health-memo'
  | 'background'
  | 'notice'
  | 'log';

/** Share of person records per file kind (decided before measuring; see docs/benchmarks.md). */
export const MIX: readonly (readonly [FileKind, number])[] = [
  ['personnel-csv', 22],
  ['customer-csv', 14],
  ['headerless-csv', 10],
  ['personnel-json', 12],
  ['customer-jsonl', 8],
  ['personnel-form', 12],
  ['customer-letter', 9],
  ['health-memo', 6],
  ['background', 2],
  ['log', 5],
];

/** Generates a corpus of `records` person records (plus person-free documents), deterministically from `seed`. */
export function generateCorpus(seed: number, records: number): CorpusFile[] {
  const rng = new Rng(seed);
  const files: CorpusFile[] = [];
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  // Each kind gets its share of the person records; files of a kind are made until its share is used up,
  // and the kinds are interleaved so that a smaller corpus keeps the same mix.
  const left = new Map<FileKind, number>(MIX.map(([k, w]) => [k, Math.round((records * w) / total)]));
  let n = 0;
  for (;;) {
    const open = MIX.filter(([k]) => (left.get(k) ?? 0) > 0);
    if (open.length === 0) break;
    const kind = rng.weighted(open);
    const budget = left.get(kind) ?? 0;
    const id = String(n++).padStart(4, '0');
    const tabular = kind.endsWith('csv') || kind.endsWith('json') || kind.endsWith('jsonl');
    const count = Math.min(budget, tabular ? rng.int(10, 60) : kind === 'log' ? rng.int(10, 40) : 1);
    left.set(kind, budget - count);
    const persons = Array.from({ length: count }, () => makePerson(rng));
    let f: Omit<CorpusFile, 'encoding'>;
    switch (kind) {
      case 'personnel-csv':
        f = tableFile(rng, 'personnel', persons, 'csv', `hr/${id}-employees.csv`);
        break;
      case 'customer-csv':
        f = tableFile(rng, 'customer', persons, 'csv', `crm/${id}-customers.csv`);
        break;
      case 'headerless-csv':
        f = tableFile(rng, rng.chance(0.6) ? 'personnel' : 'customer', persons, 'csv-noheader', `export/${id}-noheader.csv`);
        break;
      case 'personnel-json':
        f = tableFile(rng, 'personnel', persons, 'json', `api/${id}-employees.json`);
        break;
      case 'customer-jsonl':
        f = tableFile(rng, 'customer', persons, 'jsonl', `events/${id}-customers.jsonl`);
        break;
      case 'personnel-form':
        f = textFile(rng, kind, personnelForm(rng, persons[0] as Person), `docs/${id}-shain.txt`);
        break;
      case 'customer-letter':
        f = textFile(rng, kind, customerLetter(rng, persons[0] as Person), `mail/${id}-letter.txt`);
        break;
      case 'health-memo':
        f = textFile(rng, kind, healthMemo(rng, persons[0] as Person), `health/${id}-memo.txt`);
        break;
      case 'background':
        f = rng.chance(0.5) ? textFile(rng, kind, backgroundMemo(rng, persons[0] as Person), `hr/${id}-background.txt`) : tableFile(rng, 'background', persons, 'csv', `hr/${id}-background.csv`);
        break;
      case 'log':
        f = textFile(rng, kind, logLines(rng, persons), `logs/${id}-app.log`);
        break;
      case 'notice':
        f = textFile(rng, kind, noticeText(rng), `notice/${id}.txt`);
        break;
    }
    const sjisOk = canEncodeShiftJis(f.content);
    const encoding = f.format === 'json' || f.format === 'jsonl' ? 'utf-8' : sjisOk && rng.chance(0.4) ? 'shift_jis' : rng.chance(0.3) ? 'utf-8-bom' : 'utf-8';
    files.push({ ...f, encoding });
    // Person-free documents: notices, incident reports, corporate letters, product lists (about one per 25 records).
    if (rng.chance(Math.min(1, count / 25))) {
      const nid = String(n++).padStart(4, '0');
      const notice = textFile(rng, 'notice', noticeText(rng), `notice/${nid}.txt`);
      files.push({ ...notice, encoding: canEncodeShiftJis(notice.content) && rng.chance(0.5) ? 'shift_jis' : 'utf-8' });
    }
  }
  // Headerless tables of persons with columns that are NOT what a column of their shape could be (one per 200
  // records, from a separate generator so that the files above do not change): order exports (a 12-digit order id,
  // a year-prefixed order number 2024-000123, product codes shaped like passports from a small catalogue, JAN
  // codes, order and update dates) and staff lists whose only date is the hire date.
  const extra = new Rng(seed * 7919 + 13);
  for (let k = 0, count = Math.max(1, Math.round(records / 200)); k < count; k++) {
    const id = String(n++).padStart(4, '0');
    const persons = Array.from({ length: extra.int(20, 60) }, () => makePerson(extra));
    const f = extra.chance(0.6) ? orderExport(extra, persons, `export/${id}-orders-noheader.csv`) : staffList(extra, persons, `export/${id}-staff-noheader.csv`);
    files.push({ ...f, encoding: 'utf-8' });
  }
  return files;
}

/** A headerless CSV from cells (each a list of pieces, null for an empty cell), one segment per non-empty cell. */
function headerlessCsv(kind: string, rows: readonly (readonly Cell[])[], name: string): Omit<CorpusFile, 'encoding'> {
  const segments: CorpusSegment[] = [];
  const lines: string[] = [];
  rows.forEach((cells, row) => {
    lines.push(cells.map((c) => csvQuote(c === null ? '' : c.map(textOf).join(''))).join(','));
    cells.forEach((c, column) => {
      if (c !== null) segments.push(segmentOf(c, { row, column }));
    });
  });
  return { name, kind, format: 'csv-noheader', segments, content: `${lines.join('\r\n')}\r\n` };
}

function orderExport(rng: Rng, persons: readonly Person[], name: string): Omit<CorpusFile, 'encoding'> {
  const catalogue = Array.from({ length: rng.int(5, 12) }, () => `${rng.pick([...UPPER])}${rng.pick([...UPPER])}${rng.digits(7)}`);
  const jans = Array.from({ length: catalogue.length }, () => makeJan(rng));
  const rows = persons.map((p): Cell[] => {
    const item = rng.int(0, catalogue.length - 1);
    return [
      one(lab(nameOf(p), 'person_name')),
      one(lab(p.email, 'email')),
      one(near(rng.digits(12, true), 'order id (12-digit column)')),
      one(near(`${rng.int(2019, 2024)}-${rng.digits(6)}`, 'order number 2024-000123')),
      one(near(formatPlainDate(rng, makeDate(rng, 2019, 2024)), 'order date')),
      one(near(catalogue[item] ?? '', 'product code')),
      one(near(jans[item] ?? '', 'JAN code')),
      one(near(formatPlainDate(rng, makeDate(rng, 2023, 2024)), 'update date')),
    ];
  });
  return headerlessCsv('orders-noheader', rows, name);
}

function staffList(rng: Rng, persons: readonly Person[], name: string): Omit<CorpusFile, 'encoding'> {
  const rows = persons.map((p): Cell[] => [one(lab(nameOf(p), 'person_name')), one(lab(p.phone, 'phone')), one(near(formatPlainDate(rng, p.hired), 'hire date (only date column)'))]);
  return headerlessCsv('staff-noheader', rows, name);
}

export function corpusStats(files: readonly CorpusFile[]): { files: number; segments: number; labels: number; nearMisses: number; byType: Map<DetectorId, number> } {
  const byType = new Map<DetectorId, number>();
  let segments = 0;
  let labels = 0;
  let nearMisses = 0;
  for (const f of files) {
    for (const s of f.segments) {
      segments++;
      labels += s.labels.length;
      nearMisses += s.nearMisses.length;
      for (const l of s.labels) byType.set(l.type, (byType.get(l.type) ?? 0) + 1);
    }
  }
  return { files: files.length, segments, labels, nearMisses, byType };
}

/** Writes the files under `dir` in their encodings, and labels.jsonl (per-file counts of labelled values). */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  const labels: string[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    mkdirSync(join(path, '..'), { recursive: true });
    const bytes = f.encoding === 'shift_jis' ? encodeShiftJis(f.content) : Buffer.from((f.encoding === 'utf-8-bom' ? '\uFEFF' : '') + f.content, 'utf8');
    writeFileSync(path, bytes);
    const counts: Record<string, number> = {};
    for (const s of f.segments) for (const l of s.labels) counts[l.type] = (counts[l.type] ?? 0) + 1;
    labels.push(JSON.stringify({ file: f.name, kind: f.kind, format: f.format, encoding: f.encoding, counts }));
  }
  writeFileSync(join(dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
}

// CLI: node dist/bench/corpus.js OUT_DIR [seed] [records]
const invokedAs = process.argv[1] ?? '';
if (invokedAs.endsWith('/corpus.js') || invokedAs.endsWith('\\corpus.js')) {
  const [dir, seedText, sizeText] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node dist/bench/corpus.js OUT_DIR [seed] [records]');
    process.exit(2);
  }
  const files = generateCorpus(Number(seedText ?? 1), Number(sizeText ?? 3000));
  writeCorpus(dir, files);
  const s = corpusStats(files);
  console.log(`${s.files} files, ${s.segments} segments, ${s.labels} labelled values, ${s.nearMisses} near misses → ${dir}`);
}
