// --lang of every command: ja or en, by default from the locale (LC_ALL, then LC_MESSAGES, then LANG), and the
// help says so rather than showing the value this shell happens to give.
import { Option } from 'commander';
import type { Lang } from './model.js';

/** ja when the first of LC_ALL, LC_MESSAGES, LANG that is set starts with "ja"; else en. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.startsWith('ja') ? 'ja' : 'en';
}

export const LANG_DEFAULT_HELP = 'ja when LC_ALL, LC_MESSAGES or LANG starts with "ja", else en';

/** The --lang option; `what`: what the language applies to, e.g. "language of the table". */
export function langOption(what: string): Option {
  return new Option('--lang <lang>', what).choices(['ja', 'en']).default(defaultLang(), LANG_DEFAULT_HELP);
}
