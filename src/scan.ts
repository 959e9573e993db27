// Orchestration: collect (or read a snapshot) -> normalize -> check -> assess -> report, and the exit code.
// Everything after collect is pure: evaluateSnapshot() re-runs on an old snapshot with new rules.
import { compareFindings, runAccountChecks, runChecks, type CheckSettings } from '../checks/index.js';
import { buildReport, type Report, type ReportScope } from '../reports/render/json.js';
import { compileBucketFilter } from './bucket-filter.js';
import type { Shard } from './shard.js';
import { EXIT, UsageError } from './errors.js';
import { severityRank, type Resource, type Severity } from './model.js';
import { compareResources } from './resource-order.js';
import { VERSION } from './package-info.js';
import type { BaseSnapshot, CommonCollectOptions, ProviderAdapter } from './provider.js';
import { adapterFor } from './adapters.js';
import { readSnapshotFile, writeSnapshotFile, type Snapshot } from './snapshot.js';
import { applyProbe, probeResources, shouldProbe } from './probe.js';
import type { SampleRequest } from './data/sampling-stage.js';
import { attachSample } from './data/sample-outcome.js';
import { attachReads } from './evidence/reads/attach.js';
import type { EvidenceReadsRequest } from './evidence/reads/stage.js';
import type { Entrustee } from '../reports/appi/types.js';
import { applyPolicyToFindings, applyPolicyToResources, type Policy } from '../reports/policy/apply.js';
import type { ScanEventSink } from './log/events.js';
import { errorEvent, probeDone, resourceProgress, sampleDone } from './log/scan-events.js';
import { attachOpenedBy } from './evidence/changes/attach.js';
import { redactEvidenceIps } from './evidence/redact-ips.js';
import type { EvidenceKind } from './evidence/evidence-option.js';
import type { ChangeBounds } from './evidence/changes/bounds.js';
import { CALL_LIMITS_FLAG, DEFAULT_CALL_TIMEOUT_MS, scanDeadline, type CallLimits } from './call-limits.js';

export type FailOn = Severity | 'none';

export interface ScanRequest {
  /** The provider word (`kumoscan scan aws`); optional with --input, where the snapshot names it. */
  provider?: string;
  /** Evaluate this saved snapshot instead of collecting. */
  input?: string;
  saveSnapshot?: string;
  /** Provider-specific flag values, by camelCase option name. */
  flags?: Readonly<Record<string, unknown>>;
  failOn: FailOn;
  bucketFilter?: string[];
  concurrency?: number;
  /** Confirm verdicts with anonymous GETs (live scans only; a snapshot keeps the answers it was saved with). */
  probe?: boolean;
  /** Personal-data sampling (live scans only; a snapshot keeps the profiles it was saved with). */
  sample?: SampleRequest;
  onResource?: (name: string, done: number, total: number) => void;
  /** Scan events for the logger (src/log/): progress, stages, recorded errors — counts and ids only. */
  events?: ScanEventSink;
  now?: () => Date;
  /** 知った日 for the breach-report deadlines (--discovered-at YYYY-MM-DD); default: the scan date in Asia/Tokyo. */
  discoveredAt?: string;
  /** Declared entrustees (--entrustee ID=NAME:CONTRACT-REF, and the configuration's `entrustees:`). */
  entrustees?: Entrustee[];
  /** --shard i/n: scan only the buckets (Azure: storage accounts) of this shard. */
  shard?: Shard;
  /** The configuration's severity overrides, suppressions and inventory declarations (kumoscan.yml). */
  policy?: Policy;
  /** The configuration file read, recorded in the report's scope. */
  configFile?: string;
  /** --call-timeout: milliseconds one remote call may take, retries included (default 30 s). */
  callTimeoutMs?: number;
  /** --scan-timeout: milliseconds after which no new call starts; what is left is recorded as not done (default: none). */
  scanTimeoutMs?: number;
  /** --evidence: the logs a live scan also reads (a snapshot keeps what it was saved with). */
  evidence?: readonly EvidenceKind[];
  /** The bounds of reading the change log (default: src/evidence/changes/bounds.ts). */
  changeBounds?: ChangeBounds;
  /** --evidence reads: read the access logs of exposed resources (live scans only; a snapshot keeps what it was saved with). */
  evidenceReads?: EvidenceReadsRequest;
  /** --redact-ips: no client address in the snapshot's or the report's evidence. */
  redactIps?: boolean;
}

