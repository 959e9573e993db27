// Where an outsider would GET a GCS bucket's listing and objects (for --probe): the JSON API objects list and
// the XML API object URL, both on the public endpoint (or --probe-endpoint for tests and compatible stores).
import type { Resource } from '../../src/model.js';
import type { ProbeTargets } from '../../src/provider.js';
import { GCS_PUBLIC_ENDPOINT } from './connection.js';

/** Encodes an object name for a URL path, keeping its slashes (the XML API path form). */
export function encodeObjectPath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

export function gcsProbeTargets(resource: Resource, endpoint: string | undefined): ProbeTargets {
  const base = (endpoint ?? GCS_PUBLIC_ENDPOINT).replace(/\/+$/, '');
  const bucket = encodeURIComponent(resource.name);
  return {
    list: `${base}/storage/v1/b/${bucket}/o?maxResults=1`,
    object: (key) => `${base}/${bucket}/${encodeObjectPath(key)}`,
  };
}
