// A bound on how deeply user-supplied JSON / YAML may nest. Nothing kumoscan reads legitimately nests deeper than
// a few dozen levels (a policy condition is about 8 below the bucket); a value nested thousands deep would
// overflow the stack of the recursive code that walks it later. Checked without recursion, right after parsing.

export const MAX_NESTING = 100;

/** Path of the first value nested deeper than `max` (e.g. `buckets[0].Tags[0].Value[0]…`), or undefined. */
export function tooDeep(root: unknown, max: number = MAX_NESTING): string | undefined {
  // A snapshot of 100,000 buckets holds millions of values: the walk keeps no path until one is too deep.
  return nestsDeeper(root, 0, max) ? pathTooDeep(root, max) : undefined;
}

/** Whether some object or array inside `value` (at `depth`) is `max` or more levels below the top. Recursion ≤ max. */
function nestsDeeper(value: unknown, depth: number, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= max) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1, max)) return true;
    return false;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1, max)) return true;
  }
  return false;
}

/** The path of the first value nested too deep (walked again only when there is one). */
function pathTooDeep(root: unknown, max: number): string | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= max) return showPath(path);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

/** `buckets[0].Tags[0].Value` — the first few steps, which say where; "…" for the rest. */
export function showPath(path: readonly (string | number)[], shown = 6): string {
  let out = '';
  for (const p of path.slice(0, shown)) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? `${out ? '.' : ''}${p}` : `[${JSON.stringify(p)}]`;
  return (out || '(top level)') + (path.length > shown ? '…' : '');
}
