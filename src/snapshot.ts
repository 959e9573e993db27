// The raw snapshot file: reading (--input), validating and writing (--save-snapshot). The provider's adapter
// validates its own keys; this file handles the envelope (JSON, UTF-8, version, provider).
import { UsageError } from './errors.js';
import { writeFileAtomic } from './io/atomic-write.js';
import { tooDeep, MAX_NESTING } from './io/json-depth.js';
import { readRegularFile } from './io/read-file.js';
import type { BaseSnapshot } from './provider.js';
import { adapterFor } from './adapters.js';
import { providerIds } from './provider-registry.js';
import { expect, expectShape, isObject } from './validate.js';
import { probeResultShape, sampleOutcomeShape } from './snapshot-shapes.js';
import { changesEvidenceShape } from './evidence/changes/shape.js';
import { readsEvidenceShape } from './evidence/reads/shape.js';

export type Snapshot = BaseSnapshot;

export const SNAPSHOT_VERSION = 1;

export const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

export function parseSnapshot(text: string, source = 'snapshot'): Snapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) throw new UsageError(`${source}: a snapshot must be a JSON object`);
  const deep = tooDeep(doc);
  if (deep !== undefined) throw new UsageError(`${source}: ${deep} is nested more than ${MAX_NESTING} levels deep`);
  const version = doc.snapshotVersion;
  if (version !== undefined && version !== SNAPSHOT_VERSION) {
    throw new UsageError(`${source}: snapshotVersion ${String(version)} is not supported (this kumoscan reads version ${SNAPSHOT_VERSION})`);
  }
  const adapter = typeof doc.provider === 'string' ? adapterFor(doc.provider) : undefined;
  if (!adapter) {
    const got = doc.provider === undefined ? ' (missing)' : ` (got ${JSON.stringify(doc.provider)})`;
    throw new UsageError(`${source}: "provider" must be one of ${providerIds().map((p) => `"${p}"`).join(', ')}${got}`);
  }
  try {
    validateProbes(doc.probes);
    validateSamples(doc.samples);
    validateEvidence(doc.evidence);
    return adapter.validateSnapshot(doc);
  } catch (err) {
    // The validators name the field after "snapshot: "; the message names the file instead.
    if (err instanceof UsageError && source !== 'snapshot' && err.message.startsWith('snapshot: ')) throw new UsageError(`${source}: ${err.message.slice('snapshot: '.length)}`);
    throw err;
  }
}

function validateSamples(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'samples', 'must be an object of sample outcomes by resource id');
  for (const [id, o] of Object.entries(v)) {
    expect(isObject(o) && (o.profile === null || isObject(o.profile)), `samples["${id}"]`, 'must be {profile: DataProfile | null, error?}');
    expectShape(sampleOutcomeShape, o, `samples["${id}"]`);
  }
}

function validateEvidence(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'evidence', 'must be an object of evidence by kind (changes, reads)');
  if (v.changes !== undefined) expectShape(changesEvidenceShape, v.changes, 'evidence.changes');
  const reads = v.reads;
  if (reads === undefined) return;
  expect(isObject(reads), 'evidence.reads', 'must be an object of reads evidence by resource id');
  for (const [id, e] of Object.entries(reads)) expectShape(readsEvidenceShape, e, `evidence.reads["${id}"]`);
}

function validateProbes(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'probes', 'must be an object of probe results by resource id');
  for (const [id, p] of Object.entries(v)) {
    expect(isObject(p) && isObject(p.observed), `probes["${id}"]`, 'must be a probe result with "observed"');
    expectShape(probeResultShape, p, `probes["${id}"]`);
  }
}

/** Reads a snapshot file: a regular file of at most 512 MiB (checked from its stat, before reading), UTF-8 JSON. */
export function readSnapshotFile(path: string): Snapshot {
  const buf = readRegularFile(path, { maxBytes: MAX_SNAPSHOT_BYTES, error: (reason) => `cannot read snapshot ${path}: ${reason}` });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UsageError(`snapshot ${path}: not valid UTF-8 (a snapshot is a UTF-8 JSON file)`);
  }
  return parseSnapshot(text, path);
}

/** Writes a snapshot atomically (a temporary file renamed over `path`). */
export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(snapshot, null, 2) + '\n');
}
