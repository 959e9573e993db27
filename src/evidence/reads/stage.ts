// The scan stage of --evidence reads: the request from the CLI (window start, limits) → collectReads().
import type { Resource } from '../../model.js';
import type { BaseSnapshot, ProviderAdapter } from '../../provider.js';
import { collectReads } from './collect.js';
import { DEFAULT_READS_LIMITS, type ReadsLimits } from './limits.js';
import type { ReadsEvidence } from './types.js';

export interface EvidenceReadsRequest {
  /** --since: the start of the exposure window (ISO); absent = the whole log there is. */
  since?: string;
  /** --evidence-max-bytes, --evidence-timeout and the fixed per-object limits; defaults in limits.ts. */
  limits?: Partial<ReadsLimits>;
}

export function readsStage(adapter: ProviderAdapter<BaseSnapshot>, flags: Readonly<Record<string, unknown>>, snapshot: BaseSnapshot, resources: readonly Resource[], req: EvidenceReadsRequest, now: Date, redactIps: boolean): Promise<Record<string, ReadsEvidence>> {
  const limits = { ...DEFAULT_READS_LIMITS, ...req.limits };
  // No single log object, read or decompressed, may exceed the whole evidence budget.
  limits.maxObjectBytes = Math.min(limits.maxObjectBytes, limits.maxBytes);
  limits.maxDecompressedBytes = Math.min(limits.maxDecompressedBytes, limits.maxBytes);
  return collectReads(adapter, flags, snapshot, resources, {
    ...(req.since !== undefined ? { since: req.since } : {}),
    until: now.toISOString(),
    limits,
    redactIps,
  });
}
