// A snapshot of n buckets for the scale benches and the browser budget: the AWS example's buckets repeated under
// new names (b000000-<name>, …), each policy rewritten to name its own bucket.
import { readFileSync, writeFileSync } from 'node:fs';
import { packagePath } from '../src/package-info.js';

interface Bucket {
  Name: string;
  Policy?: unknown;
  [k: string]: unknown;
}

export function writeSyntheticSnapshot(n: number, path: string): string {
  const example = JSON.parse(readFileSync(packagePath('examples', 'aws-hr-system.snapshot.json'), 'utf8')) as { buckets: Bucket[] };
  const buckets: Bucket[] = [];
  for (let i = 0; i < n; i++) {
    const base = example.buckets[i % example.buckets.length] as Bucket;
    const name = `b${String(i).padStart(6, '0')}-${base.Name}`;
    const copy: Bucket = { ...base, Name: name };
    if (typeof base.Policy === 'string') copy.Policy = base.Policy.split(base.Name).join(name);
    buckets.push(copy);
  }
  writeFileSync(path, JSON.stringify({ ...example, buckets }));
  return path;
}
