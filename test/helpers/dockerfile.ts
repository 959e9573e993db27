// A small Dockerfile reader for the static tests: instructions (continuation lines joined, comments dropped), grouped
// into stages by FROM. Enough for the rules kumoscan's image must follow; not a full BuildKit parser.
import { readFileSync } from 'node:fs';

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY … */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
}

export interface Stage {
  /** The image after FROM (flags such as --platform removed). */
  image: string;
  /** The name after AS, if any. */
  name?: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): { preamble: Instruction[]; stages: Stage[] } {
  const instructions: Instruction[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s*(#|$)/.test(raw)) continue;
    const start = i + 1;
    let body = raw.trim();
    let continued = body.endsWith('\\');
    if (continued) body = body.slice(0, -1).trimEnd();
    while (continued && i + 1 < lines.length) {
      i++;
      const next = (lines[i] ?? '').trim();
      if (next.startsWith('#')) continue; // a comment inside a continued instruction
      continued = next.endsWith('\\');
      body += ' ' + (continued ? next.slice(0, -1).trimEnd() : next);
    }
    const m = /^(\S+)\s*(.*)$/.exec(body);
    if (m) instructions.push({ keyword: (m[1] ?? '').toUpperCase(), args: (m[2] ?? '').trim(), line: start });
  }
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const asAt = words.findIndex((w) => w.toUpperCase() === 'AS');
      stages.push({ image: words[0] ?? '', ...(asAt > 0 && words[asAt + 1] ? { name: words[asAt + 1] } : {}), instructions: [] });
    } else if (stages.length === 0) preamble.push(ins);
    else stages[stages.length - 1]?.instructions.push(ins);
  }
  return { preamble, stages };
}

export function readDockerfile(path: string): { preamble: Instruction[]; stages: Stage[] } {
  return parseDockerfile(readFileSync(path, 'utf8'));
}
