// The Japanese of a persons-count basis: a resource's estimate (resource-profile.ts, estimatePersons), a file's count
// (classifier.ts, personsCount) and the classify total (src/classify-command.ts). The basis is stored in English in
// snapshots and reports; its parts follow the small grammar estimatePersons writes, so each part is rendered here.
// A part outside that grammar (a future wording, an older report) is kept as written, quoted 「…」.
import { noteText } from '../decode/note-messages.js';
import { identifierJa } from './detector-names.js';

const NUM = '([\\d,.]+)';

const PARTS: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^no object was sampled$/, () => 'サンプルしたオブジェクトはありません'],
  [/^every listed object was sampled: (.+)$/, (m) => `一覧のすべてのオブジェクトをサンプル: ${seenJa(m[1] ?? '')}`],
  [/^low: (.+) \(what the sample proves\)$/, (m) => `下限: ${seenJa(m[1] ?? '')}（サンプルで確認できた数）`],
  [new RegExp(`^high: ${NUM} (?:distinct )?persons per sampled object × (.+)$`), (m) => `上限: サンプル1オブジェクトあたり ${m[1]}人 × ${listingJa(m[2] ?? '')}`],
  [/^no person identifier found$/, () => '本人を識別する項目は見つかりません'],
  [/^hash cap reached: lower bound$/, () => 'ハッシュの上限に達したため下限です'],
  [/^rows de-duplicated by (.+)$/, (m) => `行ごとに次の項目で重複を除去: ${countsJa(m[1] ?? '')}`],
  [new RegExp(`^free text: ${NUM} labelled person\\(s\\) de-duplicated by (.+)$`), (m) => `自由記述: ラベル付きの本人 ${m[1]}人（次の項目で重複を除去: ${countsJa(m[2] ?? '')}）`],
  [new RegExp(`^free text: ${NUM} distinct (\\w+)$`), (m) => `自由記述: 異なる${identifierJa(m[2] ?? '')} ${m[1]}件`],
  [new RegExp(`^de-duplicated across files by a salted hash of the strongest identifier \\(per-file sum: ${NUM}\\)$`), (m) => `最も強い識別子のソルト付きハッシュでファイル間の重複を除去（ファイルごとの合計: ${m[1]}）`],
  [/^de-duplicated across files by a salted hash of the strongest identifier$/, () => '最も強い識別子のソルト付きハッシュでファイル間の重複を除去'],
  [new RegExp(`^hash cap reached: lower bound \\(per-file sum: ${NUM}\\)$`), (m) => `ハッシュの上限に達したため下限です（ファイルごとの合計: ${m[1]}）`],
];

/** `my_number (40), email (2)` → 個人番号（マイナンバー） 40、メールアドレス 2 (identifiers and the rows they keyed). */
function countsJa(list: string): string {
  return list
    .split(', ')
    .map((part) => {
      const m = part.match(new RegExp(`^([\\w+]+) \\(${NUM}\\)$`));
      return m ? `${identifierJa(m[1] ?? '')} ${m[2]}` : `「${part}」`;
    })
    .join('、');
}

function seenJa(seen: string): string {
  let m = seen.match(new RegExp(`^${NUM} distinct persons in ${NUM} sampled object\\(s\\), de-duplicated across objects$`));
  if (m) return `サンプル ${m[2]}オブジェクト中の本人 ${m[1]}人（オブジェクト間で重複を除去）`;
  m = seen.match(new RegExp(`^${NUM} persons in the richest of ${NUM} sampled object\\(s\\) \\(objects not de-duplicated against each other\\)$`));
  if (m) return `サンプル ${m[2]}オブジェクトのうち最多のものに ${m[1]}人（オブジェクト間の重複は除去していません）`;
  m = seen.match(new RegExp(`^${NUM} objects?$`));
  if (m) return `${m[1]}オブジェクト`;
  return `「${seen}」`;
}

function listingJa(listing: string): string {
  let m = listing.match(new RegExp(`^${NUM} objects listed$`));
  if (m) return `一覧のオブジェクト ${m[1]}個`;
  m = listing.match(new RegExp(`^at least ${NUM} objects \\(the listing was cut, so the true count may be higher\\)$`));
  if (m) return `少なくとも ${m[1]}個のオブジェクト（一覧が途中で打ち切られたため、実際はさらに多い可能性があります）`;
  return `「${listing}」`;
}

/** `every listed object was sampled: 3 distinct persons in 2 sampled object(s), …` -> Japanese. */
export function personsBasisJa(basis: string): string {
  return basis
    .split('; ')
    .map((part) => {
      for (const [re, ja] of PARTS) {
        const m = part.match(re);
        if (m) return ja(m);
      }
      return noteText(part, 'ja'); // the notes of the estimate (note-messages.ts), else quoted
    })
    .join('。');
}
