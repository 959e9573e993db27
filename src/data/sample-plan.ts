// Which objects to sample (../shared/PERSONAL-DATA.md, "Reading a sample"): a representative, bounded set —
// spread across top-level prefixes and biased to recent objects, never only the first keys in lexical order;
// archive storage classes are never read. Pure: the listing comes in, the plan goes out.
import type { ObjectInfo } from './object-reader.js';

export interface SampleLimits {
  /** Objects read per resource. */
  objectsPerResource: number;
  /** Bytes read per object (a range GET of the first N bytes). */
  bytesPerObject: number;
  /** Bytes read in the whole scan, across resources. */
  bytesPerScan: number;
  /** Time per object read (ms). */
  msPerObject: number;
  /** Objects listed per resource at most (the listing is the basis of the persons estimate). */
  listLimit: number;
}

export const DEFAULT_SAMPLE_LIMITS: SampleLimits = {
  objectsPerResource: 20,
  bytesPerObject: 1024 * 1024,
  bytesPerScan: 64 * 1024 * 1024,
  msPerObject: 10_000,
  listLimit: 10_000,
};

/** Storage classes and tiers that cost money or hours to read. */
const ARCHIVE = /^(GLACIER|DEEP_ARCHIVE|GLACIER_IR|ARCHIVE|COLDLINE|Archive|Cold)$/;

export function isArchived(o: ObjectInfo): boolean {
  return o.storageClass !== undefined && ARCHIVE.test(o.storageClass);
}

/** Image and media files: classified by name only, never downloaded. */
const NAME_ONLY = /\.(jpe?g|png|gif|bmp|tiff?|webp|heic|heif|svg|mp4|mov|avi|mp3|wav|zip|7z|rar|iso|dmg|exe|dll|bin)$/i;

export function nameOnly(key: string): boolean {
  return NAME_ONLY.test(key);
}

/** Pictures OCR reads (src/data/ocr): with OCR on they are read whole, up to PlanOptions.maxImageBytes. */
const OCR_IMAGE = /\.(jpe?g|jfif|png|gif|bmp|tiff?|webp)$/i;

export function isOcrImage(key: string): boolean {
  return OCR_IMAGE.test(key);
}

/** Largest picture read for OCR (a bigger one is classified by name). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export interface PlanOptions {
  /** OCR is on: pictures are read whole (not by name). */
  readImages?: boolean;
  maxImageBytes?: number;
}

export interface PlannedObject {
  key: string;
  size: number;
  /** read: range GET; name: classify by file name only. */
  how: 'read' | 'name';
  /** Read the whole object, not the first bytes per object (a picture for OCR). */
  whole?: boolean;
}

export interface SamplePlan {
  objects: PlannedObject[];
  skipped: { key: string; reason: string }[];
}

function topPrefix(key: string): string {
  const i = key.indexOf('/');
  return i < 0 ? '' : key.slice(0, i + 1);
}

/**
 * Round-robin over top-level prefixes (folders), newest first within each, so a bucket with `exports/` and
 * `id-cards/` is sampled in both even when one holds thousands of objects. Ties broken by key for determinism.
 */
export function planSample(listing: readonly ObjectInfo[], max: number, opts: PlanOptions = {}): SamplePlan {
  const maxImage = opts.maxImageBytes ?? MAX_IMAGE_BYTES;
  const plan = (o: ObjectInfo): PlannedObject => {
    if (opts.readImages === true && isOcrImage(o.key) && o.size <= maxImage) return { key: o.key, size: o.size, how: 'read', whole: true };
    return { key: o.key, size: o.size, how: nameOnly(o.key) ? 'name' : 'read' };
  };
  const skipped: SamplePlan['skipped'] = [];
  const groups = new Map<string, ObjectInfo[]>();
  for (const o of listing) {
    if (o.key.endsWith('/')) continue; // folder placeholder
    if (isArchived(o)) {
      if (skipped.length < 50) skipped.push({ key: o.key, reason: `archive storage class ${o.storageClass}` });
      continue;
    }
    if (o.size === 0) continue;
    const p = topPrefix(o.key);
    const g = groups.get(p);
    if (g) g.push(o);
    else groups.set(p, [o]);
  }
  for (const g of groups.values()) {
    g.sort((a, b) => (b.lastModified ?? '').localeCompare(a.lastModified ?? '') || a.key.localeCompare(b.key));
  }
  const order = [...groups.keys()].sort();
  const picked: PlannedObject[] = [];
  for (let round = 0; picked.length < max; round++) {
    let any = false;
    for (const p of order) {
      const o = groups.get(p)?.[round];
      if (!o) continue;
      any = true;
      picked.push(plan(o));
      if (picked.length >= max) break;
    }
    if (!any) break;
  }
  return { objects: picked, skipped };
}
