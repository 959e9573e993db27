// gzip (RFC 1952): inflated under the limits, then the inside is recognized again by the registry (a .csv.gz is
// CSV, a .tgz or a gzip'd tar is a tar archive). A corrupt or cut stream keeps what was inflated.
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { inflateChunks } from '../inflate.js';
import { extensionOf, isGzip, stripExtension } from '../magic.js';
import type { FormatSpec } from './types.js';

/** `a.csv.gz` → `a.csv`; `a.tgz` → `a.tar`. */
export function gunzippedName(name: string): string {
  const ext = extensionOf(name);
  if (ext === 'gz' || ext === 'gzip') return stripExtension(name);
  if (ext === 'tgz') return `${stripExtension(name)}.tar`;
  return name;
}

export const gzipFormat: FormatSpec = {
  id: 'gzip',
  title: 'gzip (.gz, .tgz): inflated, then the inner format',
  extensions: ['gz', 'gzip', 'tgz'],
  magic: isGzip,
  nesting: 'wrapper',
  depthLimited: true,
  async open(input, sniff, env) {
    const { ctx } = env;
    const z = inflateChunks(input.stream, 'gzip', ctx, 'gzip data');
    const inner = await env.decode(z.chunks, gunzippedName(sniff.name), { ...env, depth: env.depth + 1, random: undefined });
    async function* batches(): AsyncGenerator<Segment[]> {
      yield* inner.batches;
      if (z.info.error !== undefined && !ctx.stopped) ctx.cut(note('gzip-corrupt', { error: z.info.error }));
    }
    return { encoding: inner.encoding, format: () => `gzip+${inner.format()}`, decoded: inner.decoded, batches: batches(), close: inner.close };
  },
};
