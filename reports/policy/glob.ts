// The patterns of kumoscan.yml (suppressions' resources, inventory buckets, entrustee principals): `*` matches any
// run of characters (also `/` and `:`, so `arn:aws:s3:::hr-*` and `acct/*` work), `?` one character; everything
// else is literal. A whole-string match. Pure.

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** A predicate for `pattern`; `ignoreCase` for principal ids, account ids and domains. */
export function globMatcher(pattern: string, opts: { ignoreCase?: boolean } = {}): (value: string) => boolean {
  const source = [...pattern].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  const re = new RegExp(`^${source}$`, opts.ignoreCase ? 'is' : 's');
  return (value) => re.test(value);
}

/** True when any of `patterns` matches any of `values`. */
export function matchesAny(patterns: readonly string[], values: readonly string[], opts: { ignoreCase?: boolean } = {}): boolean {
  return patterns.some((p) => {
    const m = globMatcher(p, opts);
    return values.some(m);
  });
}
