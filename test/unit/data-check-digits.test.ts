// Check digits of PERSONAL-DATA.md: the spec's worked examples, and property tests over thousands of numbers
// generated with a seeded PRNG (every generated valid number passes; single-digit changes fail, except the
// changes each algorithm provably cannot see, which are characterised exactly).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { corporateCheckDigit, gs1Valid, isValidCorporateNumber, isValidMyNumber, luhnCheckDigit, luhnValid, myNumberCheckDigit } from '../../src/data/detect/check-digits.js';

/** mulberry32, seeded: the same numbers on every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function digits(rand: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand() * 10));
  return s;
}

/** Every number differing from `s` in exactly one digit. */
function* singleDigitChanges(s: string): Generator<{ changed: string; index: number; from: number; to: number }> {
  for (let i = 0; i < s.length; i++) {
    const from = Number(s[i]);
    for (let to = 0; to <= 9; to++) if (to !== from) yield { changed: s.slice(0, i) + String(to) + s.slice(i + 1), index: i, from, to };
  }
}

/** The weighted sum of a My Number body mod 11 (the spec's Σ Pn·Qn). */
function myNumberRemainder(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  return sum % 11;
}

describe('My Number check digit', () => {
  test('the worked example: 12345678901 → Σ = 212, 212 mod 11 = 3, check 8', () => {
    assert.equal(myNumberRemainder('12345678901'), 3);
    assert.equal(myNumberCheckDigit('12345678901'), 8);
    assert.equal(isValidMyNumber('123456789018'), true);
    assert.equal(isValidMyNumber('123456789019'), false);
  });

  test('rejects anything that is not 12 ASCII digits', () => {
    for (const bad of ['12345678901', '1234567890188', '12345678901a', '１２３４５６７８９０１８', '1234-5678-9018', '']) assert.equal(isValidMyNumber(bad), false, bad);
    assert.throws(() => myNumberCheckDigit('1234567890'), RangeError);
  });

  test('property: 5,000 generated numbers pass; every single-digit change fails unless it moves Σ mod 11 between 0 and 1', () => {
    const rand = prng(20241122);
    let changes = 0;
    let blind = 0;
    for (let i = 0; i < 5000; i++) {
      const body = digits(rand, 11);
      const valid = body + String(myNumberCheckDigit(body));
      assert.equal(isValidMyNumber(valid), true, valid);
      const r = myNumberRemainder(body);
      for (const c of singleDigitChanges(valid)) {
        changes++;
        const r2 = c.index < 11 ? myNumberRemainder(c.changed.slice(0, 11)) : r;
        // Remainders 0 and 1 both give check digit 0: the one change the algorithm cannot see.
        const undetectable = c.index < 11 && r <= 1 && r2 <= 1;
        if (undetectable) blind++;
        assert.equal(isValidMyNumber(c.changed), undetectable, `${valid} → ${c.changed}`);
      }
    }
    assert.equal(changes, 5000 * 12 * 9);
    // The blind spot exists (the spec's algorithm): about 2/11 of numbers have remainder 0 or 1, and about one in ten
    // of their body changes lands on the other one — some 1.6% of all single-digit changes.
    assert.ok(blind / changes > 0.01 && blind / changes < 0.02, `${blind} of ${changes}`);
  });

  test('property: a change of the check digit itself always fails', () => {
    const rand = prng(7);
    for (let i = 0; i < 2000; i++) {
      const body = digits(rand, 11);
      const check = myNumberCheckDigit(body);
      for (let d = 0; d <= 9; d++) if (d !== check) assert.equal(isValidMyNumber(body + String(d)), false);
    }
  });
});

describe('corporate number check digit', () => {
  test('the worked example: 123456789012 → Σ = 74, 74 mod 9 = 2, check 7 → 7123456789012', () => {
    assert.equal(corporateCheckDigit('123456789012'), 7);
    assert.equal(isValidCorporateNumber('7123456789012'), true);
    assert.equal(isValidCorporateNumber('8123456789012'), false);
    assert.equal(isValidCorporateNumber('712345678901'), false);
  });

  test('property: 5,000 generated numbers pass; every single-digit change fails unless it swaps 0 and 9 in the body', () => {
    const rand = prng(99);
    for (let i = 0; i < 5000; i++) {
      const body = digits(rand, 12);
      const valid = String(corporateCheckDigit(body)) + body;
      assert.equal(isValidCorporateNumber(valid), true, valid);
      for (const c of singleDigitChanges(valid)) {
        // Weights 1 and 2 mod 9 cannot see a change by 9 (0 ↔ 9); the check digit is never 0, so changing it always fails.
        const undetectable = c.index > 0 && Math.abs(c.from - c.to) === 9;
        assert.equal(isValidCorporateNumber(c.changed), undetectable, `${valid} → ${c.changed}`);
      }
    }
  });
});

describe('Luhn', () => {
  test('known valid and invalid numbers', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('378282246310005'), true);
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('7992739871x'), false);
    assert.equal(luhnValid('0'), false);
  });

  test('property: 5,000 generated numbers of 14–19 digits pass; every single-digit change fails', () => {
    const rand = prng(4242);
    for (let i = 0; i < 5000; i++) {
      const len = 14 + Math.floor(rand() * 6);
      const body = digits(rand, len - 1);
      const valid = body + String(luhnCheckDigit(body));
      assert.equal(luhnValid(valid), true, valid);
      for (const c of singleDigitChanges(valid)) assert.equal(luhnValid(c.changed), false, `${valid} → ${c.changed}`);
    }
  });
});

describe('GS1 (JAN/EAN-13)', () => {
  test('valid and invalid JAN codes', () => {
    assert.equal(gs1Valid('4901234567894'), true);
    assert.equal(gs1Valid('4901234567895'), false);
    assert.equal(gs1Valid('4569951116179'), true);
  });
});
