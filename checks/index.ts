// The registry of checks: every check file is listed here, and runChecks turns their drafts into Findings.
import { flatText } from '../src/text/flat-string.js';
import type { Finding, I18n, IdentityPosture, Provider, Resource } from '../src/model.js';
import { severityRank } from '../src/model.js';
import { DEFAULT_CHECK_SETTINGS, type AccountCheck, type Check, type CheckContext, type CheckMeta, type CheckSettings, type FindingDraft } from './types.js';
import { accessLoggingOff } from './access-logging-off.js';
import { aclsEnabled } from './acls-enabled.js';
import { documentedEntrustment } from './documented-entrustment.js';
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
import { gcsPublicAccessPreventionOff } from './gcs-public-access-prevention-off.js';
import { gcsSoftDeleteOff } from './gcs-soft-delete-off.js';
import { gcsLocationOutsideJapan } from './gcs-location-outside-japan.js';
import { scopeDraftsToAccount } from './helpers.js';
import { azureBlobPublicAccessAllowed } from './azure-blob-public-access-allowed.js';
import { azureSharedKeyAccessAllowed } from './azure-shared-key-access-allowed.js';
import { azureNetworkOpenToAll } from './azure-network-open-to-all.js';
import { azureCrossTenantReplicationAllowed } from './azure-cross-tenant-replication-allowed.js';
import { azureMinTlsBelow12 } from './azure-min-tls-below-1-2.js';
import { azureInfrastructureEncryptionOff } from './azure-infrastructure-encryption-off.js';
import { azureBlobSoftDeleteOff } from './azure-blob-soft-delete-off.js';
import { azureContainerSoftDeleteOff } from './azure-container-soft-delete-off.js';
import { personalDataBucketManyReaders } from './personal-data-bucket-many-readers.js';
import { iamRootAccountUnprotected } from './iam-root-account-unprotected.js';
import { iamConsoleUserWithoutMfa } from './iam-console-user-without-mfa.js';
import { iamAccessKeyStale } from './iam-access-key-stale.js';
import { iamPasswordPolicyWeak } from './iam-password-policy-weak.js';
import { iamTrustedByAnyone } from './iam-trusted-by-anyone.js';
import { iamExternalTrustWithoutExternalId } from './iam-external-trust-without-external-id.js';
import { iamFullS3Access } from './iam-full-s3-access.js';
import { iamNotVerified } from './iam-not-verified.js';
import { suppressionExpired } from './policy/suppression-expired.js';

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
  documentedEntrustment,
  personalDataBucketManyReaders,
  probeDisagreement,
  s3BlockPublicAccessOff,
  s3AccountBlockPublicAccessOff,
  gcsPublicAccessPreventionOff,
  azureBlobPublicAccessAllowed,
  azureSharedKeyAccessAllowed,
  azureNetworkOpenToAll,
  azureCrossTenantReplicationAllowed,
  aclsEnabled,
  tlsNotEnforced,
  azureMinTlsBelow12,
  providerManagedEncryption,
  azureInfrastructureEncryptionOff,
  accessLoggingOff,
  versioningOff,
  gcsSoftDeleteOff,
  azureBlobSoftDeleteOff,
  azureContainerSoftDeleteOff,
  mfaDeleteOff,
  noObjectLock,
  gcsLocationOutsideJapan,
  notVerified,
];

/**
 * The account-level checks (AccountCheck): they read an account's identity posture (IAM), not one resource; their
 * findings' resourceId is an IAM user or role ARN, or the account (`aws:<account>`).
 */
export const ACCOUNT_CHECKS: readonly AccountCheck[] = [
  iamRootAccountUnprotected,
  iamTrustedByAnyone,
  iamConsoleUserWithoutMfa,
  iamExternalTrustWithoutExternalId,
  iamFullS3Access,
  iamAccessKeyStale,
  iamPasswordPolicyWeak,
  iamNotVerified,
];

/**
 * Checks the configuration's policy step emits instead of a run over resources (reports/policy/): listed by
 * `kumoscan checks`, SARIF rules and accepted by severity overrides and suppressions, never run on a resource.
 */
export const POLICY_CHECKS: readonly CheckMeta[] = [suppressionExpired];

// Findings share their check's title, duties and remediation (toFinding): frozen, so that nothing can change them
// through one finding.
for (const check of [...CHECKS, ...ACCOUNT_CHECKS, ...POLICY_CHECKS]) {
  Object.freeze(check.title);
  Object.freeze(check.description);
  Object.freeze(check.duties);
  for (const text of Object.values(check.remediation)) Object.freeze(text);
}

