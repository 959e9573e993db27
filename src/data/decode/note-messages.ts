// The notes a file profile carries about what was not (fully) read: a limit that tripped, a member not decoded, a read
// error (limits.ts, byte-source.ts, decode-stream.ts, zip.ts, pdf.ts, formats/*, the OCR reader, the classifier, the
// resource profile and the classify command's walk). Each note has a stable code and parameters; this is the one
// table of their wordings, English and Japanese side by side. A note is written with note(code, params), which
// gives its English (what profiles, snapshots and JSON reports store, unchanged from earlier kumoscan versions);
// noteText() shows a stored note in the reader's language, reading its code and parameters back with the pattern
// its English wording makes. A note about a member starts with the member's (masked) path and ': '
// (DecodeContext.notDecoded): the path is kept, quoted 「…」 in Japanese. A note outside this table (an older or
// newer kumoscan) is shown as written, quoted. test/unit/decode-notes.test.ts checks every code in both languages.
import type { Lang } from '../../model.js';

/** A parameter shown in Japanese through a formatter: `{what|stream}`. */
type Formatter = (value: string) => string;

/** The streams DecodeContext names in its notes (`what`). */
const STREAM_JA: Record<string, string> = {
  'gzip data': 'GZIP データ',
  'a zip entry': 'ZIP のエントリー',
  'a PDF stream': 'PDF のストリーム',
  PDF: 'PDF',
  'zip archive': 'ZIP アーカイブ',
};

const FORMATTERS: Record<string, Formatter> = {
  stream: (v) => STREAM_JA[v] ?? `「${v}」`,
  /** A binary's or a picture's type: `7z` → `7Z `, `unknown` → `形式不明の`. */
  type: (v) => (v === 'unknown' ? '形式不明の' : `${v.toUpperCase()} `),
  /** An error code (ENOENT, Z_BUF_ERROR) as it is; anything else (a library's message) quoted. */
  code: (v) => (/^[A-Z][A-Z0-9_]*$/.test(v) ? v : `「${v}」`),
  /** The subject of a sentence: `電子メールが`, `PDF が`. */
  subject: (v) => (v === 'e-mail' ? '電子メール' : `${STREAM_JA[v] ?? `「${v}」`} `),
  upper: (v) => v.toUpperCase(),
  content: (v) => (v === 'image' ? '画像' : v === 'binary' ? 'バイナリ' : `「${v}」`),
};

const BY_NAME = 'ファイル名のみで分類しました';

