// Grouping helpers for the pure stages: one pass over a list instead of a filter per element (keeps the
// evaluation of 100,000 buckets linear).

/** Items grouped by key, each group in the input's order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The first item of each key. */
export function indexBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T> {
  const out = new Map<K, T>();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, item);
  }
  return out;
}
