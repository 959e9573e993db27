// The events of a scan, as the logger receives them. Structural privacy: every field is a number, a boolean,
// an id (provider, account id, bucket name, API call, error code) or a short error message — there is no field
// for object content, object keys, sampled values or masked examples, so none can reach a log line.
import type { Severity } from '../model.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type ScanStage = 'collect' | 'probe' | 'sample' | 'evaluate';

export interface ScanStartEvent {
  event: 'scan.start';
  /** kumoscan's version. */
  version: string;
  provider: string | null;
  source: 'live' | 'snapshot';
  /** Options that change what is read; never a credential, a URL or a path to credentials. */
  concurrency: number;
  bucketFilters: string[];
  probe: boolean;
  sample: string;
  failOn: string;
  formats: string[];
}

/** Collection from the cloud begins (live scans): the first remote call is about to be made. */
export interface CollectStartEvent {
  event: 'collect.start';
  provider: string;
}

/** Accounts / projects / subscriptions and resources found: once everything to read is listed (or after collection / snapshot reading). */
export interface ScopeFoundEvent {
  event: 'scope.found';
  provider: string;
  accounts: string[];
  resources: number;
}

export interface ResourceDoneEvent {
  event: 'resource.done';
  provider: string;
  /** Bucket / container / storage account name (a name, never a key or content). */
  name: string;
  done: number;
  total: number;
  /** Errors recorded so far in this provider's collection. */
  errors: number;
}

/** One error the scan recorded and went on from (it is also in the report's `errors`). */
export interface ErrorRecordedEvent {
  event: 'error';
  scope: string;
  call: string;
  code: string;
  /** First line of the message, shortened and redacted. */
  message: string;
}

export interface StageStartEvent {
  event: 'probe.start' | 'sample.start';
  provider: string;
  /** Resources the stage will visit. */
  resources: number;
}

/** One more resource sampled (counts only: no name, no key). */
export interface SampleProgressEvent {
  event: 'sample.progress';
  provider: string;
  done: number;
  total: number;
}

export interface ProbeDoneEvent {
  event: 'probe.done';
  provider: string;
  probed: number;
  /** Resources where an anonymous GET succeeded (list or object). */
  reachable: number;
  /** Resources where every anonymous GET was refused. */
  refused: number;
}

export interface SampleDoneEvent {
  event: 'sample.done';
  provider: string;
  resources: number;
  /** Objects read and bytes read in all; counts only, never content. */
  objects: number;
  bytes: number;
  /** Resources whose sample holds personal data (a count, not which values). */
  withPersonalData: number;
  failed: number;
}

export interface SnapshotWrittenEvent {
  event: 'snapshot.written';
  path: string;
}

export interface ReportWrittenEvent {
  event: 'report.written';
  /** The file, or "-" for standard output. */
  path: string;
  format: string;
}

export interface ScanEndEvent {
  event: 'scan.end';
  provider: string;
  durationMs: number;
  resources: number;
  findings: Record<Severity, number>;
  errors: number;
  complete: boolean;
  exitCode: number;
}

/** An error that stops the scan (usage error, no credentials, crash). */
export interface FatalEvent {
  event: 'fatal';
  message: string;
  exitCode: number;
}

export type ScanEvent =
  | ScanStartEvent
  | CollectStartEvent
  | ScopeFoundEvent
  | ResourceDoneEvent
  | ErrorRecordedEvent
  | StageStartEvent
  | ProbeDoneEvent
  | SampleProgressEvent
  | SampleDoneEvent
  | SnapshotWrittenEvent
  | ReportWrittenEvent
  | ScanEndEvent
  | FatalEvent;

export type EventName = ScanEvent['event'];

/** Where scan() reports its events (ScanRequest.events). */
export type ScanEventSink = (event: ScanEvent) => void;

export function levelOf(event: ScanEvent): LogLevel {
  switch (event.event) {
    case 'fatal':
      return 'error';
    case 'error':
      return 'warn';
    case 'resource.done':
    case 'sample.progress':
      return 'debug';
    default:
      return 'info';
  }
}