export interface ScanOutcome {
  snapshot: Snapshot;
  report: Report;
  exitCode: number;
}

export interface EvaluateOptions {
  source: ReportScope['source'];
  failOn: FailOn;
  bucketFilter?: string[];
  snapshotFile?: string;
  endpointUrl?: string;
  scannedAt: string;
  /** Check thresholds (e.g. --max-readers). */
  checkSettings?: Partial<CheckSettings>;
  /** Declared persons per resource name (--declare), overriding the sample's estimate. */
  declared?: Record<string, number>;
  /** 知った日 (YYYY-MM-DD) the APPI deadlines count from; default: the date of scannedAt in Asia/Tokyo (no clock is read). */
  discoveredAt?: string;
  /** Declared entrustees, turning entrustment signals into documented relations. */
  entrustees?: Entrustee[];
  /** --shard i/n the snapshot was filtered with (recorded in the report's scope). */
  shard?: Shard;
  /** Severity overrides, suppressions and inventory declarations of the configuration; "today" is scannedAt's date in Asia/Tokyo. */
  policy?: Policy;
  /** The configuration file read (scope.configFile). */
  configFile?: string;
  /** --redact-ips: the reads evidence in the report without client addresses. */
  redactIps?: boolean;
  /** The adapter's normalize(snapshot), when the caller has it already (it is not computed again). */
  normalized?: readonly Resource[];
}

/** Check settings from provider-neutral flags (until a configuration file exists). */
export function checkSettingsFrom(flags: Readonly<Record<string, unknown>> | undefined): Partial<CheckSettings> {
  const maxReaders = flags?.maxReaders;
  return typeof maxReaders === 'number' && Number.isInteger(maxReaders) && maxReaders >= 0 ? { maxReaders } : {};
}

function adapterOf(provider: string): ProviderAdapter<BaseSnapshot> {
  const adapter = adapterFor(provider);
  if (!adapter) throw new UsageError(`unknown provider "${provider}"`);
  return adapter;
}

/** Pure: snapshot -> report. */
export function evaluateSnapshot(snapshot: Snapshot, opts: EvaluateOptions): Report {
  const adapter = adapterOf(snapshot.provider);
  const sampled = (opts.normalized ?? adapter.normalize(snapshot))
    .map((r) => attachSample(applyProbe(r, snapshot.probes?.[r.id]), snapshot.samples?.[r.id], opts.declared?.[r.name]))
    .map((r) => attachOpenedBy(r, snapshot.evidence?.changes))
    .map((r) => attachReads(r, snapshot.evidence?.reads?.[r.id], opts.redactIps === true))
    // A fixed order (not the listing's), so shard reports merge into the report of one run (reports/merge.ts).
    .sort(compareResources);
  const resources = applyPolicyToResources(sampled, opts.policy, opts.declared);
  const identities = adapter.identities?.(snapshot) ?? [];
  const checkOpts = { settings: { ...opts.checkSettings, entrustees: opts.entrustees ?? [] } };
  const checked = [...runChecks(resources, checkOpts), ...runAccountChecks(identities, checkOpts)].sort(compareFindings);
  const { findings, suppressed, warnings } = applyPolicyToFindings(checked, resources, opts.policy, opts.scannedAt);
  const { accounts, errors } = adapter.scope(snapshot);
  const scope: ReportScope = {
    provider: snapshot.provider,
    source: opts.source,
    accounts,
    regions: [...new Set(resources.map((r) => r.region).filter((r): r is string => r !== null))].sort(),
    bucketFilter: opts.bucketFilter ?? [],
    failOn: opts.failOn,
    ...(opts.snapshotFile ? { snapshotFile: opts.snapshotFile } : {}),
    ...(opts.endpointUrl ? { endpointUrl: opts.endpointUrl } : {}),
    ...(opts.shard ? { shard: { index: opts.shard.index, count: opts.shard.count } } : {}),
    ...(opts.entrustees && opts.entrustees.length > 0 ? { entrustees: opts.entrustees.map((e) => ({ ...e })) } : {}),
    ...(opts.configFile ? { configFile: opts.configFile } : {}),
  };
  return buildReport({
    version: VERSION,
    scannedAt: opts.scannedAt,
    scope,
    resources,
    findings,
    scanErrors: [...errors, ...(snapshot.evidence?.changes?.errors ?? [])],
    identities,
    ...(opts.discoveredAt !== undefined ? { discoveredAt: opts.discoveredAt } : {}),
    ...(opts.entrustees !== undefined ? { entrustees: opts.entrustees } : {}),
    suppressed,
    configWarnings: warnings,
  });
}

