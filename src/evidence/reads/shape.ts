// The shape of `evidence.reads` in a snapshot, validated on --input so a damaged snapshot is one clear line (exit 2).
import { z } from 'zod';

const count = z.number().int().nonnegative();
const time = z.iso.datetime({ offset: true });
const i18n = z.looseObject({ ja: z.string(), en: z.string() });

const tally = z.looseObject({ requests: count, bytes: count, clients: count, clientIps: z.array(z.string()).optional(), first: time.nullable(), last: time.nullable() });

export const readsEvidenceShape = z.looseObject({
  format: z.string(),
  status: z.enum(['read', 'absent']),
  reason: i18n.optional(),
  location: z.looseObject({ bucket: z.string(), prefix: z.string() }).optional(),
  window: z.looseObject({ since: time.nullable(), until: time }),
  identityRecorded: z.boolean(),
  logs: z.looseObject({ objects: count, bytes: count, malformedLines: count, complete: z.boolean(), partial: z.boolean().optional() }),
  outsiders: z.looseObject({ reads: tally, lists: tally }),
  objects: z.array(z.looseObject({ key: z.string(), reads: count, bytes: count, clients: count, first: time, last: time })),
  objectsLeftOut: count,
  errors: z.array(z.looseObject({ call: z.string(), code: z.string(), message: z.string(), key: z.string().optional() })),
});
