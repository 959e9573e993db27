// What can stop `kumoscan demo`, each with a stable code and its parameters, worded once per language: the demo
// prints the one of --lang (src/demo/command.ts). The message (Error.message) is the English, for logs and for code
// that catches it without a language. Output of Azurite or of the child scan is appended as it was written, quoted.
import type { I18n, Lang } from '../model.js';

export type DemoErrorCode = 'out-dir' | 'example-missing' | 'azurite-entry-point' | 'azurite-timeout' | 'azurite-exited' | 'account-name' | 'certificate' | 'scan-failed';

export type DemoErrorParams = Readonly<Record<string, string | number>>;

type Wording = Record<DemoErrorCode, (p: DemoErrorParams) => string>;

/** A child's output (Azurite's, the scan's) after a message: quoted, on its own lines; nothing when empty. */
function output(text: string | number | undefined, lang: Lang): string {
  const s = String(text ?? '').trim();
  if (s === '') return '';
  return lang === 'ja' ? `\n「${s}」` : `:\n${s}`;
}

export const DEMO_ERROR_EN: Wording = {
  'out-dir': (p) => `cannot create ${p.dir}: ${p.reason}`,
  'example-missing': (p) => `${p.file} is missing from the installation`,
  'azurite-entry-point': (p) => `the installed azurite package (${p.dir}) has no azurite-blob entry point`,
  'azurite-timeout': (p) => `Azurite did not start within ${p.seconds} s${output(p.output, 'en')}`,
  'azurite-exited': (p) => `Azurite exited with ${p.code}${output(p.output, 'en')}`,
  'account-name': (p) => `"${p.account}" is not a storage account name`,
  certificate: () => 'the local certificate does not verify',
  'scan-failed': (p) => `the Azure scan failed (exit ${p.exit})${output(p.output, 'en')}`,
};

export const DEMO_ERROR_JA: Wording = {
  'out-dir': (p) => `${p.dir} を作成できません（${p.reason}）`,
  'example-missing': (p) => `インストールに ${p.file} がありません`,
  'azurite-entry-point': (p) => `インストールされた Azurite のパッケージ（${p.dir}）に azurite-blob の起動ファイルがありません`,
  'azurite-timeout': (p) => `Azurite が ${p.seconds} 秒以内に起動しませんでした${output(p.output, 'ja')}`,
  'azurite-exited': (p) => `Azurite が終了しました（終了コード ${p.code}）${output(p.output, 'ja')}`,
  'account-name': (p) => `「${p.account}」はストレージアカウントの名前ではありません`,
  certificate: () => 'ローカルの証明書を検証できません',
  'scan-failed': (p) => `Azure のスキャンが失敗しました（終了コード ${p.exit}）${output(p.output, 'ja')}`,
};

const WORDING: Record<Lang, Wording> = { ja: DEMO_ERROR_JA, en: DEMO_ERROR_EN };

export class DemoError extends Error {
  override name = 'DemoError';
  constructor(
    readonly code: DemoErrorCode,
    readonly params: DemoErrorParams = {},
    /** A bad --out-dir: exit 2 (usage); anything else: the demo could not run, exit 3. */
    readonly usage = false,
  ) {
    super(DEMO_ERROR_EN[code](params));
  }

  text(lang: Lang): string {
    return WORDING[lang][this.code](this.params);
  }

  get i18n(): I18n {
    return { ja: this.text('ja'), en: this.text('en') };
  }
}
