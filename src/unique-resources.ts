// One resource per id. A live listing can name a bucket twice (an S3-compatible store that repeats a page); a
// second resource with the same id would give two findings the same id. The first entry is kept with a recorded
// error (the scan is then incomplete, exit 3), and a verdict the two entries disagree on becomes null: which
// entry is the real configuration cannot be known. (A snapshot file with a repeated name is refused earlier, exit
// 2: see expectUniqueNames in src/validate.ts.) Pure.
import { CAPABILITIES, type Resource } from './model.js';

function merged(first: Resource, others: readonly Resource[]): Resource {
  const exposure = { ...first.exposure, evidence: [...first.exposure.evidence] };
  for (const cap of CAPABILITIES) {
    if (others.some((o) => o.exposure[cap] !== first.exposure[cap])) {
      exposure[cap] = null;
      exposure.evidence.push({ capability: cap, effect: 'unknown', source: 'listing', ref: first.name, message: `${first.name} was listed ${others.length + 1} times with different settings, so whether anyone can do this is unknown`, messageJa: `${first.name} は異なる設定で ${others.length + 1} 回列挙されたため、誰でもこれができるかは不明です` });
    }
  }
  const error = { call: 'normalize', code: 'DuplicateResource', message: `${first.id} was listed ${others.length + 1} times; the first entry is kept` };
  return { ...first, exposure, errors: [...first.errors, error] };
}

export function uniqueResources(resources: readonly Resource[]): Resource[] {
  const byId = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  if (byId.size === resources.length) return [...resources];
  return [...byId.values()].map(([first, ...others]) => (others.length === 0 ? (first as Resource) : merged(first as Resource, others)));
}
