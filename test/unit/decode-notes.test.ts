// Issue 14, item 4: every decode note has a stable code, parameters and a wording in each language
// (src/data/decode/note-messages.ts); a stored note is read back to its code and shown in the reader's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NOTE_MESSAGES, note, noteText, parseNote, placeholders, type NoteCode } from '../../src/data/decode/note-messages.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';

const CODES = Object.keys(NOTE_MESSAGES) as NoteCode[];

/** Sample parameters: numbers where a count is meant, ids and codes where a name is. */
const SAMPLE: Record<string, string | number> = {
  seconds: 30, limit: '64 MiB', stream: 'a zip entry', ratio: 100, read: '1 MiB', size: '3.5 MiB', error: 'EACCES', count: 3, depth: 3, total: 12,
  max: 10, archive: 'tar', method: 14, failed: 20, rest: 80, mp: 40, kind: 'image', type: 'sqlite', images: 'images', cap: '100,000',
};

test('every code: an English and a Japanese wording with the same parameters', () => {
  assert.equal(CODES.length, 70);
  for (const code of CODES) {
    const [en, ja] = NOTE_MESSAGES[code];
    assert.ok(en.length > 0 && ja.length > 0, code);
    const enParams = new Set(placeholders(en));
    for (const p of placeholders(ja)) assert.ok(enParams.has(p), `${code}: {${p}} of the Japanese is not in the English`);
    for (const p of enParams) assert.ok(p in SAMPLE, `${code}: no sample for {${p}}`);
  }
});

test('every code: its English reads back to the same code and parameters; each language whole', () => {
  for (const code of CODES) {
    const params = Object.fromEntries(placeholders(NOTE_MESSAGES[code][0]).map((p) => [p, SAMPLE[p]!]));
    const en = note(code, params);
    assert.equal(en.includes('{'), false, en);
    const back = parseNote(en);
    assert.equal(back?.code, code, en);
    assert.deepEqual(back?.params, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])), en);
    assert.equal(noteText(en, 'en'), en);
    const ja = noteText(en, 'ja');
    assert.deepEqual(englishWords(ja), [], `${code}: ${ja}`);
    assert.deepEqual(japaneseOutsideTerms(en), [], en);
  }
});

test('a member note keeps the member quoted; an unknown wording is quoted as written', () => {
  assert.equal(noteText(`a/b.zip: ${note('zip-encrypted')}`, 'ja'), '「a/b.zip」: 暗号化された ZIP のエントリー: 解読していません');
  assert.equal(noteText('OCR of an image took longer than 20 s: stopped, not read', 'ja'), '画像の OCR が 20 秒を超えました: 停止し、読み取っていません');
  assert.equal(noteText('OCR of an image used more than 20 s of CPU time: stopped, not read', 'ja'), '画像の OCR が CPU 時間 20 秒を超えました: 停止し、読み取っていません');
  assert.equal(noteText('a wording of another version', 'ja'), '「a wording of another version」');
});
