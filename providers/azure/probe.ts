// Where an outsider would GET an Azure container's listing and blobs (for --probe): the blob endpoint's List Blobs
// URL and the blob's URL; for $web with static website hosting on, the blob through the web endpoint.
import type { Resource } from '../../src/model.js';
import type { ProbeTargets } from '../../src/provider.js';
import { containerNameOf } from './normalize.js';

/** Encodes a blob name for a URL path, keeping its slashes. */
export function encodeBlobPath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

/** probeEndpoint (--probe-endpoint) replaces the account's blob endpoint (tests, emulators). */
export function azureProbeTargets(resource: Resource, probeEndpoint: string | undefined): ProbeTargets | undefined {
  const az = resource.azure;
  const base = (probeEndpoint ?? az?.blobEndpoint ?? '').replace(/\/+$/, '');
  if (!base) return undefined;
  const container = containerNameOf(resource);
  const containerUrl = `${base}/${encodeURIComponent(container)}`;
  const web = az?.webEndpoint;
  const viaWebsite = container === '$web' && az?.staticWebsite === true && web && !probeEndpoint;
  return {
    list: `${containerUrl}?restype=container&comp=list&maxresults=1`,
    object: viaWebsite ? (key) => `${web.replace(/\/+$/, '')}/${encodeBlobPath(key)}` : (key) => `${containerUrl}/${encodeBlobPath(key)}`,
  };
}
