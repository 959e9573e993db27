// JSON and JSONL: leaves with the nearest key as field and the record as row, exact number literals, escapes
// split between chunks, malformed lines, and a cut input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { JsonSegmenter } from '../../src/data/decode/json.js';
import type { Segment } from '../../src/data/types.js';
import { brief, decodeAll, inPieces } from '../helpers/decode.js';

function parse(text: string, lines: boolean, pieces = text.length, partial = false): Segment[] {
  const out: Segment[] = [];
  const seg = new JsonSegmenter(lines);
  for (let i = 0; i < text.length; i += pieces) seg.write(text.slice(i, i + pieces), out);
  seg.end(partial, out);
  return out;
}

const DOC = JSON.stringify({
  company: '株式会社サンプル',
  employees: [
    { name: '山田 太郎', my_number: 123456789018, contact: { email: 'taro@example.com', phones: ['03-1234-5678', '090-1111-2222'] }, active: true },
    { name: '佐藤 花子', note: 'tab\there "quoted" \u00e9 \ud83d\ude00 \\ /', salary: -1.5e3, manager: null },
  ],
});

describe('JSON', () => {
  test('leaves: nearest key, record = element of the first array, number literals kept as written', () => {
    assert.deepEqual(brief(parse(DOC, false)), [
      'company:株式会社サンプル',
      'name:山田 太郎@0',
      'my_number:123456789018@0',
      'email:taro@example.com@0',
      'phones:03-1234-5678@0',
      'phones:090-1111-2222@0',
      'name:佐藤 花子@1',
      'note:tab\there "quoted" é 😀 \\ /@1',
      'salary:-1500@1',
    ]);
  });

  test('a number keeps its digits: no float rounding of long identifiers', () => {
    assert.deepEqual(brief(parse('[{"card": 4111111111111111111}]', false)), ['card:4111111111111111111@0']);
  });

  test('the same result whatever the chunk boundaries (escapes, \\u sequences and keys split)', () => {
    const whole = parse(DOC, false);
    for (let n = 1; n <= 9; n++) assert.deepEqual(parse(DOC, false, n), whole, `pieces of ${n}`);
  });

  test('a top-level array of records', () => {
    assert.deepEqual(brief(parse('[{"email":"a@example.com"},{"email":"b@example.com"},"x"]', false)), ['email:a@example.com@0', 'email:b@example.com@1', 'x@2']);
  });

  test('cut input: the unterminated last string is dropped, what came before is kept', () => {
    assert.deepEqual(brief(parse('[{"email":"a@example.com"},{"email":"b@exa', false, 6, true)), ['email:a@example.com@0']);
    assert.deepEqual(brief(parse('[{"n": 12345', false, 3, true)), []);
    assert.deepEqual(brief(parse('[{"n": 12345', false, 3, false)), ['n:12345@0']);
  });

  test('malformed JSON does not throw', () => {
    const out = parse('{"a": [1, 2,, }, "b": tru, "c": "x"]]]] }}}', false);
    assert.ok(out.some((s) => s.text === 'x'));
  });
});

describe('JSONL', () => {
  test('each line is a record; a bad line does not affect the next', () => {
    const text = '{"email":"a@example.com","age":30}\n{"email":"b@exam\n{"email":"c@example.com","tags":["x"]}\r\n\n[1,"y"]\n';
    assert.deepEqual(brief(parse(text, true)), ['email:a@example.com@0', 'age:30@0', 'email:c@example.com@2', 'tags:x@2', '1@3', 'y@3']);
    for (let n = 1; n <= 5; n++) assert.deepEqual(parse(text, true, n), parse(text, true), `pieces of ${n}`);
  });

  test('by name (.jsonl, .ndjson) and by content (.json holding one object per line)', async () => {
    const body = Buffer.from('{"email":"a@example.com"}\n{"email":"b@example.com"}\n');
    for (const name of ['x.jsonl', 'x.ndjson', 'x.json', 'x']) {
      const d = await decodeAll(inPieces(body, 4), { name });
      assert.equal(d.format, 'jsonl', name);
      assert.deepEqual(brief(d.segments), ['email:a@example.com@0', 'email:b@example.com@1']);
    }
    const pretty = await decodeAll(Buffer.from('{\n  "email": "a@example.com"\n}\n'), { name: 'x.json' });
    assert.equal(pretty.format, 'json');
    assert.deepEqual(brief(pretty.segments), ['email:a@example.com']);
  });

  test('a cut JSONL (range GET): the last line is dropped', async () => {
    const body = Buffer.from('{"email":"a@example.com"}\n{"email":"b@example.com"}\n{"email":"c@exa');
    const d = await decodeAll(body, { name: 'x.jsonl', partial: true });
    assert.deepEqual(brief(d.segments), ['email:a@example.com@0', 'email:b@example.com@1']);
    assert.equal(d.stats.truncated, true);
  });
});
