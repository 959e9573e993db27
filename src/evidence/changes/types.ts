// When did a resource become public, and who did it: the configuration changes read from the cloud's own change
// log (AWS CloudTrail, the Azure Activity Log, GCP Cloud Audit Logs Admin Activity). What the snapshot keeps
// (`evidence.changes`): one record per relevant change, never a raw log line. Plain data, JSON-serializable.
import type { ScanError } from '../../model.js';

export type ChangeSource = 'cloudtrail' | 'azure-activity-log' | 'gcp-audit-log';

/**
 * What a change did to public access, judged from the change's own request (pure, src/evidence/changes/*-events.ts):
 * opens: it granted anyone access or removed a guard (a public policy or ACL, Block Public Access / public access
 * prevention off, allowBlobPublicAccess true, a container's public access level Blob or Container);
 * closes: the opposite; creates: the resource was created; unknown: a write whose content the log does not show;
 * other: a relevant call that neither opens nor closes.
 */
export type ChangeEffect = 'opens' | 'closes' | 'creates' | 'unknown' | 'other';

/** One configuration change as the snapshot keeps it. */
export interface ChangeEvent {
  /** ISO time of the change. */
  time: string;
  source: ChangeSource;
  /** The API action: PutBucketPolicy, Microsoft.Storage/storageAccounts/write, storage.setIamPermissions … */
  action: string;
  /** What it changed: one resource (bucket, `account/container`) or every resource of an account (AWS account id, Azure storage account name). */
  target: { kind: 'resource' | 'account'; name: string };
  effect: ChangeEffect;
  /** Who made it: an ARN, a user principal name, an e-mail … (null when the log does not say). */
  principal: string | null;
  /** The caller's IP address (JSON evidence only; dropped by --redact-ips). */
  sourceIp: string | null;
  userAgent: string | null;
}

/** `evidence.changes` of a snapshot: what was read, from when to when, and what could not be read. */
export interface ChangesEvidence {
  source: ChangeSource;
  /** The window read (ISO): CloudTrail keeps management events 90 days; the other logs are read over the same window. */
  from: string;
  to: string;
  /** Relevant changes, newest first (at most the event limit). */
  events: ChangeEvent[];
  /** The page or event limit (or the time limit) was reached: older changes were not read. */
  truncated: boolean;
  /** Calls that failed; a resource in an account with an error has no opening change (null), and the scan exits 3. */
  errors: ScanError[];
}

/** Why a change is taken as the one that opened a resource. */
export type OpeningBasis = 'opens' | 'content-unknown' | 'created';

/** The change that opened a resource, for the "public since" of the history and for the reports. */
export interface OpeningChange {
  time: string;
  source: ChangeSource;
  action: string;
  principal: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  basis: OpeningBasis;
}

/**
 * What a report says of a public resource's opening: the change (null when none was found or the log could not be
 * read) and, when null, why.
 */
export interface OpenedBy {
  change: OpeningChange | null;
  /** no-change: the log holds no change that opened it within the window; log-error: the log could not be read. */
  reason?: 'no-change' | 'log-error';
  /** The window read (ISO). */
  from: string;
  to: string;
  /** A bound was reached: older changes of the log were not read (the change shown is the latest of what was read). */
  truncated?: true;
}
