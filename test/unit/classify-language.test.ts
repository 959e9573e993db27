// Issue 14, item 4: `kumoscan classify --lang ja` is Japanese throughout — headings, detector names, formats, the
// persons basis and every decode note (a limit, a container too deep, a member not decoded, a broken link) — and
// `--lang en` holds no Japanese beyond file names and the legal terms. The decode notes' catalogue covers every
// wording the decoders write (src/data/decode/notes-ja.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { decodeNoteJa } from '../../src/data/decode/note-messages.js';
import { packagePath } from '../../src/package-info.js';
import { runCli } from '../helpers/cli.js';
import { myNumber } from '../helpers/containers.js';
import { englishWords, japaneseOutsideTerms } from '../helpers/language-words.js';
import { zip } from '../helpers/office-fixtures.js';

const CSV = `氏名,マイナンバー\n山田 太郎,${myNumber('12345678901')}\n佐藤 花子,${myNumber('23456789012')}\n`;

function nested(depth: number): Buffer {
  let inner = zip([{ name: 'employees.csv', data: CSV }]);
  for (let i = depth - 1; i >= 1; i--) inner = zip([{ name: `level${i}.zip`, data: inner }]);
  return inner;
}

/** Files that each leave a different note: nested too deep, legacy Office, a 7z, a cut gzip, too many entries, a broken link. */
function partialDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kumoscan-lang-'));
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
  writeFileSync(join(d, 'export.zip'), nested(4));
  writeFileSync(join(d, 'payroll.zip'), zip([{ name: '給与台帳.xls', data: ole }, { name: 'readme.txt', data: 'payroll export\n' }]));
  writeFileSync(join(d, 'many.zip'), zip([1, 2, 3, 4].map((i) => ({ name: `part${i}.csv`, data: CSV }))));
  writeFileSync(join(d, 'backup.7z'), Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), Buffer.alloc(512)]));
  const gz = gzipSync(Buffer.from(CSV.repeat(50)));
  writeFileSync(join(d, 'cut.csv.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  writeFileSync(join(d, 'contacts.txt'), '連絡先一覧\n代表 03-1234-5678\n営業 06-2345-6789\n');
  symlinkSync(join(d, 'gone.csv'), join(d, 'link.csv'));
  mkdirSync(join(d, 'empty-dir'));
  return d;
}

/** The table without the file names (the user's own names, in any language) at the start of the file lines. */
async function table(path: string, lang: 'ja' | 'en'): Promise<{ code: number | null; lines: string[] }> {
  const res = await runCli(['classify', path, '--lang', lang, '--examples', '0', '--max-entries', '3', '--ocr', 'off']);
  assert.equal(res.stderr, '');
  const lines = res.stdout.split('\n').map((l) => (l.startsWith(path) ? l.replace(/^\S.*?  /, '') : l));
  return { code: res.code, lines };
}

describe('classify: each language whole', () => {
  const examples = 'examples/exports';
  const partial = partialDir();

  for (const path of [examples, partial]) {
    test(`--lang ja on ${path === examples ? 'the example export' : 'files with decode notes'}: no English prose`, async () => {
      const { lines } = await table(path, 'ja');
      assert.deepEqual(lines.filter((l) => englishWords(l).length > 0), []);
      assert.ok(lines.some((l) => /^ {2}本人の数: 2|^ {2}本人の数: 50/.test(l)), lines.join('\n'));
    });

    test(`--lang en on ${path === examples ? 'the example export' : 'files with decode notes'}: no Japanese beyond names and legal terms`, async () => {
      const { lines } = await table(path, 'en');
      // 給与台帳.xls: a member's name, the user's own
      assert.deepEqual(lines.filter((l) => japaneseOutsideTerms(l.replace('給与台帳.xls', '')).length > 0), []);
    });
  }

  test('--lang ja: the notes of files read in part, in Japanese, member names kept and quoted', async () => {
    const { code, lines } = await table(partial, 'ja');
    assert.equal(code, 3);
    const notes = lines.filter((l) => l.startsWith('  注記: '));
    for (const expected of [
      '  注記: 「level1.zip/level2.zip/level3.zip」: 3 階層より深く入れ子になったコンテナーは解読していません',
      '  注記: 「給与台帳.xls」: 旧形式の Office（OLE）ファイル: 解読せず、ファイル名のみで分類しました（.xls/.doc/.ppt を安全に読む手段がありません）',
      '  注記: ZIP アーカイブのエントリーは 4 個あり、最初の 3 個のみ調べました（--max-entries）',
      '  注記: 7Z バイナリ: 内容は解読せず、ファイル名のみで分類しました',
      '  注記: リンク先のないシンボリックリンク: 分類していません',
    ]) {
      assert.ok(notes.includes(expected), `${expected}\n in\n${notes.join('\n')}`);
    }
    assert.ok(notes.some((l) => l.startsWith('  注記: GZIP データが壊れているか途切れています（')), notes.join('\n'));
    assert.deepEqual(notes.filter((l) => l.includes('「') && !/^ {2}注記: 「[^」]+」: /.test(l) && !/（「[^」]+」）/.test(l)), [], 'no note left untranslated');
    assert.ok(lines.some((l) => /^ {2}ファイル 7（読み取り [\d.]+ (?:KiB|B)）、個人データあり 2、一部のみ読み取り 5、読み取り不可 1$/.test(l)), lines.join('\n'));
  });

  test('--lang ja: detectors by their Japanese names, formats without English words', async () => {
    const { lines } = await table(examples, 'ja');
    assert.ok(lines.some((l) => /^ {2}個人番号（マイナンバー） +高 +50 +$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('［utf-8、CSV］  個人データあり: ')), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('［utf-8、テキスト］  個人データは見つかりません')), lines.join('\n'));
    assert.ok(lines.includes('  本人の数: 50（行ごとに次の項目で重複を除去: 個人番号（マイナンバー） 50）'), lines.join('\n'));
    assert.ok(!lines.some((l) => /my_number|person_name/.test(l)));
  });

  test('--lang en keeps the ids and the English notes', async () => {
    const { lines } = await table(partial, 'en');
    assert.ok(lines.includes('  note: level1.zip/level2.zip/level3.zip: containers nested more than 3 deep were not decoded'), lines.join('\n'));
    assert.ok(lines.some((l) => /^ {2}my_number \(My Number \(個人番号\)\) +high +6 +$/.test(l)), lines.join('\n'));
  });
});

