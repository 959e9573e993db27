// zip archives (read through ../zip.ts): Office Open XML packages (XLSX, DOCX, PPTX: ../ooxml.ts) by their parts,
// any other zip member by member through the registry. The central directory is used when the end of the object
// is there (random access to a file, a whole buffer), else the local headers in file order.
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { bufferAccess, collect, type RandomAccess } from '../byte-source.js';
import { isZip } from '../magic.js';
import { ooxmlBatches, ooxmlKind } from '../ooxml.js';
import { entriesByDirectory, entriesByLocalHeaders, localNamesInHead, readCentralDirectory } from '../zip.js';
import { bufferCap } from './limits.js';
import { encodingOf, memberBatches } from './members.js';
import type { FormatSpec } from './types.js';

const notDirectory = (n: string): boolean => !n.endsWith('/');

export const zipFormat: FormatSpec = {
  id: 'zip',
  title: 'zip, and the Office Open XML packages XLSX, DOCX, PPTX',
  extensions: ['zip', 'xlsx', 'xlsm', 'docx', 'docm', 'pptx', 'pptm'],
  magic: isZip,
  nesting: 'container',
  depthLimited: true,
  async open(input, sniff, env) {
    const { ctx } = env;
    let ra: RandomAccess;
    if (env.random) {
      await input.close();
      ra = await env.random();
    } else {
      ra = bufferAccess(await collect(input.stream, bufferCap(ctx), ctx, 'zip archive'));
    }
    const directory = await readCentralDirectory(ra, ctx);
    if (directory === null) ctx.note(note('zip-no-directory'));
    const kind = ooxmlKind(directory?.map((e) => e.name) ?? localNamesInHead(input.head), sniff.name);
    if (kind !== null) {
      async function* parts(): AsyncGenerator<Segment[]> {
        try {
          yield* ooxmlBatches(ra, kind as NonNullable<typeof kind>, directory, ctx);
        } finally {
          await ra.close();
        }
      }
      return { encoding: () => 'utf-8', format: () => kind, decoded: true, batches: parts(), close: () => ra.close() };
    }
    const plan = { order: (names: readonly string[]) => names.filter(notDirectory), wants: notDirectory };
    const encodings = new Set<string>();
    async function* batches(): AsyncGenerator<Segment[]> {
      try {
        const entries = directory !== null ? entriesByDirectory(ra, directory, plan, ctx) : entriesByLocalHeaders(ra, plan, ctx);
        yield* memberBatches(entries, env, encodings);
      } finally {
        await ra.close();
      }
    }
    return { encoding: () => encodingOf(encodings), format: () => 'zip', decoded: true, batches: batches(), close: () => ra.close() };
  },
};