/** code → [English, Japanese]; `{name}` is a parameter, `{name|formatter}` one shown through FORMATTERS in Japanese. */
export const NOTE_MESSAGES = {
  // DecodeContext (limits.ts)
  'time-limit': ['time limit of {seconds} s per object reached (--time-limit); stopped reading', '1 オブジェクトあたりの時間上限 {seconds} 秒に達しました（--time-limit）。読み取りを停止しました'],
  'time-ran-out': ['the time allowed for this object ran out; stopped reading', 'このオブジェクトに使える時間が尽きたため、読み取りを停止しました'],
  'decompressed-limit': ['decompressed size limit of {limit} reached in {stream} (--max-decompressed); stopped', '{stream|stream}で展開後のサイズの上限 {limit} に達しました（--max-decompressed）。停止しました'],
  'zip-bomb': ['compression ratio of {stream} above {ratio}:1 (possible zip bomb, --max-ratio); stopped', '{stream|stream}の圧縮率が {ratio}:1 を超えました（ZIP 爆弾のおそれ、--max-ratio）。停止しました'],
  // reads (byte-source.ts, decode-stream.ts, formats)
  'read-limit': ['read limit of {limit} per object reached (--max-bytes); the rest was not read', '1 オブジェクトあたりの読み取り上限 {limit} に達しました（--max-bytes）。残りは読み取っていません'],
  'larger-than': ['{stream} larger than {limit}; only the first {limit} were decoded', '{stream|subject}が {limit} を超えるため、最初の {limit} のみ解読しました'],
  'sample-of': ['only the first {read} of {size} were read (a sample)', '{size} のうち最初の {read} のみ読み取りました（サンプル）'],
  sample: ['only the first {read} were read (a sample)', '最初の {read} のみ読み取りました（サンプル）'],
  'read-error': ['read error ({error}); decoded up to there', '読み取りエラー（{error|code}）。そこまでを解読しました'],
  'members-unnamed': ['{count} more members were not decoded (not named here)', 'ほかに {count} 個のメンバーを解読していません（ここでは名前を挙げません）'],
  'nested-too-deep': ['containers nested more than {depth} deep were not decoded', '{depth} 階層より深く入れ子になったコンテナーは解読していません'],
  unreadable: ['unreadable ({error}): not classified', '読み取れません（{error|code}）: 分類していません'],
  // zip, tar, gzip
  'zip-no-directory': ['zip central directory not found (a prefix or a cut file): entries read in file order', 'ZIP の中央ディレクトリが見つかりません（先頭部分のみ、または途切れたファイル）: エントリーをファイルの順に読みました'],
  'zip-entries': ['zip archive has {total} entries; only the first {max} were looked at (--max-entries)', 'ZIP アーカイブのエントリーは {total} 個あり、最初の {max} 個のみ調べました（--max-entries）'],
  'entries-over': ['{archive} archive has more than {max} entries; the rest were not looked at (--max-entries)', '{archive|upper} アーカイブのエントリーが {max} 個を超えたため、残りは調べていません（--max-entries）'],
  'zip-encrypted': ['encrypted zip entry: not decoded', '暗号化された ZIP のエントリー: 解読していません'],
  'zip-method': ['zip entry with compression method {method}: not decoded (only stored and deflate are read)', '圧縮方式 {method} の ZIP のエントリー: 解読していません（読むのは無圧縮と Deflate のみ）'],
  'zip-entry-corrupt': ['a zip entry is corrupt or cut ({error}); decoded up to there', 'ZIP のエントリーが壊れているか途切れています（{error|code}）。そこまでを解読しました'],
  'zip-no-local-header': ['zip entry whose local header was not found: not decoded', 'ローカルヘッダーが見つからない ZIP のエントリー: 解読していません'],
  'zip-cut': ['the zip archive is cut (a prefix of the object); its last entry is incomplete', 'ZIP アーカイブが途切れています（オブジェクトの先頭部分のみ）。最後のエントリーは不完全です'],
  'zip-no-descriptor': ['zip entry with a trailing size and no data descriptor found: the rest of the archive was not read', 'サイズが後置され、データ記述子の見つからない ZIP のエントリー: アーカイブの残りは読み取っていません'],
  'tar-cut': ['tar archive is corrupt or cut; decoded up to there', 'TAR アーカイブが壊れているか途切れています。そこまでを解読しました'],
  'tar-corrupt': ['tar archive is corrupt: not decoded', 'TAR アーカイブが壊れています: 解読していません'],
  'gzip-corrupt': ['gzip data is corrupt or cut ({error}); decoded up to there', 'GZIP データが壊れているか途切れています（{error|code}）。そこまでを解読しました'],
  // documents
  'xlsx-no-shared-strings': ['XLSX shared strings were not in the part read: text cells of the sheets were not decoded', 'XLSX の共有文字列が読み取った範囲にありません: シートの文字列のセルは解読していません'],
  'csv-record-long': ['CSV record longer than 1 Mi characters (unbalanced quote?): cut', '1 Mi 文字を超える CSV のレコード（引用符の対応の誤り？）: 切り詰めました'],
  'markup-long': ['markup construct longer than 1 Mi characters: skipped', '1 Mi 文字を超えるマークアップの構造: 読み飛ばしました'],
  'eml-unparsed': ['e-mail could not be parsed: not decoded', '電子メールを解析できませんでした: 解読していません'],
  ole: ['legacy Office (OLE) file: not decoded; classified by file name only (no safe reader for .xls/.doc/.ppt)', `旧形式の Office（OLE）ファイル: 解読せず、${BY_NAME}（.xls/.doc/.ppt を安全に読む手段がありません）`],
  // PDF
  'pdf-ocr-failed': ['OCR of an image-only PDF page failed ({error})', '画像のみの PDF ページの OCR に失敗しました（{error|code}）'],
  'pdf-image-partial': ['an image of a PDF page was not fully read (OCR)', 'PDF ページの画像を最後まで読み取れませんでした（OCR）'],
  'pdf-cut': ['PDF cut before its page objects (a sample or --max-bytes): its text was not read', 'PDF がページオブジェクトの前で途切れています（サンプルまたは --max-bytes）: テキストは読み取っていません'],
  'pdf-reader-missing': ['PDF reader (pdf.js) could not be loaded; the PDF was not decoded', 'PDF リーダー（pdf.js）を読み込めなかったため、PDF は解読していません'],
  'pdf-encrypted': ['encrypted PDF: the text layer was not extracted', '暗号化された PDF: テキスト層は取り出していません'],
  'pdf-unreadable': ['PDF could not be read ({error}); not decoded', 'PDF を読み取れませんでした（{error|code}）。解読していません'],
  'pdf-pages': ['PDF has {count} pages; only the first {max} were read', 'PDF は {count} ページあり、最初の {max} ページのみ読み取りました'],
  'pdf-pages-in-a-row': ['PDF: {failed} pages in a row could not be opened; the other {rest} were not tried', 'PDF: {failed} ページ続けて開けなかったため、残りの {rest} ページは試していません'],
  'pdf-pages-broken': ['PDF: {count} page(s) could not be read (broken or cyclic page objects)', 'PDF: {count} ページを読み取れませんでした（壊れたか循環するページオブジェクト）'],
  'pdf-fonts': ['PDF: {count} text runs use fonts without a Unicode map (e.g. Identity-H without ToUnicode) and were not decoded', 'PDF: Unicode の対応表がないフォント（例: ToUnicode のない Identity-H）を使うテキスト {count} 個は解読していません'],
  'pdf-image-only-ocr-off': ['{count} image-only PDF page(s): no text layer; OCR off', '画像のみの PDF ページ {count} ページ: テキスト層がなく、OCR はオフです'],
  'pdf-large-images': ['PDF: {count} page(s) without text hold images above {mp} MP, not read', 'PDF: テキストのない {count} ページに {mp} MP を超える画像があり、読み取っていません'],
  'pdf-stream-inflates': ['a PDF stream inflates beyond the decompressed size limit (--max-decompressed); stopped', 'PDF のストリームの展開後のサイズが上限を超えます（--max-decompressed）。停止しました'],
  // binaries and pictures
  'content-by-name': ['{kind} content: not decoded; classified by file name only', `{kind|content}の内容: 解読せず、${BY_NAME}`],
  'binary-type': ['{type} binary: content not decoded; classified by file name only', `{type|type}バイナリ: 内容は解読せず、${BY_NAME}`],
  heic: ['HEIC image: not decoded (no decoder); classified by file name only', `HEIC 画像: デコーダーがないため解読せず、${BY_NAME}`],
  heif: ['HEIC/HEIF image: not decoded (no HEIC decoder is installed); classified by file name only', `HEIC/HEIF 画像: HEIC のデコーダーが導入されていないため解読せず、${BY_NAME}`],
  'image-type': ['{type} image: content not decoded; classified by file name only', `{type|type}画像: 内容は解読せず、${BY_NAME}`],
  'image-ocr-format': ['{type} image: a format OCR does not read; classified by file name only', `{type|type}画像: OCR で読めない形式のため、${BY_NAME}`],
  'ocr-incomplete': ['text recognition (OCR) of the image did not finish; counts are lower bounds', '画像の文字認識（OCR）が終わらなかったため、件数は下限です'],
  'ocr-failed': ['text recognition (OCR) failed ({error}); classified by file name only', `文字認識（OCR）に失敗しました（{error|code}）。${BY_NAME}`],
  'image-too-large': ['image larger than {limit}: not read by OCR; classified by file name only', `{limit} を超える画像: OCR で読み取らず、${BY_NAME}`],
  'image-read-error': ['read error ({error}): not read by OCR; classified by file name only', `読み取りエラー（{error|code}）: OCR で読み取らず、${BY_NAME}`],
  'image-partial': ['only part of the image was read: not read by OCR; classified by file name only', `画像の一部しか読み取れませんでした: OCR で読み取らず、${BY_NAME}`],
  // the OCR reader (src/data/ocr/reader.ts)
  'ocr-max-images': ['OCR limit of {max} images reached (--ocr-max-images): {count} {images} not read so far', 'OCR の画像数の上限 {max} 枚に達しました（--ocr-max-images）: これまでに {count} 枚を読み取っていません'],
  'ocr-time-limit': ['OCR time limit of {seconds} s spent (--ocr-time-limit): {count} {images} not read so far', 'OCR の時間上限 {seconds} 秒を使い切りました（--ocr-time-limit）: これまでに {count} 枚を読み取っていません'],
  'ocr-no-pixels': ['an image with no pixels: not read by OCR', '画素のない画像: OCR で読み取っていません'],
  'ocr-format-unknown': ['image format not recognized (or the file is cut): not read by OCR', '画像の形式を認識できません（またはファイルが途切れています）: OCR で読み取っていません'],
  'ocr-too-many-pixels': ['image of {mp} megapixels is above the OCR limit of {max}: not read', '{mp} メガピクセルの画像は OCR の上限 {max} を超えます: 読み取っていません'],
  'ocr-no-time': ['no time left for OCR of this image (the time per object ran out): not read', 'この画像の OCR に使える時間が残っていません（オブジェクトごとの時間が尽きました）: 読み取っていません'],
  'ocr-decode-failed': ['OCR could not decode an image (corrupt or unsupported data): not read', 'OCR で画像をデコードできませんでした（壊れたデータか未対応の形式）: 読み取っていません'],
  'ocr-pixels-inconsistent': ['image pixels inconsistent with its dimensions: not read by OCR', '画素数が画像の寸法と合いません: OCR で読み取っていません'],
  'ocr-timeout': ['OCR of an image took longer than {seconds} s: stopped, not read', '画像の OCR が {seconds} 秒を超えました: 停止し、読み取っていません'],
  'ocr-cpu-timeout': ['OCR of an image used more than {seconds} s of CPU time: stopped, not read', '画像の OCR が CPU 時間 {seconds} 秒を超えました: 停止し、読み取っていません'],
  // the classifier and the classify command
  'persons-lower-bound': ['more than {cap} distinct identifiers: persons is a lower bound', '異なる識別子が {cap} 個を超えました: 本人の数は下限です'],
  'content-not-read': ['content not read: classified by file name only', `内容は読み取らず、${BY_NAME}`],
  'broken-symlink': ['broken symbolic link: not classified', 'リンク先のないシンボリックリンク: 分類していません'],
  'not-regular-file': ['not a regular file (device, FIFO or socket): not read', '通常のファイルではありません（デバイス、FIFO またはソケット）: 読み取っていません'],
  'directory-unreadable': ['directory unreadable ({error}): its files were not classified', 'ディレクトリを読み取れません（{error|code}）: その中のファイルは分類していません'],
  // a resource's data profile (resource-profile.ts)
  'objects-partly-read': ['some objects were read only in part, so their counts are lower bounds', '一部のオブジェクトは途中までしか読んでいないため、その数は下限です'],
  'dedup-full': ['the de-duplication set was full, so the sample count is a lower bound', '重複除去の集合が上限に達したため、サンプルの数は下限です'],
} as const satisfies Record<string, readonly [en: string, ja: string]>;