/** 1 when a finding is at or above --fail-on; else 3 when the scan is incomplete; else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (failOn !== 'none' && report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn))) return EXIT.FINDINGS;
  if (!report.summary.complete) return EXIT.INCOMPLETE;
  return EXIT.OK;
}

async function obtainSnapshot(req: ScanRequest, flags: Readonly<Record<string, unknown>>, onListed?: CommonCollectOptions['onListed']): Promise<Snapshot> {
  const filter = compileBucketFilter(req.bucketFilter ?? [], req.shard);
  if (req.input) {
    const snapshot = readSnapshotFile(req.input);
    if (req.provider !== undefined && req.provider !== snapshot.provider) {
      throw new UsageError(`${req.input} is a "${snapshot.provider}" snapshot, not "${req.provider}"`);
    }
    // --buckets applies to a saved snapshot as it does to a live scan.
    return adapterOf(snapshot.provider).filterSnapshot(snapshot, filter);
  }
  if (req.provider === undefined) throw new UsageError('name a provider or give --input SNAPSHOT');
  const onResource = resourceProgress(req.provider, req.events, req.onResource);
  const adapter = adapterOf(req.provider);
  req.events?.({ event: 'collect.start', provider: req.provider });
  return adapter.collect(flags, {
    buckets: filter,
    concurrency: req.concurrency ?? 8,
    ...(onResource ? { onResource } : {}),
    ...(onListed ? { onListed } : {}),
  });
}

/** The provider flags with the call limits of this scan (src/call-limits.ts) beside them. */
function limitedFlags(req: ScanRequest, deadline: AbortSignal | undefined): Record<string, unknown> {
  const limits: CallLimits = { callTimeoutMs: req.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, ...(deadline ? { deadline } : {}) };
  return { ...(req.flags ?? {}), [CALL_LIMITS_FLAG]: limits };
}

export async function scan(req: ScanRequest): Promise<ScanOutcome> {
  const deadline = scanDeadline(req.input ? undefined : req.scanTimeoutMs);
  try {
    return await scanWithin(req, deadline.signal);
  } finally {
    deadline.clear();
  }
}

