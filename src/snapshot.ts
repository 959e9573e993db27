// The raw snapshot file: reading (--input), validating and writing (--save-snapshot). The provider's adapter
// validates its own keys; this file handles the envelope (JSON, UTF-8, version, provider).
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from './errors.js';
import type { BaseSnapshot } from './provider.js';
import { adapterFor, providerIds } from './provider-registry.js';
import { expect, isObject } from './validate.js';

export type Snapshot = BaseSnapshot;

export const SNAPSHOT_VERSION = 1;

const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

export function parseSnapshot(text: string, source = 'snapshot'): Snapshot {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  if (!isObject(doc)) throw new UsageError(`${source}: a snapshot must be a JSON object`);
  const version = doc.snapshotVersion;
  if (version !== undefined && version !== SNAPSHOT_VERSION) {
    throw new UsageError(`${source}: snapshotVersion ${String(version)} is not supported (this kumoscan reads version ${SNAPSHOT_VERSION})`);
  }
  const adapter = typeof doc.provider === 'string' ? adapterFor(doc.provider) : undefined;
  if (!adapter) {
    const got = doc.provider === undefined ? ' (missing)' : ` (got ${JSON.stringify(doc.provider)})`;
    throw new UsageError(`${source}: "provider" must be one of ${providerIds().map((p) => `"${p}"`).join(', ')}${got}`);
  }
  validateProbes(doc.probes);
  validateSamples(doc.samples);
  return adapter.validateSnapshot(doc);
}

function validateSamples(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'samples', 'must be an object of sample outcomes by resource id');
  for (const [id, o] of Object.entries(v)) {
    expect(isObject(o) && (o.profile === null || isObject(o.profile)), `samples["${id}"]`, 'must be {profile: DataProfile | null, error?}');
  }
}

function validateProbes(v: unknown): void {
  if (v === undefined) return;
  expect(isObject(v), 'probes', 'must be an object of probe results by resource id');
  for (const [id, p] of Object.entries(v)) {
    expect(isObject(p) && isObject(p.observed), `probes["${id}"]`, 'must be a probe result with "observed"');
  }
}

export function readSnapshotFile(path: string): Snapshot {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw new UsageError(`cannot read snapshot ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (buf.length > MAX_SNAPSHOT_BYTES) throw new UsageError(`snapshot ${path} is larger than ${MAX_SNAPSHOT_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new UsageError(`snapshot ${path}: not valid UTF-8 (a snapshot is a UTF-8 JSON file)`);
  }
  return parseSnapshot(text, path);
}

export function writeSnapshotFile(path: string, snapshot: Snapshot): void {
  try {
    writeFileSync(path, JSON.stringify(snapshot, null, 2) + '\n');
  } catch (err) {
    throw new UsageError(`cannot write snapshot ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
