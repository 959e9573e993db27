// Attaches a snapshot's reads evidence to its normalized resource (evaluation, pure), joined with the data profile.
// A log that could not be read (listing refused, object too large, gzip bomb …) is a recorded error of the resource,
// so the report is incomplete (exit 3) rather than silently short.
import type { Resource } from '../../model.js';
import type { ReadsEvidence } from './types.js';
import { readsView } from './view.js';

export function attachReads(r: Resource, evidence: ReadsEvidence | undefined, redactIps: boolean): Resource {
  if (!evidence) return r;
  const errors = evidence.errors.map((e) => ({ call: e.call, code: e.code, message: e.key !== undefined ? `${e.key}: ${e.message}` : e.message }));
  return { ...r, reads: readsView(evidence, r.data, redactIps), errors: [...r.errors, ...errors] };
}
