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
  async open(input, sniff, env) {
    const { ctx } = env;
    const buf = await collect(input.stream, bufferCap(ctx), ctx, 'PDF');
    async function* batches(): AsyncGenerator<Segment[]> {
      // Image-only pages go to the OCR reader when there is one (else a note says they were not read).
      yield* inBatches(await pdfSegments(buf, ctx, env.partial(), { name: sniff.name, deadline: ctx.deadlineAt(), ...(env.imageText ? { imageText: env.imageText } : {}) }));
    }
    return { encoding: () => 'binary', format: () => 'pdf', decoded: true, batches: batches(), close: () => Promise.resolve() };
  },
};
