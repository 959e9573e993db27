// The HR-system fixture: an employee CSV (社員名簿 with マイナンバー and 健康診断 results), deterministic, with
// every raw value returned so privacy tests can assert none of them reaches a report, a snapshot or a log.
import { encodeShiftJis } from '../../bench/shift-jis.js';
import { makeMyNumber, Rng } from '../../bench/corpus.js';

const FAMILY = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽子', '翔', '由美', '大輔', '直子'];
const CITIES = ['東京都千代田区丸の内1-1-1', '大阪府大阪市北区梅田2-2-2', '愛知県名古屋市中区栄3-3-3', '福岡県福岡市博多区博多駅前4-4-4'];
const RESULTS = ['異常なし', '要経過観察（血圧）', '要精密検査（胃部）', '要治療（糖尿病）'];

export interface EmployeeCsv {
  /** The file as stored (UTF-8 or Shift_JIS bytes). */
  bytes: Uint8Array;
  rows: number;
  /** Every personal value written, to search reports for. */
  rawValues: string[];
}

export function employeeCsv(rows: number, encoding: 'utf-8' | 'shift_jis' = 'utf-8', seed = 2024): EmployeeCsv {
  const rng = new Rng(seed);
  const raw: string[] = [];
  const lines = ['社員番号,氏名,住所,生年月日,マイナンバー,健康診断結果'];
  for (let i = 0; i < rows; i++) {
    const name = `${rng.pick(FAMILY)} ${rng.pick(GIVEN)}`;
    const address = rng.pick(CITIES);
    const birth = `${rng.int(1960, 2000)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const myNumber = makeMyNumber(rng);
    lines.push(`E${String(10000 + i)},${name},${address},${birth},${myNumber},${rng.pick(RESULTS)}`);
    raw.push(myNumber, birth, name, address);
  }
  const text = lines.join('\r\n') + '\r\n';
  const bytes = encoding === 'shift_jis' ? encodeShiftJis(text) : new TextEncoder().encode(text);
  return { bytes, rows, rawValues: raw };
}
