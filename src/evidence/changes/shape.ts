// The shape of a snapshot's `evidence.changes`, validated on --input so a damaged snapshot is one clear line (exit 2).
import { z } from 'zod';

const iso = z.iso.datetime({ offset: true });
const source = z.enum(['cloudtrail', 'azure-activity-log', 'gcp-audit-log']);
const text = z.string().nullable();

const changeEvent = z.looseObject({
  time: iso,
  source,
  action: z.string(),
  target: z.looseObject({ kind: z.enum(['resource', 'account']), name: z.string() }),
  effect: z.enum(['opens', 'closes', 'creates', 'unknown', 'other']),
  principal: text,
  sourceIp: text,
  userAgent: text,
});

export const changesEvidenceShape = z.looseObject({
  source,
  from: iso,
  to: iso,
  events: z.array(changeEvent),
  truncated: z.boolean(),
  errors: z.array(z.looseObject({ scope: z.string(), call: z.string(), code: z.string(), message: z.string() })),
});
