// The provider-neutral way sampling reads objects (../shared/PERSONAL-DATA.md, "Reading a sample").
// Implemented per provider (providers/<cloud>/reader.ts); read-only: list and ranged GET, nothing else.

export interface ObjectInfo {
  key: string;
  size: number;
  /** ISO date-time. */
  lastModified?: string;
  /** Provider storage class / access tier (GLACIER, DEEP_ARCHIVE, ARCHIVE, Archive, Cool …). */
  storageClass?: string;
}

export interface ObjectPage {
  objects: ObjectInfo[];
  /** Common prefixes ("folders") when a delimiter was used. */
  prefixes: string[];
  /** Continuation token for the next page; undefined on the last page. */
  next?: string;
}

export interface ObjectReader {
  /** One page of the listing (at most `max` entries). With `delimiter`, prefixes come back as folders. */
  list(opts: { prefix?: string; delimiter?: string; max: number; next?: string; signal?: AbortSignal }): Promise<ObjectPage>;
  /** The first `maxBytes` bytes of one object (a range GET), never more. */
  read(key: string, opts: { maxBytes: number; signal?: AbortSignal }): Promise<Uint8Array>;
  /** Frees connections. */
  close(): void;
}
