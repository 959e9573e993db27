// Where an outsider would GET an S3 bucket's listing and objects (for --probe).
import type { Resource } from '../../src/model.js';
import type { ProbeTargets } from '../../src/provider.js';

/** Encodes an object key for a URL path, keeping its slashes. */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The public endpoint of a bucket: path-style on a given endpoint (S3-compatible stores, tests), else AWS's. */
export function s3ProbeTargets(resource: Resource, endpoint: string | undefined): ProbeTargets {
  const bucket = resource.name;
  const region = resource.region ?? 'us-east-1';
  let base: string;
  if (endpoint) base = `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}`;
  // Dotted names do not fit the wildcard certificate of virtual-hosted style: use path style for them.
  else if (bucket.includes('.')) base = `https://s3.${region}.amazonaws.com/${encodeURIComponent(bucket)}`;
  else base = `https://${bucket}.s3.${region}.amazonaws.com`;
  return {
    list: `${base}/?list-type=2&max-keys=1`,
    object: (key) => `${base}/${encodeKeyPath(key)}`,
  };
}