/** Every check id: resource, account and policy checks. */
export const ALL_CHECK_IDS: readonly string[] = [...CHECKS, ...ACCOUNT_CHECKS, ...POLICY_CHECKS].map((c) => c.id);

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}

export function findAccountCheck(id: string): AccountCheck | undefined {
  return ACCOUNT_CHECKS.find((c) => c.id === id);
}

function knownIds(): string[] {
  return [...CHECKS.map((c) => c.id), ...ACCOUNT_CHECKS.map((c) => c.id)];
}

export interface RunChecksOptions {
  /** Run only these check ids. */
  only?: string[];
  /** Do not run these check ids (applied after `only`). */
  skip?: string[];
  /** Check settings (thresholds); defaults from DEFAULT_CHECK_SETTINGS. */
  settings?: Partial<CheckSettings>;
}

/** Thrown when `only` / `skip` names a check that does not exist (a typo must not silently run nothing). */
export class UnknownCheckError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown check id${ids.length > 1 ? 's' : ''}: ${ids.join(', ')} (known: ${knownIds().join(', ')})`);
    this.name = 'UnknownCheckError';
  }
}

function selected<T extends { id: string }>(list: readonly T[], opts: RunChecksOptions): T[] {
  const known = new Set(knownIds());
  const unknown = [...(opts.only ?? []), ...(opts.skip ?? [])].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UnknownCheckError([...new Set(unknown)]);
  const only = opts.only && opts.only.length > 0 ? new Set(opts.only) : null;
  const skip = new Set(opts.skip ?? []);
  return list.filter((c) => (only === null || only.has(c.id)) && !skip.has(c.id));
}

/** The resource checks `opts` selects, in registry order. */
export function selectChecks(opts: RunChecksOptions = {}): Check[] {
  return selected(CHECKS, opts);
}

/** The account checks `opts` selects, in registry order. */
export function selectAccountChecks(opts: RunChecksOptions = {}): AccountCheck[] {
  return selected(ACCOUNT_CHECKS, opts);
}

function contextOf(opts: RunChecksOptions): CheckContext {
  return { settings: { ...DEFAULT_CHECK_SETTINGS, ...opts.settings } };
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
  const ctx = contextOf(opts);
  const findings: Finding[] = [];
  for (const resource of resources) {
    for (const check of checks) {
      if (!check.providers.includes(resource.provider)) continue;
      for (const draft of scopeDraftsToAccount(resource, check.run(resource, ctx))) {
        findings.push(toFinding(check, draft, resource.id, resource.provider));
      }
    }
  }
  return findings.sort(compareFindings);
}

const NO_REMEDIATION: I18n = Object.freeze({ ja: '', en: '' });

/** A draft of one check on one resource (or account) as a Finding: id, severity, texts and duties from the check. */
function toFinding(check: CheckMeta, draft: FindingDraft, resourceId: string, provider: Provider): Finding {
  const remediation = check.remediation[provider] ?? check.remediation.default;
  // Flat while young: the report of 100,000 buckets is not copied again when it is written (src/text/flat-string.ts).
  flatText(draft.detail.ja);
  flatText(draft.detail.en);
  return {
    id: flatText(`${check.id}:${resourceId}${draft.suffix !== undefined ? `:${draft.suffix}` : ''}`),
    checkId: check.id,
    severity: draft.severity ?? check.severity,
    resourceId,
    provider,
    // The check's own texts and duties, shared by every finding of the check (not copied: a report of 100,000
    // buckets holds about 600,000 findings).
    title: draft.title ?? check.title,
    detail: draft.detail,
    duties: check.duties,
    evidence: draft.evidence,
    // Every check defines a remediation for each provider it lists (asserted by the registry test).
    remediation: remediation ?? NO_REMEDIATION,
  };
}

/** Runs the selected account checks over each account's identity posture, and returns the sorted findings. */
export function runAccountChecks(accounts: readonly IdentityPosture[], opts: RunChecksOptions = {}): Finding[] {
  const checks = selectAccountChecks(opts);
  const ctx = contextOf(opts);
  const findings: Finding[] = [];
  for (const account of accounts) {
    for (const check of checks) {
      if (!check.providers.includes(account.provider)) continue;
      for (const draft of check.runAccount(account, ctx)) {
        findings.push(toFinding(check, draft, draft.resourceId ?? account.id, account.provider));
      }
    }
  }
  return findings.sort(compareFindings);
}

export type { AccountCheck, Check, CheckContext, CheckMeta, CheckSettings, FindingDraft } from './types.js';
export { DEFAULT_CHECK_SETTINGS } from './types.js';
