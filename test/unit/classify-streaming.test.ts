// `kumoscan classify` streams: every file's result is the same whether it comes through the streaming run (small
// files read in one synchronous read and decoded from memory, results handed on as they are made: --format jsonl)
// or through the per-file read stream every file went through before (classifyFileDetailed); the JSON keeps the
// totals and the --top riskiest files; the table says how many files it does not list.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { generateCorpus, writeCorpus } from '../../bench/corpus.js';
import { runClassify, type ClassifyFlags, type ClassifyReport } from '../../src/classify-command.js';
import { isPersonal, riskOf, type ClassifiedFile, type ClassifyTotal } from '../../src/classify-totals.js';
import { classifyFileDetailed, SMALL_FILE } from '../../src/data/decode/classify.js';
import type { DecodeLimits } from '../../src/data/decode/limits.js';
import { PersonLedger } from '../../src/data/detect/persons.js';
import { maskText } from '../../src/text/mask-text.js';
import { docx, xlsx } from '../helpers/office-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'kumoscan-classify-stream-'));
const corpus = join(root, 'corpus');
writeCorpus(corpus, generateCorpus(11, 600));
const MN = '123456789018';
const put = (rel: string, content: string | Buffer): void => {
  mkdirSync(join(corpus, rel, '..'), { recursive: true });
  writeFileSync(join(corpus, rel), content);
};
put('office/roster.xlsx', xlsx([[['氏名', 'マイナンバー', 'メール'], ['山田 太郎', MN, 'taro@example.com'], ['佐藤 花子', '234567890123', 'hanako@example.com']]]));
put('office/notice.docx', docx(['健康診断のお知らせ', [['氏名', '鈴木 一郎'], ['メール', 'ichiro@example.jp']]]));
put('logs/access.log.gz', gzipSync(Buffer.from('2025-01-01 login mail=log.user@example.net\n')));
put('empty.txt', '');
const row = (i: number): string => `${i},山田 太郎,user${i}@example.com,090-1234-${String(i % 10000).padStart(4, '0')}\n`;
let exact = 'id,氏名,メール,電話番号\n';
for (let i = 0; Buffer.byteLength(exact + row(i)) <= SMALL_FILE; i++) exact += row(i);
put('sizes/exactly-64k.csv', exact.padEnd(SMALL_FILE - (Buffer.byteLength(exact) - exact.length), ' '));
let large = 'id,氏名,メール,電話番号\n';
for (let i = 0; large.length < 300_000; i++) large += row(i);
put('sizes/large.csv', large);
symlinkSync(join(corpus, 'missing.csv'), join(corpus, 'dangling.csv'));

const FLAGS: ClassifyFlags = {
  format: 'jsonl', top: 100, lang: 'en', failOnPersonal: false, maxBytes: 64 * 1024 * 1024, maxDecompressed: 64 * 1024 * 1024, maxRatio: 100, maxEntries: 10000,
  timeLimit: 0, examples: 3, ocr: 'off', ocrMaxImages: 0, ocrTimeLimit: 0,
};

async function run(flags: Partial<ClassifyFlags>, paths = [corpus]): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runClassify(paths, { ...FLAGS, ...flags }, (t) => (text += t));
  return { code, text };
}

function jsonLines(text: string): { files: ClassifiedFile[]; summary: { record: string; total: ClassifyTotal } } {
  const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as { record: string } & Record<string, unknown>);
  const summary = lines.pop() as unknown as { record: string; total: ClassifyTotal };
  assert.equal(summary.record, 'summary');
  return { files: lines.map(({ record, ...f }) => (assert.equal(record, 'file'), f as unknown as ClassifiedFile)), summary };
}

/** Every regular file under `dir`, as the walk orders them (names in code-unit order, depth first). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((name) => {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        return [];
      }
      return st.isDirectory() ? filesUnder(p) : st.isFile() ? [p] : [];
    });
}

/** The result of each file through the per-file read stream (the path every file took before streaming). */
async function streamedOneByOne(limits: Partial<DecodeLimits>): Promise<Map<string, ClassifiedFile>> {
  const ledger = new PersonLedger();
  const out = new Map<string, ClassifiedFile>();
  for (const path of filesUnder(corpus)) {
    const { profile } = await classifyFileDetailed(path, { limits, maxExamples: 3, ledger, salt: ledger.salt });
    out.set(maskText(path), { ...profile, path: maskText(profile.path), notes: profile.notes.map(maskText), personalData: isPersonal(profile) });
  }
  return out;
}

