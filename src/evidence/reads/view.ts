// Pure: the snapshot's reads evidence joined with the resource's data profile → what the report shows: which of
// the objects outsiders read hold personal data, and how many persons are in them (counts only).
import type { DataProfile } from '../../data/types.js';
import type { ReadsEvidence, ReadsView } from './types.js';

/** Outsiders read or listed it at least once in the window (the evidence of a leak, not of a possible one). */
export function readByOutsiders(e: Pick<ReadsEvidence, 'status' | 'outsiders'>): boolean {
  return e.status === 'read' && (e.outsiders.reads.requests > 0 || e.outsiders.lists.requests > 0);
}

export function readsView(evidence: ReadsEvidence, data: DataProfile | undefined, redactIps = false): ReadsView {
  const e = redactIps ? withoutIps(evidence) : evidence;
  if (!data) return { ...e, personal: null };
  const persons = new Map((data.personalObjects ?? []).map((o) => [o.key, o.persons]));
  // A profile from before personalObjects: the examples name objects with personal data (persons unknown: 0).
  for (const x of data.examples) if (!persons.has(x.key)) persons.set(x.key, 0);
  const read = e.objects.filter((o) => persons.has(o.key));
  const sum = read.reduce((a, o) => a + (persons.get(o.key) ?? 0), 0);
  return { ...e, personal: { objects: read.length, persons: sum, keys: read.map((o) => o.key) } };
}

/** The evidence without client addresses (--redact-ips): counts stay. */
export function withoutIps(e: ReadsEvidence): ReadsEvidence {
  const strip = ({ clientIps: _ips, ...rest }: ReadsEvidence['outsiders']['reads']) => rest;
  return { ...e, outsiders: { reads: strip(e.outsiders.reads), lists: strip(e.outsiders.lists) } };
}
