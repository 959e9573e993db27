// Pure: a public resource with the change that opened it (Resource.openedBy), from the snapshot's evidence.changes.
import type { Resource } from '../../model.js';
import { isPublic, openedByOf } from './opening.js';
import type { ChangesEvidence } from './types.js';

export function attachOpenedBy(r: Resource, evidence: ChangesEvidence | undefined): Resource {
  if (!evidence || !isPublic(r)) return r;
  const openedBy = openedByOf(evidence, r);
  return openedBy ? { ...r, openedBy } : r;
}
