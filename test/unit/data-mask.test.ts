// Masking never shows more than the last 4 digits (2 for short numbers); e-mails, names, addresses and dates
// keep only what the rules allow; salted hashes de-duplicate within a run and cannot be compared across runs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MASKED_DATE, MASKED_POSTAL_CODE, groupsOf4, maskAddress, maskChars, maskEmail, maskEraDate, maskKey, maskName, newSalt, saltedHash } from '../../src/data/detect/mask.js';

describe('masking', () => {
  test('numbers: the last 4 from 10 characters, the last 2 from 7, nothing below; canonical grouping', () => {
    assert.equal(maskChars('123456789018', [4, 4, 4]), '****-****-9018');
    assert.equal(maskChars('4539148803436467', groupsOf4(16)), '****-****-****-6467');
    assert.equal(maskChars('1234567'), '*****67');
    assert.equal(maskChars('123456'), '******');
    assert.equal(maskChars('09012345678', [3, 4, 4]), '***-****-5678');
    assert.equal(maskChars('12345', [2, 2]), '*****'); // groups that do not add up are ignored
  });

  test('property: a masked number never shows more than its last 4 digits', () => {
    for (let len = 1; len <= 19; len++) {
      const digits = '9876543210987654321'.slice(0, len);
      const masked = maskChars(digits, groupsOf4(len));
      const shown = masked.replace(/[^0-9]/g, '');
      assert.ok(shown.length <= 4, masked);
      assert.ok(digits.endsWith(shown), masked);
    }
  });

  test('e-mail, names, addresses, dates', () => {
    assert.equal(maskEmail('taro.yamada@example.com'), 't***@example.com');
    assert.equal(maskName('山田 太郎'), '山***');
    assert.equal(maskName('Taro Yamada'), 'T***');
    assert.equal(maskName('𠮷田 太郎'), '𠮷***');
    assert.equal(maskAddress('東京都'), '東京都***');
    assert.equal(MASKED_POSTAL_CODE, '〒***-****');
    assert.equal(MASKED_DATE, '****-**-**');
    assert.equal(maskEraDate('昭和'), '昭和**年**月**日');
  });

  test('object keys: e-mail addresses and runs of 10+ digits are masked, words and dates stay', () => {
    assert.equal(maskKey('hr/123456789018.pdf'), 'hr/********9018.pdf');
    assert.equal(maskKey('exports/taro@example.com/list.csv'), 'exports/t***@example.com/list.csv');
    assert.equal(maskKey('scans/090-1234-5678_license.jpg'), 'scans/*******5678_license.jpg');
    assert.equal(maskKey('2024/report.csv'), '2024/report.csv');
    assert.equal(maskKey('logs/2024-01-15/app.log'), 'logs/2024-01-15/app.log');
  });
});

describe('salted hashes', () => {
  test('the same value and salt give the same hash; another salt or kind gives another', () => {
    const salt = newSalt();
    assert.equal(salt.length, 16);
    const a = saltedHash(salt, 'my_number', '123456789018');
    assert.equal(a, saltedHash(salt, 'my_number', '123456789018'));
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, saltedHash(newSalt(), 'my_number', '123456789018'));
    assert.notEqual(a, saltedHash(salt, 'phone', '123456789018'));
    assert.ok(!a.includes('123456789018'));
  });
});
