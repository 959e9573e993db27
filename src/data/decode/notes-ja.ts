// The Japanese of a decode note: what a file profile says about a limit that tripped, a member not decoded, a read
// error (limits.ts, byte-source.ts, decode-stream.ts, zip.ts, pdf.ts, formats/*, the OCR reader, the classifier and
// the classify command's walk). Notes are stored in English in profiles, snapshots and JSON reports; they are fixed
// sentences with numbers, limit names and error codes, so each wording is rendered here, as persons-basis-ja.ts does
// for the persons basis. A note about a member starts with its (masked) path and ': ' (DecodeContext.notDecoded):
// the path is kept, quoted 「…」. A wording outside this table (a future one, an older report) is kept as written,
// quoted 「…」; test/unit/decode-notes-ja.test.ts checks that every note written in src/ has its entry.
const X = '(.+?)';
const N = '([\\d,.]+)';
/** A binary's or a picture's type (`7z`, `sqlite`, `svg`, `unknown`). */
const TYPE = '([\\w-]+)';

/** The streams DecodeContext names in its notes (`what`). */
const STREAM_JA: Record<string, string> = {
  'gzip data': 'GZIP データ',
  'a zip entry': 'ZIP のエントリー',
  'a PDF stream': 'PDF のストリーム',
  PDF: 'PDF',
  'zip archive': 'ZIP アーカイブ',
};

function streamJa(what: string): string {
  return STREAM_JA[what] ?? `「${what}」`;
}

/** `7z`, `sqlite`, `unknown` (a binary's or a picture's type). */
function typeJa(type: string): string {
  return type === 'unknown' ? '形式不明の' : `${type.toUpperCase()} `;
}

/** An error code (ENOENT, Z_BUF_ERROR) as it is; anything else (a library's message) quoted. */
function codeJa(code: string): string {
  return /^[A-Z][A-Z0-9_]*$/.test(code) ? code : `「${code}」`;
}

const BY_NAME = 'ファイル名のみで分類しました';

