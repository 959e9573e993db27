// Finds the top-level `resource "TYPE" "NAME" {` blocks of a .tf file with a small tokenizer that knows HCL's
// comments (#, //, /* */), quoted strings (escapes and ${…} / %{…} templates) and heredocs (<<EOF, <<-EOF), so a
// block written inside a string, a comment or a heredoc is never taken for one. Pure.

export interface BlockStart {
  type: string;
  name: string;
  /** 1-based line of the `resource` keyword. */
  line: number;
}

type Token = { kind: 'ident' | 'string' | 'open' | 'close' | 'other'; text: string; line: number };

/** Skips a quoted string starting at text[i] === '"'; returns the index after it and its literal text (templates kept raw). */
function readString(text: string, i: number): { end: number; value: string; lines: number } {
  let j = i + 1;
  let value = '';
  let lines = 0;
  while (j < text.length) {
    const c = text[j];
    if (c === '\\') {
      value += text[j + 1] ?? '';
      j += 2;
      continue;
    }
    if (c === '"') return { end: j + 1, value, lines };
    if ((c === '$' || c === '%') && text[j + 1] === '{') {
      const t = readTemplate(text, j + 2);
      value += text.slice(j, t.end);
      lines += t.lines;
      j = t.end;
      continue;
    }
    if (c === '\n') lines++;
    value += c;
    j++;
  }
  return { end: j, value, lines };
}

/** Skips a template interpolation body (after `${`), nested braces and strings included; returns the index after `}`. */
function readTemplate(text: string, i: number): { end: number; lines: number } {
  let depth = 1;
  let j = i;
  let lines = 0;
  while (j < text.length && depth > 0) {
    const c = text[j];
    if (c === '"') {
      const s = readString(text, j);
      lines += s.lines;
      j = s.end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '\n') lines++;
    j++;
  }
  return { end: j, lines };
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '\n') {
      line++;
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
    } else if (c === '"') {
      const s = readString(text, i);
      out.push({ kind: 'string', text: s.value, line });
      line += s.lines;
      i = s.end;
    } else if (c === '<' && text[i + 1] === '<' && /^<<-?[A-Za-z_][A-Za-z0-9_]*\s*\n/.test(text.slice(i, i + 200))) {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\s*\n/.exec(text.slice(i)) as RegExpExecArray;
      const marker = m[1] ?? '';
      out.push({ kind: 'other', text: 'heredoc', line });
      i += m[0].length;
      line++;
      // Lines until one whose trimmed text is the marker.
      while (i < text.length) {
        const nl = text.indexOf('\n', i);
        const end = nl < 0 ? text.length : nl;
        const content = text.slice(i, end).trim();
        i = nl < 0 ? text.length : nl + 1;
        if (nl >= 0) line++;
        if (content === marker) break;
      }
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_-]/.test(text[j] ?? '')) j++;
      out.push({ kind: 'ident', text: text.slice(i, j), line });
      i = j;
    } else if (c === '{') {
      out.push({ kind: 'open', text: c, line });
      i++;
    } else if (c === '}') {
      out.push({ kind: 'close', text: c, line });
      i++;
    } else {
      if (!/\s/.test(c)) out.push({ kind: 'other', text: c, line });
      i++;
    }
  }
  return out;
}

/** The `resource "TYPE" "NAME" {` blocks at the top level of a file. */
export function resourceBlocks(text: string): BlockStart[] {
  const tokens = tokenize(text);
  const out: BlockStart[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === 'ident' && t.text === 'resource') {
      const [type, name, open] = [tokens[k + 1], tokens[k + 2], tokens[k + 3]];
      if (type?.kind === 'string' && name?.kind === 'string' && open?.kind === 'open') out.push({ type: type.text, name: name.text, line: t.line });
    }
  }
  return out;
}
