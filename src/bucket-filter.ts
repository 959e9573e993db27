// --buckets GLOB: which bucket names a scan includes. Several globs may be given (repeated or comma-separated).
import picomatch from 'picomatch';

export interface BucketFilter {
  matches(name: string): boolean;
  /** Patterns without glob characters: exact names that can be scanned even when listing is denied. */
  literalNames(): string[];
}

export function splitGlobs(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);
}

export function compileBucketFilter(values: readonly string[]): BucketFilter {
  const globs = splitGlobs(values);
  if (globs.length === 0) return { matches: () => true, literalNames: () => [] };
  const matchers = globs.map((g) => picomatch(g, { dot: true }));
  return {
    matches: (name) => matchers.some((m) => m(name)),
    literalNames: () => globs.filter((g) => !picomatch.scan(g).isGlob),
  };
}
