// Pure helpers that turn what a scan stage produced into log events: counts and ids only. The sampled profiles
// are read for their numbers (objects, bytes, personal data yes/no), never for detections, keys or examples.
import type { ProbeResult, ScanError } from '../model.js';
import type { SampleOutcome } from '../data/sample.js';
import type { ErrorRecordedEvent, ProbeDoneEvent, SampleDoneEvent, ScanEventSink } from './events.js';
import { shortMessage } from './redact.js';

export function probeDone(provider: string, probes: Readonly<Record<string, ProbeResult>>): ProbeDoneEvent {
  const all = Object.values(probes);
  const reachable = all.filter((p) => p.observed.read === true || p.observed.list === true).length;
  const refused = all.filter((p) => p.observed.read !== true && p.observed.list !== true && (p.observed.read === false || p.observed.list === false)).length;
  return { event: 'probe.done', provider, probed: all.length, reachable, refused };
}

export function sampleDone(provider: string, samples: Readonly<Record<string, SampleOutcome>>): SampleDoneEvent {
  const all = Object.values(samples);
  let objects = 0;
  let bytes = 0;
  for (const s of all) {
    objects += s.profile?.sampled.objects ?? 0;
    bytes += s.profile?.sampled.bytes ?? 0;
  }
  return {
    event: 'sample.done',
    provider,
    resources: all.length,
    objects,
    bytes,
    withPersonalData: all.filter((s) => s.profile?.personalData === true).length,
    failed: all.filter((s) => s.error !== undefined).length,
  };
}

export function errorEvent(e: ScanError): ErrorRecordedEvent {
  return { event: 'error', scope: e.scope, call: e.call, code: e.code, message: shortMessage(e.message) };
}

/**
 * The collect progress callback (CommonCollectOptions.onResource) that reports resource.done events, with the
 * errors recorded so far (the adapters pass each resource's error count as a fourth argument), and still calls
 * a caller's own onResource.
 */
export function resourceProgress(
  provider: string,
  events: ScanEventSink | undefined,
  onResource: ((name: string, done: number, total: number) => void) | undefined,
): ((name: string, done: number, total: number, errors?: number) => void) | undefined {
  if (!events && !onResource) return undefined;
  let errors = 0;
  return (name, done, total, resourceErrors) => {
    errors += resourceErrors ?? 0;
    onResource?.(name, done, total);
    events?.({ event: 'resource.done', provider, name, done, total, errors });
  };
}