/** Note wordings written as literals in src/ instead of note(code, params) (src/data/decode/note-messages.ts). */
function noteLiterals(): string[] {
  const out = new Set<string>();
  const re = /(?:\.(?:note|cut|stop)\(|unread\(env, |skipped\(|notDecoded\(memberLabel\([^)]*\), |notes: \[|notes\.push\(|const CUT = |note: )['`]([^'`$][^'`]*)['`]/g;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(re)) out.add(m[1] as string);
    }
  };
  walk(packagePath('src'));
  return [...out];
}

describe('decode notes in Japanese', () => {
  test('no note is written as a literal in src/: each has its code in the message table', () => {
    assert.deepEqual(noteLiterals(), []);
  });

  test('every note written from a template, with its numbers, codes and member names', () => {
    const cases: [string, string][] = [
      ['time limit of 30 s per object reached (--time-limit); stopped reading', '1 オブジェクトあたりの時間上限 30 秒に達しました（--time-limit）。読み取りを停止しました'],
      ['decompressed size limit of 64 MiB reached in a zip entry (--max-decompressed); stopped', 'ZIP のエントリーで展開後のサイズの上限 64 MiB に達しました（--max-decompressed）。停止しました'],
      ['compression ratio of gzip data above 100:1 (possible zip bomb, --max-ratio); stopped', 'GZIP データの圧縮率が 100:1 を超えました（ZIP 爆弾のおそれ、--max-ratio）。停止しました'],
      ['read limit of 8 MiB per object reached (--max-bytes); the rest was not read', '1 オブジェクトあたりの読み取り上限 8 MiB に達しました（--max-bytes）。残りは読み取っていません'],
      ['PDF larger than 64 MiB; only the first 64 MiB were decoded', 'PDF が 64 MiB を超えるため、最初の 64 MiB のみ解読しました'],
      ['e-mail larger than 16 MiB; only the first 16 MiB were decoded', '電子メールが 16 MiB を超えるため、最初の 16 MiB のみ解読しました'],
      ['only the first 1 MiB of 3.5 MiB were read (a sample)', '3.5 MiB のうち最初の 1 MiB のみ読み取りました（サンプル）'],
      ['only the first 1 MiB were read (a sample)', '最初の 1 MiB のみ読み取りました（サンプル）'],
      ['read error (ECONNRESET); decoded up to there', '読み取りエラー（ECONNRESET）。そこまでを解読しました'],
      ['gzip data is corrupt or cut (unexpected end of file); decoded up to there', 'GZIP データが壊れているか途切れています（「unexpected end of file」）。そこまでを解読しました'],
      ['24 more members were not decoded (not named here)', 'ほかに 24 個のメンバーを解読していません（ここでは名前を挙げません）'],
      ['a/b.zip: containers nested more than 3 deep were not decoded', '「a/b.zip」: 3 階層より深く入れ子になったコンテナーは解読していません'],
      ['unreadable (EACCES): not classified', '読み取れません（EACCES）: 分類していません'],
      ['directory unreadable (EACCES): its files were not classified', 'ディレクトリを読み取れません（EACCES）: その中のファイルは分類していません'],
      ['zip archive has 12 entries; only the first 10 were looked at (--max-entries)', 'ZIP アーカイブのエントリーは 12 個あり、最初の 10 個のみ調べました（--max-entries）'],
      ['tar archive has more than 10 entries; the rest were not looked at (--max-entries)', 'TAR アーカイブのエントリーが 10 個を超えたため、残りは調べていません（--max-entries）'],
      ['x.zip: zip entry with compression method 14: not decoded (only stored and deflate are read)', '「x.zip」: 圧縮方式 14 の ZIP のエントリー: 解読していません（読むのは無圧縮と Deflate のみ）'],
      ['a zip entry is corrupt or cut (Z_DATA_ERROR); decoded up to there', 'ZIP のエントリーが壊れているか途切れています（Z_DATA_ERROR）。そこまでを解読しました'],
      ['OCR of an image-only PDF page failed (Error)', '画像のみの PDF ページの OCR に失敗しました（「Error」）'],
      ['PDF could not be read (InvalidPDFException); not decoded', 'PDF を読み取れませんでした（「InvalidPDFException」）。解読していません'],
      ['PDF has 900 pages; only the first 500 were read', 'PDF は 900 ページあり、最初の 500 ページのみ読み取りました'],
      ['PDF: 20 pages in a row could not be opened; the other 80 were not tried', 'PDF: 20 ページ続けて開けなかったため、残りの 80 ページは試していません'],
      ['PDF: 2 page(s) could not be read (broken or cyclic page objects)', 'PDF: 2 ページを読み取れませんでした（壊れたか循環するページオブジェクト）'],
      ['PDF: 7 text runs use fonts without a Unicode map (e.g. Identity-H without ToUnicode) and were not decoded', 'PDF: Unicode の対応表がないフォント（例: ToUnicode のない Identity-H）を使うテキスト 7 個は解読していません'],
      ['3 image-only PDF page(s): no text layer; OCR off', '画像のみの PDF ページ 3 ページ: テキスト層がなく、OCR はオフです'],
      ['PDF: 1 page(s) without text hold images above 40 MP, not read', 'PDF: テキストのない 1 ページに 40 MP を超える画像があり、読み取っていません'],
      ['sqlite binary: content not decoded; classified by file name only', 'SQLITE バイナリ: 内容は解読せず、ファイル名のみで分類しました'],
      ['unknown binary: content not decoded; classified by file name only', '形式不明のバイナリ: 内容は解読せず、ファイル名のみで分類しました'],
      ['image content: not decoded; classified by file name only', '画像の内容: 解読せず、ファイル名のみで分類しました'],
      ['svg image: content not decoded; classified by file name only', 'SVG 画像: 内容は解読せず、ファイル名のみで分類しました'],
      ['heic image: a format OCR does not read; classified by file name only', 'HEIC 画像: OCR で読めない形式のため、ファイル名のみで分類しました'],
      ['text recognition (OCR) failed (ENOMEM); classified by file name only', '文字認識（OCR）に失敗しました（ENOMEM）。ファイル名のみで分類しました'],
      ['image larger than 32 MiB: not read by OCR; classified by file name only', '32 MiB を超える画像: OCR で読み取らず、ファイル名のみで分類しました'],
      ['read error (EIO): not read by OCR; classified by file name only', '読み取りエラー（EIO）: OCR で読み取らず、ファイル名のみで分類しました'],
      ['OCR limit of 200 images reached (--ocr-max-images): 1 image not read so far', 'OCR の画像数の上限 200 枚に達しました（--ocr-max-images）: これまでに 1 枚を読み取っていません'],
      ['OCR time limit of 300 s spent (--ocr-time-limit): 12 images not read so far', 'OCR の時間上限 300 秒を使い切りました（--ocr-time-limit）: これまでに 12 枚を読み取っていません'],
      ['image of 52.4 megapixels is above the OCR limit of 40: not read', '52.4 メガピクセルの画像は OCR の上限 40 を超えます: 読み取っていません'],
      ['OCR of an image took longer than 20 s: stopped, not read', '画像の OCR が 20 秒を超えました: 停止し、読み取っていません'],
      ['OCR of an image used more than 20 s of CPU time: stopped, not read', '画像の OCR が CPU 時間 20 秒を超えました: 停止し、読み取っていません'],
      ['more than 100,000 distinct identifiers: persons is a lower bound', '異なる識別子が 100,000 個を超えました: 本人の数は下限です'],
    ];
    for (const [en, ja] of cases) {
      assert.equal(decodeNoteJa(en), ja);
      assert.deepEqual(englishWords(ja), [], ja);
    }
    assert.equal(decodeNoteJa('a future wording'), '「a future wording」');
  });
});
