// OCR-aware normalization (src/data/ocr/normalize.ts): a pure function, each rule on its own.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compactText, fixDigitConfusions, foldOcrText, joinDigitGroups, normalizeOcrText } from '../../src/data/ocr/normalize.js';

describe('OCR normalization', () => {
  test('full-width digits, letters and spaces become half-width', () => {
    assert.equal(foldOcrText('１２３４　５６７８　９０１８'), '1234 5678 9018');
    assert.equal(foldOcrText('ＡＢ１２３４５６７８ＣＤ'), 'AB12345678CD');
  });

  test('letters read for digits inside a run of digits', () => {
    assert.equal(fixDigitConfusions('l234 5678 9O18'), '1234 5678 9018');
    assert.equal(fixDigitConfusions('|2345678901!'), '123456789011');
    assert.equal(fixDigitConfusions('〇9O-1234'), '090-1234');
  });

  test('words are left alone: no digit, or letters touching the token', () => {
    assert.equal(fixDigitConfusions('Oliver lol'), 'Oliver lol');
    assert.equal(fixDigitConfusions('HbA1c 6.8'), 'HbA1c 6.8');
    assert.equal(fixDigitConfusions('I am 1'), 'I am 1');
  });

  test('a 12-digit number split other than 4-4-4 is joined; 4-4-4 and other lengths are kept', () => {
    assert.equal(joinDigitGroups('12345678 9018'), '123456789018');
    assert.equal(joinDigitGroups('12 3456 789018'), '123456789018');
    assert.equal(joinDigitGroups('1234 5678 9018'), '1234 5678 9018');
    assert.equal(joinDigitGroups('123 1234567'), '123 1234567');
    assert.equal(joinDigitGroups('03 1234 5678'), '03 1234 5678');
  });

  test('labels with spaces between their characters and misread kanji are restored', () => {
    assert.equal(foldOcrText('個 人 番 号 カ ー ド'), '個人番号カード');
    assert.equal(foldOcrText('民名 佐藤 花子'), '氏名 佐藤 花子');
    assert.equal(foldOcrText('運転 人 許 証'), '運転免許証');
    assert.equal(foldOcrText('キャッシュ力一ド'), 'キャッシュカード');
    assert.equal(foldOcrText('ロ座 番号 1234567'), '口座番号 1234567');
    assert.equal(foldOcrText('生年 月 曰'), '生年月日');
    assert.equal(foldOcrText('保険 者 番号 06130012'), '保険者番号 06130012');
  });

  test('compactText joins Japanese words and numbers to them; Latin words keep their spaces', () => {
    assert.equal(compactText('昭和 60 年 4 月 1 日 生'), '昭和60年4月1日生');
    assert.equal(compactText('東京 都 千代 田 区 霞が関 1 丁目'), '東京都千代田区霞が関1丁目');
    assert.equal(compactText('HANAKO SATO'), 'HANAKO SATO');
    assert.equal(compactText('身長 158.2 cm'), '身長158.2 cm');
  });

  test('normalizeOcrText: the whole chain', () => {
    assert.equal(normalizeOcrText('個人 番号 |'), '個人番号 |');
    assert.equal(normalizeOcrText('第 3OO512345680 号'), '第300512345680号');
    assert.equal(normalizeOcrText('生年 月 日 昭和 60 年 4 月 1 日'), '生年月日昭和60年4月1日');
    assert.equal(normalizeOcrText('０９０ー１２３４ー５６７８'), '090-1234-5678');
  });

  test('pure: the same input gives the same output, empty stays empty', () => {
    assert.equal(normalizeOcrText(''), '');
    assert.equal(normalizeOcrText('  '), '');
    assert.equal(normalizeOcrText('氏名 佐藤 花子'), normalizeOcrText('氏名 佐藤 花子'));
  });
});
