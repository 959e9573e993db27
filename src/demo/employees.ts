// The demo's synthetic HR data: an employee export (社員名簿) with names, addresses, dates of birth, valid My
// Numbers and health-check results — every person invented, generated deterministically from a seed so every run of
// `kumoscan demo` scans the same file. The My Numbers carry a correct check digit (番号法施行令第8条) so the
// detector accepts them; they are random, not anybody's.

/** A small deterministic PRNG (mulberry32). */
export class DemoRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** The check digit of a My Number's first 11 digits: P(n) is the n-th digit from the right, Q(n) = n+1 (n ≤ 6), n−5 (n ≥ 7). */
export function myNumberCheckDigitOf(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function demoMyNumber(rng: DemoRandom): string {
  let first11 = String(rng.int(1, 9));
  for (let i = 0; i < 10; i++) first11 += String(rng.int(0, 9));
  return first11 + String(myNumberCheckDigitOf(first11));
}

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口', '松本', '井上', '木村', '林', '清水', '斎藤'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '翔', '由美', '大輔', '直子', '拓也', '恵', '誠', '綾香', '亮', '真由美', '浩二', '彩', '和也', '智子'];
const PLACES = [
  '東京都千代田区丸の内', '東京都新宿区西新宿', '東京都世田谷区三軒茶屋', '神奈川県横浜市中区山下町', '埼玉県さいたま市浦和区高砂', '千葉県千葉市中央区富士見',
  '大阪府大阪市北区梅田', '京都府京都市下京区烏丸通', '愛知県名古屋市中区栄', '福岡県福岡市博多区博多駅前', '北海道札幌市中央区北一条西', '宮城県仙台市青葉区一番町',
];
/** The seed of the demo's export (and of the employee on its card photo and in its PDF). */
export const DEMO_SEED = 20241201;

const RESULTS = ['異常なし', '異常なし', '異常なし', '要経過観察（血圧）', '要経過観察（脂質）', '要再検査（血糖）', '要精密検査（胃部）', '要治療（高血圧）', '要治療（糖尿病）'];

/** One invented employee of the export (every value made up). */
export interface DemoEmployee {
  /** 社員番号, E100000 … */
  id: string;
  /** Family and given name with a half-width space between them. */
  name: string;
  /** YYYY-MM-DD */
  birth: string;
  address: string;
  /** 12 digits, valid check digit. */
  myNumber: string;
  /** YYYY-MM-DD of the health check. */
  checkup: string;
  result: string;
}

/** `persons` employees with distinct My Numbers, always the same for the same seed. */
export function demoEmployeeRecords(persons: number, seed = DEMO_SEED): DemoEmployee[] {
  const rng = new DemoRandom(seed);
  const numbers = new Set<string>();
  const out: DemoEmployee[] = [];
  for (let i = 0; i < persons; i++) {
    let myNumber = demoMyNumber(rng);
    while (numbers.has(myNumber)) myNumber = demoMyNumber(rng);
    numbers.add(myNumber);
    const name = `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`;
    const birth = `${rng.int(1960, 2003)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const address = `${rng.pick(PLACES)}${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
    const checkup = `2024-${String(rng.int(4, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    out.push({ id: `E${String(100000 + i)}`, name, birth, address, myNumber, checkup, result: rng.pick(RESULTS) });
  }
  return out;
}

export interface EmployeeExport {
  /** The CSV as stored (UTF-8, CRLF, header row). */
  bytes: Uint8Array;
  persons: number;
  /** Every personal value written, so tests can assert none of them reaches a report. */
  rawValues: string[];
}

/** `persons` employees, one row each, with distinct My Numbers. */
export function employeeExport(persons: number, seed = DEMO_SEED): EmployeeExport {
  const raw: string[] = [];
  const lines = ['社員番号,氏名,生年月日,住所,マイナンバー,健診受診日,健康診断結果'];
  for (const e of demoEmployeeRecords(persons, seed)) {
    lines.push(`${e.id},${e.name},${e.birth},${e.address},${e.myNumber},${e.checkup},${e.result}`);
    raw.push(e.myNumber, e.name, e.birth, e.address);
  }
  return { bytes: new TextEncoder().encode(lines.join('\r\n') + '\r\n'), persons, rawValues: raw };
}
