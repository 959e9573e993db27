// The policy of a scan from the configuration file (kumoscan.yml): severity overrides, suppressions and inventory
// declarations, as the pure evaluation step (src/scan.ts evaluateSnapshot) receives them. Plain data.
import type { I18n, Severity } from '../../src/model.js';
import type { DetectorId } from '../../src/data/types.js';
import type { ReportFinding } from '../render/json.js';

export interface Suppression {
  /** Where it is written in the configuration, e.g. `suppressions[2]`: named in warnings and in the report. */
  field: string;
  check: string;
  /** Globs on the finding's resource id or the resource's name. */
  resources: string[];
  reason: string;
  /** Last day it applies (YYYY-MM-DD, inclusive): on a later scan date (Asia/Tokyo) it no longer suppresses. */
  expires: string;
}

export interface InventoryDeclaration {
  /** e.g. `inventory[0]`. */
  field: string;
  /** Globs on the resource's name (or id). */
  buckets: string[];
  categories: DetectorId[];
  persons?: number;
}

export interface Policy {
  /** Check id -> severity, applied before suppressions and before the exit code. */
  severity?: Readonly<Record<string, Severity>>;
  suppressions?: readonly Suppression[];
  inventory?: readonly InventoryDeclaration[];
}

/** A finding a suppression took out of `findings` (report 1.3.0 `suppressed`). */
export interface SuppressedFinding<F = ReportFinding> {
  finding: F;
  reason: string;
  expires: string;
  /** The suppression, e.g. `suppressions[0]`. */
  suppression: string;
}

/** Something in the configuration that had no effect (report 1.3.0 `configWarnings`). */
export interface ConfigWarning {
  /** e.g. `suppressions[1]`, `inventory[0]`. */
  field: string;
  code: 'suppression-unused' | 'inventory-unused';
  message: I18n;
}
