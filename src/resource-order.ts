// The order of a report's resources: by account, then name, then id — not the order a listing happened to return.
// A fixed order makes a report independent of the listing, and lets `kumoscan merge` rebuild the report of one run
// from shard reports (reports/merge.ts).
import type { Resource } from './model.js';

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareResources(a: Pick<Resource, 'account' | 'name' | 'id'>, b: Pick<Resource, 'account' | 'name' | 'id'>): number {
  return cmp(a.account, b.account) || cmp(a.name, b.name) || cmp(a.id, b.id);
}
