// PDF: read whole (bounded), its text through ../pdf.ts (pdfSegments).
import type { Segment } from '../../types.js';
import { collect } from '../byte-source.js';
import { isPdf } from '../magic.js';
import { pdfSegments } from '../pdf.js';
import { inBatches } from './common.js';
import { bufferCap } from './limits.js';
import type { FormatSpec } from './types.js';

export const pdfFormat: FormatSpec = {
  id: 'pdf',
  title: 'PDF (the text layer)',
  extensions: ['pdf'],
  magic: isPdf,
  nesting: 'leaf',
  depthLimited: true,
  async open(input, _sniff, env) {
    const { ctx } = env;
    const buf = await collect(input.stream, bufferCap(ctx), ctx, 'PDF');
    async function* batches(): AsyncGenerator<Segment[]> {
      yield* inBatches(pdfSegments(buf, ctx, env.partial()));
    }
    return { encoding: () => 'binary', format: () => 'pdf', decoded: true, batches: batches(), close: () => Promise.resolve() };
  },
};
