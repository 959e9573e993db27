// Pure: does a CloudTrail trail's event selectors (GetEventSelectors: basic EventSelectors or AdvancedEventSelectors,
// the documented shapes) log the S3 data events of object reads (GetObject) in a bucket? `all`: every object of the
// bucket; `partial`: some of it (a key prefix, a narrower filter), so what the logs show is a lower bound; `none`.

export type Coverage = 'all' | 'partial' | 'none';

export interface BasicSelector {
  ReadWriteType?: string;
  DataResources?: { Type?: string; Values?: string[] }[];
}

export interface FieldSelector {
  Field?: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface AdvancedSelector {
  Name?: string;
  FieldSelectors?: FieldSelector[];
}

export interface TrailSelectors {
  EventSelectors?: BasicSelector[];
  AdvancedEventSelectors?: AdvancedSelector[];
}

const S3_OBJECT = 'AWS::S3::Object';
const RANK: Record<Coverage, number> = { none: 0, partial: 1, all: 2 };
const best = (list: Coverage[]): Coverage => list.reduce<Coverage>((a, c) => (RANK[c] > RANK[a] ? c : a), 'none');
const worst = (list: Coverage[]): Coverage => list.reduce<Coverage>((a, c) => (RANK[c] < RANK[a] ? c : a), 'all');

/** One data-resource value of a basic selector: every bucket, this bucket, a prefix of it, or another bucket. */
function basicValue(value: string, bucketArn: string): Coverage {
  if (value === 'arn:aws:s3' || value === 'arn:aws:s3:::' || value === bucketArn || value === `${bucketArn}/`) return 'all';
  return value.startsWith(`${bucketArn}/`) ? 'partial' : 'none';
}

function basic(s: BasicSelector, bucketArn: string): Coverage {
  if (s.ReadWriteType === 'WriteOnly') return 'none';
  const values = (s.DataResources ?? []).filter((d) => d.Type === S3_OBJECT).flatMap((d) => d.Values ?? []);
  return best(values.map((v) => basicValue(v, bucketArn)));
}

/** The objects' ARN field: which of the bucket's objects (`arn:aws:s3:::bucket/key`) it keeps. */
function arnField(f: FieldSelector, bucketArn: string): Coverage {
  const all = `${bucketArn}/`;
  const parts: Coverage[] = [];
  if (f.StartsWith) parts.push(f.StartsWith.some((v) => all.startsWith(v)) ? 'all' : f.StartsWith.some((v) => v.startsWith(all)) ? 'partial' : 'none');
  if (f.Equals) parts.push(f.Equals.some((v) => v.startsWith(all)) ? 'partial' : 'none');
  if (f.EndsWith) parts.push('partial');
  if (f.NotStartsWith) parts.push(f.NotStartsWith.some((v) => all.startsWith(v)) ? 'none' : f.NotStartsWith.some((v) => v.startsWith(all)) ? 'partial' : 'all');
  if (f.NotEquals) parts.push(f.NotEquals.some((v) => v.startsWith(all)) ? 'partial' : 'all');
  if (f.NotEndsWith) parts.push('partial');
  return worst(parts);
}

/** A field that must hold `value` for the selector to keep the event (eventCategory, resources.type, eventName). */
function requires(f: FieldSelector, value: string): Coverage {
  if (f.Equals && !f.Equals.includes(value)) return 'none';
  if (f.NotEquals?.includes(value)) return 'none';
  if (f.StartsWith && !f.StartsWith.some((v) => value.startsWith(v))) return 'none';
  if (f.NotStartsWith?.some((v) => value.startsWith(v))) return 'none';
  if (f.EndsWith && !f.EndsWith.some((v) => value.endsWith(v))) return 'none';
  if (f.NotEndsWith?.some((v) => value.endsWith(v))) return 'none';
  return 'all';
}

function advanced(s: AdvancedSelector, bucketArn: string): Coverage {
  const fields = s.FieldSelectors ?? [];
  const field = (name: string) => fields.filter((f) => f.Field === name);
  // A selector without eventCategory = Data and resources.type = AWS::S3::Object logs no S3 object reads.
  if (field('eventCategory').length === 0 || field('resources.type').length === 0) return 'none';
  const parts: Coverage[] = [];
  for (const f of fields) {
    if (f.Field === 'eventCategory') parts.push(requires(f, 'Data'));
    else if (f.Field === 'resources.type') parts.push(requires(f, S3_OBJECT));
    else if (f.Field === 'readOnly') parts.push(requires(f, 'true'));
    else if (f.Field === 'eventName') parts.push(requires(f, 'GetObject'));
    else if (f.Field === 'eventSource') parts.push(requires(f, 's3.amazonaws.com'));
    else if (f.Field === 'resources.ARN') parts.push(arnField(f, bucketArn));
    // Any other field (userIdentity.arn, sessionCredentialFromConsole …) keeps only some requests.
    else parts.push('partial');
  }
  return worst(parts);
}

/** How much of `bucket`'s object reads the trail logs as data events. */
export function readsCoverage(selectors: TrailSelectors, bucket: string): Coverage {
  const arn = `arn:aws:s3:::${bucket}`;
  if (selectors.AdvancedEventSelectors && selectors.AdvancedEventSelectors.length > 0) return best(selectors.AdvancedEventSelectors.map((s) => advanced(s, arn)));
  return best((selectors.EventSelectors ?? []).map((s) => basic(s, arn)));
}