const NOTES: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  // DecodeContext (limits.ts)
  [new RegExp(`^time limit of ${N} s per object reached \\(--time-limit\\); stopped reading$`), (m) => `1 オブジェクトあたりの時間上限 ${m[1]} 秒に達しました（--time-limit）。読み取りを停止しました`],
  [/^the time allowed for this object ran out; stopped reading$/, () => 'このオブジェクトに使える時間が尽きたため、読み取りを停止しました'],
  [new RegExp(`^decompressed size limit of ${X} reached in ${X} \\(--max-decompressed\\); stopped$`), (m) => `${streamJa(m[2]!)}で展開後のサイズの上限 ${m[1]} に達しました（--max-decompressed）。停止しました`],
  [new RegExp(`^compression ratio of ${X} above ${N}:1 \\(possible zip bomb, --max-ratio\\); stopped$`), (m) => `${streamJa(m[1]!)}の圧縮率が ${m[2]}:1 を超えました（ZIP 爆弾のおそれ、--max-ratio）。停止しました`],
  // reads (byte-source.ts, decode-stream.ts, formats)
  [new RegExp(`^read limit of ${X} per object reached \\(--max-bytes\\); the rest was not read$`), (m) => `1 オブジェクトあたりの読み取り上限 ${m[1]} に達しました（--max-bytes）。残りは読み取っていません`],
  [new RegExp(`^(e-mail|PDF|zip archive) larger than ${X}; only the first ${X} were decoded$`), (m) => `${m[1] === 'e-mail' ? '電子メール' : `${streamJa(m[1]!)} `}が ${m[2]} を超えるため、最初の ${m[3]} のみ解読しました`],
  [new RegExp(`^only the first ${X} of ${X} were read \\(a sample\\)$`), (m) => `${m[2]} のうち最初の ${m[1]} のみ読み取りました（サンプル）`],
  [new RegExp(`^only the first ${X} were read \\(a sample\\)$`), (m) => `最初の ${m[1]} のみ読み取りました（サンプル）`],
  [new RegExp(`^read error \\(${X}\\); decoded up to there$`), (m) => `読み取りエラー（${codeJa(m[1]!)}）。そこまでを解読しました`],
  [new RegExp(`^${N} more members were not decoded \\(not named here\\)$`), (m) => `ほかに ${m[1]} 個のメンバーを解読していません（ここでは名前を挙げません）`],
  [new RegExp(`^containers nested more than ${N} deep were not decoded$`), (m) => `${m[1]} 階層より深く入れ子になったコンテナーは解読していません`],
  [new RegExp(`^unreadable \\(${X}\\): not classified$`), (m) => `読み取れません（${codeJa(m[1]!)}）: 分類していません`],
  // zip, tar, gzip
  [/^zip central directory not found \(a prefix or a cut file\): entries read in file order$/, () => 'ZIP の中央ディレクトリが見つかりません（先頭部分のみ、または途切れたファイル）: エントリーをファイルの順に読みました'],
  [new RegExp(`^zip archive has ${N} entries; only the first ${N} were looked at \\(--max-entries\\)$`), (m) => `ZIP アーカイブのエントリーは ${m[1]} 個あり、最初の ${m[2]} 個のみ調べました（--max-entries）`],
  [new RegExp(`^(zip|tar) archive has more than ${N} entries; the rest were not looked at \\(--max-entries\\)$`), (m) => `${m[1]!.toUpperCase()} アーカイブのエントリーが ${m[2]} 個を超えたため、残りは調べていません（--max-entries）`],
  [/^encrypted zip entry: not decoded$/, () => '暗号化された ZIP のエントリー: 解読していません'],
  [new RegExp(`^zip entry with compression method ${N}: not decoded \\(only stored and deflate are read\\)$`), (m) => `圧縮方式 ${m[1]} の ZIP のエントリー: 解読していません（読むのは無圧縮と Deflate のみ）`],
  [new RegExp(`^a zip entry is corrupt or cut \\(${X}\\); decoded up to there$`), (m) => `ZIP のエントリーが壊れているか途切れています（${codeJa(m[1]!)}）。そこまでを解読しました`],
  [/^zip entry whose local header was not found: not decoded$/, () => 'ローカルヘッダーが見つからない ZIP のエントリー: 解読していません'],
  [/^the zip archive is cut \(a prefix of the object\); its last entry is incomplete$/, () => 'ZIP アーカイブが途切れています（オブジェクトの先頭部分のみ）。最後のエントリーは不完全です'],
  [/^zip entry with a trailing size and no data descriptor found: the rest of the archive was not read$/, () => 'サイズが後置され、データ記述子の見つからない ZIP のエントリー: アーカイブの残りは読み取っていません'],
  [/^tar archive is corrupt or cut; decoded up to there$/, () => 'TAR アーカイブが壊れているか途切れています。そこまでを解読しました'],
  [/^tar archive is corrupt: not decoded$/, () => 'TAR アーカイブが壊れています: 解読していません'],
  [new RegExp(`^gzip data is corrupt or cut \\(${X}\\); decoded up to there$`), (m) => `GZIP データが壊れているか途切れています（${codeJa(m[1]!)}）。そこまでを解読しました`],
  // documents
  [/^XLSX shared strings were not in the part read: text cells of the sheets were not decoded$/, () => 'XLSX の共有文字列が読み取った範囲にありません: シートの文字列のセルは解読していません'],
  [/^CSV record longer than 1 Mi characters \(unbalanced quote\?\): cut$/, () => '1 Mi 文字を超える CSV のレコード（引用符の対応の誤り？）: 切り詰めました'],
  [/^markup construct longer than 1 Mi characters: skipped$/, () => '1 Mi 文字を超えるマークアップの構造: 読み飛ばしました'],
  [/^e-mail could not be parsed: not decoded$/, () => '電子メールを解析できませんでした: 解読していません'],
  [/^legacy Office \(OLE\) file: not decoded; classified by file name only \(no safe reader for \.xls\/\.doc\/\.ppt\)$/, () => `旧形式の Office（OLE）ファイル: 解読せず、${BY_NAME}（.xls/.doc/.ppt を安全に読む手段がありません）`],
  // PDF
  [new RegExp(`^OCR of an image-only PDF page failed \\(${X}\\)$`), (m) => `画像のみの PDF ページの OCR に失敗しました（${codeJa(m[1]!)}）`],
  [/^an image of a PDF page was not fully read \(OCR\)$/, () => 'PDF ページの画像を最後まで読み取れませんでした（OCR）'],
  [/^PDF cut before its page objects \(a sample or --max-bytes\): its text was not read$/, () => 'PDF がページオブジェクトの前で途切れています（サンプルまたは --max-bytes）: テキストは読み取っていません'],
  [/^PDF reader \(pdf\.js\) could not be loaded; the PDF was not decoded$/, () => 'PDF リーダー（pdf.js）を読み込めなかったため、PDF は解読していません'],
  [/^encrypted PDF: the text layer was not extracted$/, () => '暗号化された PDF: テキスト層は取り出していません'],
  [new RegExp(`^PDF could not be read \\(${X}\\); not decoded$`), (m) => `PDF を読み取れませんでした（${codeJa(m[1]!)}）。解読していません`],
  [new RegExp(`^PDF has ${N} pages; only the first ${N} were read$`), (m) => `PDF は ${m[1]} ページあり、最初の ${m[2]} ページのみ読み取りました`],
  [new RegExp(`^PDF: ${N} pages in a row could not be opened; the other ${N} were not tried$`), (m) => `PDF: ${m[1]} ページ続けて開けなかったため、残りの ${m[2]} ページは試していません`],
  [new RegExp(`^PDF: ${N} page\\(s\\) could not be read \\(broken or cyclic page objects\\)$`), (m) => `PDF: ${m[1]} ページを読み取れませんでした（壊れたか循環するページオブジェクト）`],
  [
    new RegExp(`^PDF: ${N} text runs use fonts without a Unicode map \\(e\\.g\\. Identity-H without ToUnicode\\) and were not decoded$`),
    (m) => `PDF: Unicode の対応表がないフォント（例: ToUnicode のない Identity-H）を使うテキスト ${m[1]} 個は解読していません`,
  ],
  [new RegExp(`^${N} image-only PDF page\\(s\\): no text layer; OCR off$`), (m) => `画像のみの PDF ページ ${m[1]} ページ: テキスト層がなく、OCR はオフです`],
  [new RegExp(`^PDF: ${N} page\\(s\\) without text hold images above ${N} MP, not read$`), (m) => `PDF: テキストのない ${m[1]} ページに ${m[2]} MP を超える画像があり、読み取っていません`],
  [/^a PDF stream inflates beyond the decompressed size limit \(--max-decompressed\); stopped$/, () => 'PDF のストリームの展開後のサイズが上限を超えます（--max-decompressed）。停止しました'],
  // binaries and pictures
  [/^(image|binary) content: not decoded; classified by file name only$/, (m) => `${m[1] === 'image' ? '画像' : 'バイナリ'}の内容: 解読せず、${BY_NAME}`],
  [new RegExp(`^${TYPE} binary: content not decoded; classified by file name only$`), (m) => `${typeJa(m[1]!)}バイナリ: 内容は解読せず、${BY_NAME}`],
  [/^HEIC image: not decoded \(no decoder\); classified by file name only$/, () => `HEIC 画像: デコーダーがないため解読せず、${BY_NAME}`],
  [new RegExp(`^${TYPE} image: content not decoded; classified by file name only$`), (m) => `${typeJa(m[1]!)}画像: 内容は解読せず、${BY_NAME}`],
  [new RegExp(`^${TYPE} image: a format OCR does not read; classified by file name only$`), (m) => `${typeJa(m[1]!)}画像: OCR で読めない形式のため、${BY_NAME}`],
  [/^text recognition \(OCR\) of the image did not finish; counts are lower bounds$/, () => '画像の文字認識（OCR）が終わらなかったため、件数は下限です'],
  [new RegExp(`^text recognition \\(OCR\\) failed \\(${X}\\); classified by file name only$`), (m) => `文字認識（OCR）に失敗しました（${codeJa(m[1]!)}）。${BY_NAME}`],
  [new RegExp(`^image larger than ${X}: not read by OCR; classified by file name only$`), (m) => `${m[1]} を超える画像: OCR で読み取らず、${BY_NAME}`],
  [new RegExp(`^read error \\(${X}\\): not read by OCR; classified by file name only$`), (m) => `読み取りエラー（${codeJa(m[1]!)}）: OCR で読み取らず、${BY_NAME}`],
  [/^only part of the image was read: not read by OCR; classified by file name only$/, () => `画像の一部しか読み取れませんでした: OCR で読み取らず、${BY_NAME}`],
  // the OCR reader (src/data/ocr/reader.ts)
  [new RegExp(`^OCR limit of ${N} images reached \\(--ocr-max-images\\): ${N} images? not read so far$`), (m) => `OCR の画像数の上限 ${m[1]} 枚に達しました（--ocr-max-images）: これまでに ${m[2]} 枚を読み取っていません`],
  [new RegExp(`^OCR time limit of ${N} s spent \\(--ocr-time-limit\\): ${N} images? not read so far$`), (m) => `OCR の時間上限 ${m[1]} 秒を使い切りました（--ocr-time-limit）: これまでに ${m[2]} 枚を読み取っていません`],
  [/^an image with no pixels: not read by OCR$/, () => '画素のない画像: OCR で読み取っていません'],
  [/^image format not recognized \(or the file is cut\): not read by OCR$/, () => '画像の形式を認識できません（またはファイルが途切れています）: OCR で読み取っていません'],
  [new RegExp(`^image of ${N} megapixels is above the OCR limit of ${N}: not read$`), (m) => `${m[1]} メガピクセルの画像は OCR の上限 ${m[2]} を超えます: 読み取っていません`],
  [/^no time left for OCR of this image \(the time per object ran out\): not read$/, () => 'この画像の OCR に使える時間が残っていません（オブジェクトごとの時間が尽きました）: 読み取っていません'],
  [/^OCR could not decode an image \(corrupt or unsupported data\): not read$/, () => 'OCR で画像をデコードできませんでした（壊れたデータか未対応の形式）: 読み取っていません'],
  [/^image pixels inconsistent with its dimensions: not read by OCR$/, () => '画素数が画像の寸法と合いません: OCR で読み取っていません'],
  [new RegExp(`^OCR of an image took longer than ${N} s: stopped, not read$`), (m) => `画像の OCR が ${m[1]} 秒を超えました: 停止し、読み取っていません`],
  // the classifier and the classify command
  [new RegExp(`^more than ${N} distinct identifiers: persons is a lower bound$`), (m) => `異なる識別子が ${m[1]} 個を超えました: 本人の数は下限です`],
  [/^content not read: classified by file name only$/, () => `内容は読み取らず、${BY_NAME}`],
  [/^broken symbolic link: not classified$/, () => 'リンク先のないシンボリックリンク: 分類していません'],
  [/^not a regular file \(device, FIFO or socket\): not read$/, () => '通常のファイルではありません（デバイス、FIFO またはソケット）: 読み取っていません'],
  [new RegExp(`^directory unreadable \\(${X}\\): its files were not classified$`), (m) => `ディレクトリを読み取れません（${codeJa(m[1]!)}）: その中のファイルは分類していません`],
  // a resource's data profile (resource-profile.ts)
  [/^some objects were read only in part, so their counts are lower bounds$/, () => '一部のオブジェクトは途中までしか読んでいないため、その数は下限です'],
  [/^the de-duplication set was full, so the sample count is a lower bound$/, () => '重複除去の集合が上限に達したため、サンプルの数は下限です'],
];

function matchJa(text: string): string | undefined {
  for (const [re, ja] of NOTES) {
    const m = text.match(re);
    if (m) return ja(m);
  }
  return undefined;
}

/** A decode note in Japanese; `member: reason` keeps the member's path, quoted. */
export function decodeNoteJa(note: string): string {
  const whole = matchJa(note);
  if (whole !== undefined) return whole;
  for (let i = note.indexOf(': '); i > 0; i = note.indexOf(': ', i + 1)) {
    const reason = matchJa(note.slice(i + 2));
    if (reason !== undefined) return `「${note.slice(0, i)}」: ${reason}`;
  }
  return `「${note}」`;
}