async function scanWithin(req: ScanRequest, deadline: AbortSignal | undefined): Promise<ScanOutcome> {
  const now = req.now ?? (() => new Date());
  const flags = limitedFlags(req, deadline);
  const events = req.events;
  // scope.found as soon as the provider has listed what it will read; else (a snapshot, an AWS organization)
  // once the snapshot is there. The snapshot is normalized once, for the log, the probe, sampling and the checks.
  let scopeLogged = false;
  const onListed = events && req.provider !== undefined && !req.input
    ? (found: { accounts: string[]; resources: number }) => {
        if (scopeLogged) return;
        scopeLogged = true;
        events({ event: 'scope.found', provider: req.provider ?? '', accounts: found.accounts, resources: found.resources });
      }
    : undefined;
  const snapshot = await obtainSnapshot(req, flags, onListed);
  let normalized: Resource[] | undefined;
  const normalizedOnce = (): Resource[] => (normalized ??= adapterOf(snapshot.provider).normalize(snapshot));
  if (events && !scopeLogged) {
    events({ event: 'scope.found', provider: snapshot.provider, accounts: adapterOf(snapshot.provider).scope(snapshot).accounts, resources: normalizedOnce().length });
  }
  const sampling = req.sample !== undefined && req.sample.mode !== 'none';
  if (!req.input && (req.probe || sampling)) {
    const adapter = adapterOf(snapshot.provider);
    let resources = normalizedOnce();
    // After the scan deadline the probe is left out: the verdicts stay those of the configuration.
    if (req.probe && !deadline?.aborted) {
      events?.({ event: 'probe.start', provider: snapshot.provider, resources: resources.filter(shouldProbe).length });
      const probes = await probeResources(adapter, flags, resources, req.concurrency ?? 8, now());
      snapshot.probes = probes;
      events?.(probeDone(snapshot.provider, probes));
      resources = resources.map((r) => applyProbe(r, probes[r.id]));
    }
    // Sampled after the probe: what an outsider was seen to reach is sampled even if the configuration said no.
    if (sampling && req.sample) {
      // The decoders, detectors and OCR load only when a live scan samples.
      const { sampleResources, shouldSample } = await import('./data/sampling-stage.js');
      const sample: SampleRequest = { ...req.sample, ...(deadline ? { deadline } : {}) };
      events?.({ event: 'sample.start', provider: snapshot.provider, resources: resources.filter((r) => shouldSample(r, sample.mode)).length });
      const provider = snapshot.provider;
      const onSampled = events ? (done: number, total: number) => events({ event: 'sample.progress', provider, done, total }) : undefined;
      snapshot.samples = await sampleResources(adapter, flags, resources, onSampled ? { ...sample, onSampled } : sample);
      events?.(sampleDone(snapshot.provider, snapshot.samples));
    }
  }
  // After the probe: a resource an outsider was seen to reach is public, and its opening is looked for too.
  if (!req.input && req.evidence?.includes('changes')) {
    const { collectChanges } = await import('./evidence/changes/collect.js');
    const resources = normalizedOnce().map((r) => applyProbe(r, snapshot.probes?.[r.id]));
    snapshot.evidence = { ...snapshot.evidence, changes: await collectChanges(snapshot.provider, flags, resources, now(), req.changeBounds) };
  }
  if (!req.input && req.evidenceReads && !deadline?.aborted) {
    const resources = normalizedOnce().map((r) => applyProbe(r, snapshot.probes?.[r.id]));
    const { readsStage } = await import('./evidence/reads/stage.js');
    snapshot.evidence = { ...snapshot.evidence, reads: await readsStage(adapterOf(snapshot.provider), flags, snapshot, resources, req.evidenceReads, now(), req.redactIps === true) };
  }
  if (req.redactIps && snapshot.evidence) snapshot.evidence = redactEvidenceIps(snapshot.evidence);
  if (req.saveSnapshot) {
    await writeSnapshotFile(req.saveSnapshot, snapshot);
    events?.({ event: 'snapshot.written', path: req.saveSnapshot });
  }
  const endpointUrl = req.flags?.endpointUrl;
  const report = evaluateSnapshot(snapshot, {
    ...(normalized ? { normalized } : {}),
    source: req.input ? 'snapshot' : 'live',
    failOn: req.failOn,
    scannedAt: now().toISOString(),
    checkSettings: checkSettingsFrom(req.flags),
    ...(req.sample?.declared ? { declared: req.sample.declared } : {}),
    ...(req.discoveredAt !== undefined ? { discoveredAt: req.discoveredAt } : {}),
    ...(req.entrustees && req.entrustees.length > 0 ? { entrustees: req.entrustees } : {}),
    ...(req.bucketFilter ? { bucketFilter: req.bucketFilter } : {}),
    ...(req.input ? { snapshotFile: req.input } : {}),
    ...(req.shard ? { shard: req.shard } : {}),
    ...(req.policy ? { policy: req.policy } : {}),
    ...(req.configFile ? { configFile: req.configFile } : {}),
    ...(req.redactIps ? { redactIps: true } : {}),
    ...(typeof endpointUrl === 'string' && !req.input ? { endpointUrl } : {}),
  });
  for (const e of report.errors) events?.(errorEvent(e));
  return { snapshot, report, exitCode: exitCodeFor(report, req.failOn) };
}
