// tar archives (POSIX ustar, GNU, pax, v7) read with tar-stream, member by member through the registry: a .tar, a
// .tgz / .tar.gz (gzip recognizes the tar after inflating). Limits: entries (--max-entries), bytes read and
// decompressed (the gzip around it), depth, time. A corrupt or cut archive keeps what was read.
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { encodingOf, memberBatches, type Member } from './members.js';
import type { Env, FormatSpec } from './types.js';

/** A tar header block: `ustar` at 257, or (v7) a valid header checksum and a name. */
export function isTar(head: Buffer): boolean {
  if (head.length < 512) return false;
  if (head.toString('latin1', 257, 262) === 'ustar') return true;
  if (head[0] === 0) return false;
  const field = head.toString('latin1', 148, 156).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]{1,7}$/.test(field)) return false;
  let sum = 8 * 0x20;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += head[i] as number;
  return sum === parseInt(field, 8);
}

type Extract = import('tar-stream').Extract;

const CUT = note('tar-cut');

/** Resolves when the extractor wants more input, or is closed. */
function drained(extract: Extract): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      extract.off('drain', done);
      extract.off('close', done);
      resolve();
    };
    extract.on('drain', done);
    extract.on('close', done);
  });
}

/** Writes the source into the extractor with backpressure; ends it, or destroys it on a read error. */
async function pump(source: AsyncIterable<Buffer>, extract: Extract, stop: () => boolean): Promise<void> {
  try {
    for await (const chunk of source) {
      if (stop()) break;
      if (!extract.write(chunk)) await drained(extract);
    }
    // A limit that stopped the input ends the archive here (no "unexpected end" error).
    if (stop()) extract.destroy(new Error('stopped'));
    else extract.end(() => undefined);
  } catch (err) {
    extract.destroy(err as Error);
  }
}

/** The file entries of a tar stream, in order; each entry is read to its end before the next one. */
async function* tarMembers(source: AsyncIterable<Buffer>, env: Env): AsyncGenerator<Member> {
  const { ctx } = env;
  const { extract: createExtract } = await import('tar-stream');
  const extract = createExtract();
  let done = false;
  const pumping = pump(source, extract, () => done || ctx.stopped);
  let count = 0;
  try {
    for await (const entry of extract) {
      if (ctx.stopped || ctx.timeUp()) break;
      if (++count > ctx.limits.maxZipEntries) {
        ctx.cut(note('entries-over', { archive: 'tar', max: ctx.limits.maxZipEntries }));
        break;
      }
      const it = entry[Symbol.asyncIterator]();
      const type = entry.header.type ?? 'file';
      if (type === 'file' || type === 'contiguous-file') {
        // Never return() the entry's iterator: destroying an entry destroys the whole extractor.
        const data = (async function* (): AsyncGenerator<Buffer> {
          for (;;) {
            let r: IteratorResult<unknown>;
            try {
              r = await it.next();
            } catch {
              // The archive ends inside this member (a prefix, a cut file): the member is cut, not unreadable.
              ctx.cut(CUT);
              return;
            }
            if (r.done === true) return;
            yield r.value as Buffer;
          }
        })();
        yield { name: entry.header.name, data };
      }
      // What the member did not read (or a link, a directory) is skipped over.
      while (!ctx.stopped && (await it.next()).done !== true);
    }
  } catch {
    if (!ctx.stopped) ctx.cut(count === 0 ? note('tar-corrupt') : CUT);
  } finally {
    done = true;
    extract.destroy();
    await pumping;
  }
}

export const tarFormat: FormatSpec = {
  id: 'tar',
  title: 'tar (ustar, GNU, pax, v7), also inside gzip (.tar.gz, .tgz)',
  extensions: ['tar'],
  magic: isTar,
  nesting: 'container',
  depthLimited: true,
  async open(input, _sniff, env) {
    const encodings = new Set<string>();
    async function* batches(): AsyncGenerator<Segment[]> {
      yield* memberBatches(tarMembers(input.stream, env), env, encodings);
    }
    return { encoding: () => encodingOf(encodings), format: () => 'tar', decoded: true, batches: batches(), close: input.close };
  },
};
