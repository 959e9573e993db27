// The policy globs (`*` any run, `?` one character) of providers/aws/policy.ts: a table of cases, and agreement with
// a regular expression of the same meaning on thousands of generated patterns and texts (the fast path for text
// without surrogate pairs, and the character-by-character path for text with them).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { globMatches } from '../../providers/aws/policy.js';

const asRegExp = (pattern: string): RegExp =>
  new RegExp(`^${[...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'su');

describe('AWS policy globs', () => {
  const cases: [pattern: string, text: string, ignoreCase: boolean, matches: boolean][] = [
    ['arn:aws:s3:::hr-data/*', 'arn:aws:s3:::hr-data/a/b.csv', false, true],
    ['arn:aws:s3:::hr-data/*', 'arn:aws:s3:::hr-data', false, false],
    ['arn:aws:s3:::hr-*', 'arn:aws:s3:::hr-data', false, true],
    ['arn:aws:s3:::hr-data', 'arn:aws:s3:::HR-DATA', false, false],
    ['s3:Get*', 's3:getobject', true, true],
    ['S3:GETOBJECT', 's3:GetObject', true, true],
    ['s3:Get*', 's3:PutObject', true, false],
    ['*', '', false, true],
    ['', '', false, true],
    ['?', '', false, false],
    ['a*b*c', 'aXbYbZc', false, true],
    ['a*b*c', 'aXbYbZ', false, false],
    ['*a*a*a*', 'aaa', false, true],
    ['*a*a*a*', 'aa', false, false],
    ['??', '日本', false, true],
    ['?', '😀', false, true],
    ['a?c', 'a😀c', false, true],
    ['a??c', 'a😀c', false, false],
    ['*😀', 'x😀', false, false],
  ];
  for (const [pattern, text, ignoreCase, matches] of cases) {
    test(`${JSON.stringify(pattern)} ${matches ? 'matches' : 'does not match'} ${JSON.stringify(text)}${ignoreCase ? ' (any case)' : ''}`, () => {
      assert.equal(globMatches(pattern, text, ignoreCase), matches);
    });
  }

  test('agrees with a regular expression on generated patterns and texts', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (alphabet: readonly string[], max: number): string => Array.from({ length: next(max + 1) }, () => alphabet[next(alphabet.length)]).join('');
    for (let i = 0; i < 20000; i++) {
      const pattern = word(['a', 'b', '*', '?', '/'], 7);
      const text = word(i % 4 === 0 ? ['a', 'b', '/', '日', '😀'] : ['a', 'b', '/'], 8);
      assert.equal(globMatches(pattern, text), asRegExp(pattern).test(text), `${JSON.stringify(pattern)} on ${JSON.stringify(text)}`);
    }
  });
});
