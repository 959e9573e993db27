// The contract of a check: a pure function from one normalized Resource to zero or more findings.
// No SDK import is allowed anywhere in checks/ (see ../shared/DESIGN.md).
import type { Entrustee } from '../reports/appi/types.js';
import type { DutyId, Evidence, Finding, I18n, IdentityPosture, Provider, Remediation, Resource, Severity } from '../src/model.js';

export interface CheckMeta {
  /** Stable id, kebab-case, e.g. `public-read`. Used in finding ids, suppressions and SARIF rules. */
  id: string;
  /** Providers the check applies to. */
  providers: readonly Provider[];
  severity: Severity;
  title: I18n;
  /** What the check looks for (for `kumoscan checks` and SARIF help text). */
  description: I18n;
  /**
   * Remediation per provider; `default` is used when the provider has no entry of its own. The prose names no
   * command: commands go in `commands`, as templates (checks/commands.ts) a report fills per resource.
   */
  remediation: Partial<Record<Provider | 'default', Remediation>>;
  duties: readonly DutyId[];
}

/** What a check's run returns; the registry turns drafts into Findings (id, severity, title, remediation). */
export interface FindingDraft {
  detail: I18n;
  evidence: Evidence[];
  /** Overrides the check's severity for this finding (e.g. a lower severity when conditional). */
  severity?: Severity;
  /** Overrides the check's title when the finding is another case than the one the title names (its severity too, then). */
  title?: I18n;
  /** Distinguishes several findings of one check on one resource. */
  suffix?: string;
  /** Account checks: the finding's resource (an IAM user or role ARN); the account's id (`aws:<account>`) when omitted. */
  resourceId?: string;
}

/** Settings a check may read (until a configuration file exists, from flags such as --max-readers). */
export interface CheckSettings {
  /** personal-data-bucket-many-readers: more identities than this that can read a personal-data bucket is a finding. */
  maxReaders: number;
  /** Declared entrustees (委託先: --entrustee, the configuration's `entrustees:`): their access is a documented entrustment, not an unknown party. */
  entrustees: readonly Entrustee[];
}

export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = { maxReaders: 10, entrustees: [] };

export interface CheckContext {
  settings: Readonly<CheckSettings>;
}

export interface Check extends CheckMeta {
  run(resource: Resource, ctx?: CheckContext): FindingDraft[];
}

/** A check over an account's identity posture (IAM) instead of one storage resource. */
export interface AccountCheck extends CheckMeta {
  runAccount(account: IdentityPosture, ctx?: CheckContext): FindingDraft[];
}

export type { Finding };
