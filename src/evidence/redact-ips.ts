// --redact-ips: the evidence without client IP addresses. Forensics needs them (they are in the JSON evidence by
// default); a report shared more widely can drop them. Applied to the snapshot's evidence, so the saved snapshot and
// every report format derived from it are without them.
import type { BaseSnapshot } from '../provider.js';

export function redactEvidenceIps(evidence: BaseSnapshot['evidence']): BaseSnapshot['evidence'] {
  if (!evidence?.changes) return evidence;
  const changes = evidence.changes;
  return { ...evidence, changes: { ...changes, events: changes.events.map((e) => ({ ...e, sourceIp: null })) } };
}
