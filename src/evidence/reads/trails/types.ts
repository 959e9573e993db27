// What CloudTrail says about where S3 data events go (--evidence reads, AWS): the trails of each account, with their
// S3 destination and event selectors, and what could not be read. Read by trails/aws.ts; used by the
// cloudtrail-data-events format (formats/) to locate a bucket's data events.
import type { ReadEvidenceError } from '../types.js';
import type { TrailSelectors } from './selectors.js';

export interface TrailDestination {
  arn: string;
  name: string;
  homeRegion: string;
  /** Logs every region's events (IsMultiRegionTrail). */
  multiRegion: boolean;
  /** An organization trail: its objects are under AWSLogs/<organization id>/<account>/…. */
  organization: boolean;
  /** Where the log files are delivered (S3BucketName, S3KeyPrefix; '' without a prefix). */
  bucket: string;
  prefix: string;
  selectors: TrailSelectors;
}

export interface AccountTrails {
  trails: TrailDestination[];
  /** DescribeTrails / GetEventSelectors calls that failed: a trail may be missing. */
  errors: ReadEvidenceError[];
}

/** By account id. */
export type TrailsByAccount = Record<string, AccountTrails>;
