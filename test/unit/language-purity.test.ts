// Each language whole: every evidence text of the example and fixture scans has a Japanese version without English
// words, and an English version without Japanese (what may stay: test/helpers/language-words.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../reports/render/json.js';
import { stillReportableLine } from '../../reports/render/baseline-view.js';
import type { Evidence } from '../../src/model.js';
import { personsBasisJa } from '../../src/data/detect/persons-basis-ja.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';
import { exampleReports } from '../helpers/example-reports.js';

const reports = (): Report[] => exampleReports();

function evidenceOf(r: Report): Evidence[] {
  return [...r.resources.flatMap((x) => x.exposure.evidence), ...r.findings.flatMap((f) => f.evidence), ...(r.resolved ?? []).flatMap((f) => f.evidence)];
}

test('every evidence text: Japanese without English prose, English without Japanese prose', () => {
  const all = reports().flatMap(evidenceOf);
  assert.ok(all.length > 100, `${all.length} evidence entries`);
  const badJa = all.filter((e) => typeof e.messageJa !== 'string' || englishWords(e.messageJa).length > 0).map((e) => [e.messageJa, englishWords(e.messageJa ?? '')]);
  assert.deepEqual(badJa, []);
  const badEn = all.filter((e) => japaneseOutsideTerms(e.message).length > 0).map((e) => e.message);
  assert.deepEqual(badEn, []);
});

test('resolved — still reportable: each language whole', () => {
  const [, , , , after] = reports();
  const still = (after?.resolved ?? []).flatMap((f) => (f.stillReportable ? [stillReportableLine(f.stillReportable)] : []));
  assert.equal(still.length, 2);
  for (const line of still) {
    assert.deepEqual(englishWords(line.ja), []);
    assert.deepEqual(japaneseOutsideTerms(line.en), []);
  }
});

test('the persons basis in Japanese: every wording estimatePersons writes', () => {
  const cases: [string, string][] = [
    ['no object was sampled', 'サンプルしたオブジェクトはありません'],
    [
      'every listed object was sampled: 1,500 distinct persons in 3 sampled object(s), de-duplicated across objects; some objects were read only in part, so their counts are lower bounds',
      '一覧のすべてのオブジェクトをサンプル: サンプル 3オブジェクト中の本人 1,500人（オブジェクト間で重複を除去）。一部のオブジェクトは途中までしか読んでいないため、その数は下限です',
    ],
    [
      'low: 40 persons in the richest of 2 sampled object(s) (objects not de-duplicated against each other) (what the sample proves); high: 25.5 persons per sampled object × at least 1,000 objects (the listing was cut, so the true count may be higher); the de-duplication set was full, so the sample count is a lower bound',
      '下限: サンプル 2オブジェクトのうち最多のものに 40人（オブジェクト間の重複は除去していません）（サンプルで確認できた数）。上限: サンプル1オブジェクトあたり 25.5人 × 少なくとも 1,000個のオブジェクト（一覧が途中で打ち切られたため、実際はさらに多い可能性があります）。重複除去の集合が上限に達したため、サンプルの数は下限です',
    ],
  ];
  for (const [en, ja] of cases) {
    assert.equal(personsBasisJa(en), ja);
    assert.deepEqual(englishWords(personsBasisJa(en)), []);
  }
  assert.equal(personsBasisJa('a future wording'), '「a future wording」');
});

test('the persons basis of a file and of the classify total in Japanese', () => {
  assert.equal(personsBasisJa('rows de-duplicated by my_number (40), email (2); free text: 3 distinct phone'), '行ごとに次の項目で重複を除去: 個人番号（マイナンバー） 40、メールアドレス 2。自由記述: 異なる電話番号 3件');
  assert.equal(
    personsBasisJa('de-duplicated across files by a salted hash of the strongest identifier; hash cap reached: lower bound (per-file sum: 1,520)'),
    '最も強い識別子のソルト付きハッシュでファイル間の重複を除去。ハッシュの上限に達したため下限です（ファイルごとの合計: 1,520）',
  );
  assert.equal(personsBasisJa('no person identifier found'), '本人を識別する項目は見つかりません');
});