describe('classify: streaming results', () => {
  for (const maxBytes of [64 * 1024 * 1024, 100]) {
    test(`every file's result equals the per-file read stream's (--max-bytes ${maxBytes})`, async () => {
      const { files } = jsonLines((await run({ maxBytes })).text);
      const reference = await streamedOneByOne({ maxBytes, maxDecompressedBytes: FLAGS.maxDecompressed, maxRatio: 100, maxZipEntries: 10000, timeBudgetMs: 0 });
      const read = files.filter((f) => !f.path.endsWith('dangling.csv'));
      assert.ok(read.length > 200, `${read.length} files`);
      assert.deepEqual(read.map((f) => f.path), [...reference.keys()], 'the same files in the same order');
      for (const f of read) assert.deepEqual(f, reference.get(f.path), f.path);
      // The in-memory path really was taken for the small files, the stream for the large one, and both found.
      if (maxBytes > 100) assert.ok(read.some((f) => f.format === 'xlsx' && f.detections.length > 0));
      if (maxBytes > 100) assert.ok(read.find((f) => f.path.endsWith('large.csv'))?.detections.some((d) => d.type === 'email' && d.count > 3000));
    });
  }

  test('JSON keeps the totals and the --top riskiest files; JSON Lines has every file and the same totals', async () => {
    const lines = jsonLines((await run({})).text);
    const json = JSON.parse((await run({ format: 'json', top: 5 })).text) as ClassifyReport;
    assert.deepEqual(json.total, lines.summary.total);
    assert.equal(json.total.files, lines.files.length);
    assert.equal(json.top, 5);
    assert.equal(json.files.length, 5);
    assert.equal(json.filesNotListed, lines.files.length - 5);
    // The 5 riskiest, riskiest first, ties in reading order.
    const key = (f: ClassifiedFile): string => riskOf(f).map((n) => String(n).padStart(8, '0')).join(' ');
    const ranked = lines.files.map((f, i) => ({ f, i })).sort((a, b) => (key(a.f) < key(b.f) ? 1 : key(a.f) > key(b.f) ? -1 : a.i - b.i)).map((x) => x.f);
    assert.deepEqual(json.files, ranked.slice(0, 5));
    assert.equal(json.files[0]?.classes[0], 'specific_personal_information');
    const none = JSON.parse((await run({ format: 'json', top: 0 })).text) as ClassifyReport;
    assert.deepEqual(none.files, []);
    assert.equal(none.filesNotListed, lines.files.length);
  });

  test('--format jsonl --out: the lines go into the file, which replaces the previous one whole; no temporary file is left', async () => {
    const outDir = join(root, 'out');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, 'classify.jsonl');
    writeFileSync(out, 'previous\n');
    const res = await run({ out });
    assert.equal(res.text, '');
    assert.equal(res.code, 3);
    const { files, summary } = jsonLines(readFileSync(out, 'utf8'));
    assert.equal(files.length, summary.total.files);
    assert.deepEqual(readdirSync(outDir), ['classify.jsonl']);
  });

  test('exit codes come from the totals in every format (a dangling link: 3; --fail-on-personal: 1)', async () => {
    for (const format of ['jsonl', 'json', 'table'] as const) {
      assert.equal((await run({ format })).code, 3, format);
      assert.equal((await run({ format, failOnPersonal: true })).code, 1, format);
    }
  });

  test('the table lists the --top riskiest files and says how many more are in the total, in English and Japanese', async () => {
    const en = (await run({ format: 'table', top: 2 })).text;
    const files = jsonLines((await run({})).text).files.length;
    assert.match(en, new RegExp(`^kumoscan .* — personal-data classification \\(${files} files\\)\\n`));
    assert.ok(en.includes(`The 2 riskiest files are shown; ${files - 2} more files are only in the total (--top changes the number, --format jsonl lists every file).`), en.slice(0, 2000));
    const ja = (await run({ format: 'table', top: 2, lang: 'ja' })).text;
    assert.ok(ja.includes(`リスクの高い順に 2 ファイルを表示。ほかの ${files - 2} ファイルは合計にのみ含まれます（--top で件数を変更、--format jsonl で全ファイルを出力）。`));
    const all = (await run({ format: 'table', top: 1_000_000 })).text;
    assert.ok(!all.includes('riskiest'));
  });
});
