// The registry of checks: every check file is listed here, and runChecks turns their drafts into Findings.
import type { Finding, Resource } from '../src/model.js';
import { severityRank } from '../src/model.js';
import type { Check } from './types.js';
import { accessLoggingOff } from './access-logging-off.js';
import { aclsEnabled } from './acls-enabled.js';
import { externalPrincipalRead } from './external-principal-read.js';
import { mfaDeleteOff } from './mfa-delete-off.js';
import { noObjectLock } from './no-object-lock.js';
import { notVerified } from './not-verified.js';
import { providerManagedEncryption } from './provider-managed-encryption.js';
import { publicAclWrite } from './public-acl-write.js';
import { publicList } from './public-list.js';
import { publicRead } from './public-read.js';
import { publicWrite } from './public-write.js';
import { probeDisagreement } from './probe-disagreement.js';
import { s3AccountBlockPublicAccessOff } from './s3-account-block-public-access-off.js';
import { s3BlockPublicAccessOff } from './s3-block-public-access-off.js';
import { tlsNotEnforced } from './tls-not-enforced.js';
import { versioningOff } from './versioning-off.js';
import { websitePublic } from './website-public.js';

/**
 * Every check, in the order `kumoscan checks` lists them: who can reach the data, the guards that keep it
 * private, protection in transit and at rest, being able to investigate and restore, and last what could not
 * be verified.
 */
export const CHECKS: readonly Check[] = [
  publicRead,
  publicList,
  publicWrite,
  publicAclWrite,
  websitePublic,
  externalPrincipalRead,
  probeDisagreement,
  s3BlockPublicAccessOff,
  s3AccountBlockPublicAccessOff,
  aclsEnabled,
  tlsNotEnforced,
  providerManagedEncryption,
  accessLoggingOff,
  versioningOff,
  mfaDeleteOff,
  noObjectLock,
  notVerified,
];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}

export interface RunChecksOptions {
  /** Run only these check ids. */
  only?: string[];
  /** Do not run these check ids (applied after `only`). */
  skip?: string[];
}

/** Thrown when `only` / `skip` names a check that does not exist (a typo must not silently run nothing). */
export class UnknownCheckError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown check id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')} (known: ${CHECKS.map((c) => c.id).join(', ')})`);
    this.name = 'UnknownCheckError';
  }
}

/** The checks `opts` selects, in registry order. */
export function selectChecks(opts: RunChecksOptions = {}): Check[] {
  const unknown = [...(opts.only ?? []), ...(opts.skip ?? [])].filter((id) => findCheck(id) === undefined);
  if (unknown.length > 0) throw new UnknownCheckError([...new Set(unknown)]);
  const only = opts.only && opts.only.length > 0 ? new Set(opts.only) : null;
  const skip = new Set(opts.skip ?? []);
  return CHECKS.filter((c) => (only === null || only.has(c.id)) && !skip.has(c.id));
}

/** Sorts findings: most severe first, then by resource id, then by check id (then by finding id, for ties). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.resourceId, b.resourceId) ||
    cmp(a.checkId, b.checkId) ||
    cmp(a.id, b.id)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs the selected checks over every resource of a provider they apply to, and returns the sorted findings. */
export function runChecks(resources: Resource[], opts: RunChecksOptions = {}): Finding[] {
  const checks = selectChecks(opts);
  const findings: Finding[] = [];
  for (const resource of resources) {
    for (const check of checks) {
      if (!check.providers.includes(resource.provider)) continue;
      for (const draft of check.run(resource)) {
        const remediation = check.remediation[resource.provider] ?? check.remediation.default;
        findings.push({
          id: `${check.id}:${resource.id}${draft.suffix !== undefined ? `:${draft.suffix}` : ''}`,
          checkId: check.id,
          severity: draft.severity ?? check.severity,
          resourceId: resource.id,
          provider: resource.provider,
          title: { ...check.title },
          detail: draft.detail,
          duties: [...check.duties],
          evidence: draft.evidence,
          // Every check defines a remediation for each provider it lists (asserted by the registry test).
          remediation: remediation ? { ...remediation } : { ja: '', en: '' },
        });
      }
    }
  }
  return findings.sort(compareFindings);
}

export type { Check, CheckMeta, FindingDraft } from './types.js';
