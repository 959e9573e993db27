// The contract of a check: a pure function from one normalized Resource to zero or more findings.
// No SDK import is allowed anywhere in checks/ (see ../shared/DESIGN.md).
import type { DutyId, Evidence, Finding, I18n, Provider, Resource, Severity } from '../src/model.js';

export interface CheckMeta {
  /** Stable id, kebab-case, e.g. `public-read`. Used in finding ids, suppressions and SARIF rules. */
  id: string;
  /** Providers the check applies to. */
  providers: readonly Provider[];
  severity: Severity;
  title: I18n;
  /** What the check looks for (for `kumoscan checks` and SARIF help text). */
  description: I18n;
  /** Remediation per provider; `default` is used when the provider has no entry of its own. */
  remediation: Partial<Record<Provider | 'default', I18n>>;
  duties: readonly DutyId[];
}

/** What a check's run returns; the registry turns drafts into Findings (id, severity, title, remediation). */
export interface FindingDraft {
  detail: I18n;
  evidence: Evidence[];
  /** Overrides the check's severity for this finding (e.g. a lower severity when conditional). */
  severity?: Severity;
  /** Distinguishes several findings of one check on one resource. */
  suffix?: string;
}

export interface Check extends CheckMeta {
  run(resource: Resource): FindingDraft[];
}

export type { Finding };