export type NoteCode = keyof typeof NOTE_MESSAGES;
export type NoteParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)(?:\|(\w+))?\}/g;

function fill(template: string, params: NoteParams, lang: Lang): string {
  return template.replace(PLACEHOLDER, (whole, name: string, formatter: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    const text = String(value);
    return lang === 'ja' && formatter !== undefined ? (FORMATTERS[formatter]?.(text) ?? text) : text;
  });
}

/** A note's English, as profiles store it: note('pdf-pages', { count: 900, max: 500 }). */
export function note(code: NoteCode, params: NoteParams = {}): string {
  return fill(NOTE_MESSAGES[code][0], params, 'en');
}

/** The parameter names of a wording, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** The pattern an English wording makes: each parameter a group; a parameter used twice must be the same text. */
function patternOf(en: string): RegExp {
  const seen = new Set<string>();
  let source = '^';
  let last = 0;
  for (const m of en.matchAll(PLACEHOLDER)) {
    source += en.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const name = m[1] as string;
    source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>.+?)`;
    seen.add(name);
    last = m.index + m[0].length;
  }
  return new RegExp(`${source}${en.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 's');
}

const PATTERNS = (Object.entries(NOTE_MESSAGES) as [NoteCode, readonly [string, string]][]).map(([code, [en]]) => ({ code, re: patternOf(en) }));

/** A stored note read back: its code and parameters, or undefined for a wording outside the table. */
export function parseNote(text: string): { code: NoteCode; params: NoteParams } | undefined {
  for (const { code, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { code, params: { ...m.groups } };
  }
  return undefined;
}

function whole(text: string, lang: Lang): string | undefined {
  const parsed = parseNote(text);
  return parsed ? fill(NOTE_MESSAGES[parsed.code][lang === 'ja' ? 1 : 0], parsed.params, lang) : undefined;
}

/** A stored note in the reader's language; `member: reason` keeps the member's path (quoted in Japanese). */
export function noteText(stored: string, lang: Lang): string {
  if (lang === 'en') return stored;
  const direct = whole(stored, lang);
  if (direct !== undefined) return direct;
  for (let i = stored.indexOf(': '); i > 0; i = stored.indexOf(': ', i + 1)) {
    const reason = whole(stored.slice(i + 2), lang);
    if (reason !== undefined) return `「${stored.slice(0, i)}」: ${reason}`;
  }
  return `「${stored}」`;
}

/** A decode note in Japanese (noteText(note, 'ja')). */
export function decodeNoteJa(stored: string): string {
  return noteText(stored, 'ja');
}
