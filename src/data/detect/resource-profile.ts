// profileResource: the FileProfiles of a resource's sampled objects → its DataProfile, with the persons
// estimate. Decided (docs/personal-data-detectors.md):
// - sampled persons S: distinct persons over the whole sample when the Classifiers shared a PersonLedger
//   (cross-object de-duplication); without a ledger, the largest count of one object (a sure lower bound;
//   the sum could count a person twice when objects overlap, as monthly exports do);
// - low = S: the persons actually seen exist, whatever the unsampled objects hold;
// - high = persons per sampled object × objects listed, i.e. ceil(S / n × N) with n sampled objects and N
//   listed (with a ledger, S/n already discounts persons repeated across objects; without one, Σ/n);
//   equal to low when every listed object was sampled; when the listing was cut, N is itself a lower bound
//   and the basis says so;
// - over1000 only when low > 1,000, or when a declared count is given, when declared > 1,000 (a declared count
//   overrides the estimate for the flag; the estimate stays in the profile for the report to show both).
import { note } from '../decode/note-messages.js';
import type { AppiClass, DataProfile, Detection, DetectorId, FileProfile } from '../types.js';
import { APPI_ORDER, DETECTOR_ORDER } from './appi-classes.js';
import { maskKey } from './mask.js';
import type { PersonLedger } from './persons.js';

const MASKED_PER_DETECTION = 3;
const EXAMPLES_PER_DETECTOR = 3;
const MAX_EXAMPLES = 20;

export interface ResourceContext {
  objectsListed: number;
  listingComplete: boolean;
  skipped: { key: string; reason: string }[];
  declared?: number;
  /** The ledger the sample's Classifiers shared (distinct persons across objects). */
  ledger?: PersonLedger;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function estimatePersons(
  files: readonly FileProfile[],
  ctx: ResourceContext,
): { sampled: number; estimate: { low: number; high: number; basis: string } } {
  const n = files.length;
  const perFile = files.map((f) => f.persons.distinct);
  const sum = perFile.reduce((a, b) => a + b, 0);
  const max = perFile.reduce((a, b) => Math.max(a, b), 0);
  const ledger = ctx.ledger;
  const sampled = ledger ? ledger.size : max;
  const N = Math.max(ctx.objectsListed, n);
  const truncated = files.some((f) => f.truncated);
  const notes: string[] = [];
  if (truncated) notes.push(note('objects-partly-read'));
  if (ledger?.overflow) notes.push(note('dedup-full'));
  if (n === 0) return { sampled: 0, estimate: { low: 0, high: 0, basis: 'no object was sampled' } };
  const seen = ledger ? `${fmt(sampled)} distinct persons in ${n} sampled object(s), de-duplicated across objects` : `${fmt(sampled)} persons in the richest of ${n} sampled object(s) (objects not de-duplicated against each other)`;
  if (n >= N && ctx.listingComplete) {
    return { sampled, estimate: { low: sampled, high: ledger ? sampled : sum, basis: [`every listed object was sampled: ${seen}`, ...notes].join('; ') } };
  }
  const rate = (ledger ? sampled : sum) / n;
  const high = Math.max(sampled, Math.ceil(rate * N));
  const listing = ctx.listingComplete ? `${fmt(N)} objects listed` : `at least ${fmt(N)} objects (the listing was cut, so the true count may be higher)`;
  const basis = [`low: ${seen} (what the sample proves)`, `high: ${fmt(rate)} ${ledger ? 'distinct ' : ''}persons per sampled object × ${listing}`, ...notes].join('; ');
  return { sampled, estimate: { low: sampled, high, basis } };
}

function mergeDetections(files: readonly FileProfile[]): (Detection & { objects: number })[] {
  const merged = new Map<string, Detection & { objects: number }>();
  for (const f of files) {
    for (const d of f.detections) {
      const key = `${d.type}|${d.confidence}`;
      let m = merged.get(key);
      if (m === undefined) {
        m = { type: d.type, confidence: d.confidence, count: 0, masked: [], objects: 0 };
        merged.set(key, m);
      }
      m.count += d.count;
      m.objects++;
      for (const x of d.masked) if (m.masked.length < MASKED_PER_DETECTION && !m.masked.includes(x)) m.masked.push(x);
      if (d.ocrConfidence !== undefined) m.ocrConfidence = m.ocrConfidence === undefined ? d.ocrConfidence : Math.min(m.ocrConfidence, d.ocrConfidence);
    }
  }
  const rank = (t: DetectorId): number => DETECTOR_ORDER.indexOf(t);
  return [...merged.values()].sort((a, b) => rank(a.type) - rank(b.type) || (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1));
}

function examplesOf(files: readonly FileProfile[]): { key: string; types: DetectorId[] }[] {
  const perType = new Map<DetectorId, number>();
  const out: { key: string; types: DetectorId[] }[] = [];
  for (const f of files) {
    const types = [...new Set(f.detections.filter((d) => d.confidence === 'high').map((d) => d.type))];
    if (types.length === 0) continue;
    if (!types.some((t) => (perType.get(t) ?? 0) < EXAMPLES_PER_DETECTOR)) continue;
    for (const t of types) perType.set(t, (perType.get(t) ?? 0) + 1);
    out.push({ key: maskKey(f.path), types });
    if (out.length >= MAX_EXAMPLES) break;
  }
  return out;
}

export function profileResource(files: FileProfile[], ctx: ResourceContext): DataProfile {
  const classes = new Set<AppiClass>();
  for (const f of files) for (const c of f.classes) classes.add(c);
  // not_personal only when nothing in the sample is personal.
  if ([...classes].some((c) => c !== 'not_personal')) classes.delete('not_personal');
  const { sampled, estimate } = estimatePersons(files, ctx);
  const declared = ctx.declared;
  const over1000 = declared !== undefined ? declared > 1000 : estimate.low > 1000;
  return {
    sampled: { objects: files.length, bytes: files.reduce((a, f) => a + f.bytesRead, 0), skipped: ctx.skipped.map((s) => ({ key: maskKey(s.key), reason: s.reason })) },
    objectsListed: ctx.objectsListed,
    listingComplete: ctx.listingComplete,
    personalData: [...classes].some((c) => c !== 'not_personal'),
    classes: APPI_ORDER.filter((c) => classes.has(c)),
    detections: mergeDetections(files),
    persons: {
      sampled,
      estimate,
      ...(declared !== undefined ? { declared } : {}),
      over1000,
    },
    examples: examplesOf(files),
    personalObjects: files.filter((f) => f.classes.some((c) => c !== 'not_personal')).map((f) => ({ key: maskKey(f.path), persons: f.persons.distinct })),
  };
}
