// --evidence <kinds>: what a live scan reads beyond the configuration, as a comma list. changes: the cloud's
// change log (who made a resource public, and when; src/evidence/changes/); reads: its access logs (who read it).
import { InvalidArgumentError, Option } from 'commander';

export const EVIDENCE_KINDS = ['changes', 'reads'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** "changes,reads" -> ['changes', 'reads'] (repeatable; each kind once). */
export function evidenceList(value: string, previous: EvidenceKind[] = []): EvidenceKind[] {
  const out = new Set<EvidenceKind>(previous);
  for (const part of value.split(',').map((s) => s.trim())) {
    if (!(EVIDENCE_KINDS as readonly string[]).includes(part)) throw new InvalidArgumentError(`"${part}" is not an evidence kind (${EVIDENCE_KINDS.join(', ')})`);
    out.add(part as EvidenceKind);
  }
  return [...out];
}

export function evidenceOption(): Option {
  return new Option('--evidence <kinds>', 'also read the cloud\'s logs, bounded and read-only (comma list): changes (who made a public resource public, and when: CloudTrail, Activity Log, Cloud Audit Logs), reads (who read it: access logs, or CloudTrail data events for an S3 bucket without them)')
    .argParser(evidenceList)
    .helpGroup('Evidence:');
}
