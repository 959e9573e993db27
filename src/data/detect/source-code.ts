// Source code is not data: a 12-digit constant that passes the My Number check (one random 12-digit number in ten
// does) next to a docstring that mentions 個人番号 is a product code, a test fixture or an example. In source code
// the 300-character keyword window raises nothing; a value is high only when its own label or field names its
// type (`MY_NUMBER = "…"`, `"my_number": "…"`). Source code is recognised three ways:
// - by the file's extension (.py, .ts, .java, .go …; not .sql, .yaml, .ini: dumps and configuration hold data);
// - by the line holding the value: an assignment to a program identifier (`PRODUCT_CODE_A = 123456789018`,
//   `const limit: number = …`, `x := …`);
// - by the file's content so far: CODE_LINES lines shaped like code (def, class, import, function, return …).
import { extensionOf } from './id-document.js';

const SOURCE_EXTENSIONS = new Set([
  'py', 'pyi', 'pyw', 'ipynb', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'java', 'kt', 'kts', 'scala', 'groovy', 'go', 'rs', 'rb', 'php',
  'cs', 'vb', 'fs', 'c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'm', 'mm', 'swift', 'dart', 'lua', 'pl', 'pm', 'r', 'jl', 'ex', 'exs', 'erl', 'hs',
  'clj', 'vue', 'svelte', 'sh', 'bash', 'zsh', 'ps1', 'bat', 'cmd', 'tf',
]);

/** A file whose name says it is program source. */
export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSIONS.has(extensionOf(path));
}

/** Lines that start like code: a declaration, an import, a control statement, a decorator, a comment marker. */
const CODE_LINE = /^[ \t]*(?:def |class |import |from [\w.]+ import |function |async function |const |let |var |public |private |protected |package |#include|func |fn |return\b|raise |throw |if __name__|@[A-Za-z]\w*(?:\(|$)|\/\/|\/\*|"""|''')/gm;

/** Code lines in `text`, counted up to `limit`. */
export function codeLines(text: string, limit: number): number {
  let n = 0;
  CODE_LINE.lastIndex = 0;
  while (n < limit && CODE_LINE.exec(text) !== null) n++;
  return n;
}

/** After how many code lines a free-text file is read as source code. */
export const CODE_LINES = 3;

/**
 * The text from the start of a value's line up to the value is an assignment to a program identifier:
 * `PRODUCT_CODE_A = `, `static final long X = `, `const limit: number = `, `x := `, `'key' => `. Not a label
 * followed by ':' (`個人番号: `, `Phone: `), which letters and forms use.
 */
const ASSIGNMENT = /^[ \t]*(?:[A-Za-z_$][\w$]*[ \t]+){0,4}(?:[A-Za-z_$][\w$.]*|'[\w.-]{1,40}'|"[\w.-]{1,40}")(?:\[[^\]\n]{0,20}\])?[ \t]*(?::[ \t]*[\w.<>[\], |?]{1,40})?[ \t]*(?:=|:=|=>|<-)[ \t]*[(\["'{]?[ \t]*$/;
const LINE_REACH = 160;

export function onAssignmentLine(text: string, start: number): boolean {
  const from = Math.max(0, start - LINE_REACH);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl < from - 1) return false;
  const lineStart = nl + 1;
  if (start - lineStart < 2) return false;
  return ASSIGNMENT.test(text.slice(lineStart, start));
}
