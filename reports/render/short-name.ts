// Short names for the console table: what a person reads in a terminal or a CI log, 80 columns wide. A bucket or
// container is its resource name (AWS/GCS bucket, Azure account/container), never the 180-character ARM id; a
// finding about a storage account's own setting is the account's, not its first container's. The JSON report keeps
// the full ids. Pure.
import type { Resource } from '../../src/model.js';
import type { ReportFinding } from './json.js';
import type { Lang } from './view.js';

/** An ARM id of a storage account or of one of its containers: `acct` or `acct/container`. */
const ARM_STORAGE = /\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)(?:\/blobServices\/[^/]+\/containers\/([^/]+))?\/?$/i;

/** A short form of an id with no resource behind it (an identity, an account, an error's scope). */
export function shortId(id: string): string {
  const arm = ARM_STORAGE.exec(id);
  if (arm) return arm[2] !== undefined ? `${arm[1]}/${arm[2]}` : (arm[1] ?? id);
  return id
    .replace(/^arn:aws:s3:::/, '')
    .replace(/^arn:aws:iam::/, '')
    .replace(/^gs:\/\//, '')
    .replace(/^projects\/_\/buckets\//, '');
}

/** A resource as the table names it: its name, or for a resource of a Terraform plan `address (file:line)`. */
export function displayName(r: Pick<Resource, 'name' | 'source'>): string {
  const s = r.source;
  if (!s) return r.name;
  return s.file !== undefined ? `${s.address} (${s.file}${s.line !== undefined ? `:${s.line}` : ''})` : s.address;
}

/** Looks resource ids up once per report: the resource's name (displayName), else shortId. */
export function resourceNamer(resources: readonly Resource[]): (id: string) => string {
  const names = new Map(resources.map((r) => [r.id, displayName(r)]));
  return (id) => names.get(id) ?? shortId(id);
}

/** The storage account a finding is about when it rests on the account's own settings (Azure: see checks/helpers.ts). */
export function accountOfFinding(f: ReportFinding): string | null {
  const scope = f.evidence.find((e) => e.source === 'account-scope');
  return scope ? scope.ref : null;
}

/** A storage account named as the subject of its own findings: "acct (account)". */
export function accountLabel(account: string, lang: Lang): string {
  return lang === 'ja' ? `${account}（アカウント）` : `${account} (account)`;
}

/** What a finding is about, shortly: its account for an account-level setting, else its resource's name. */
export function findingSubject(f: ReportFinding, nameOf: (id: string) => string, lang: Lang): string {
  const account = accountOfFinding(f);
  return account !== null ? accountLabel(account, lang) : nameOf(f.resourceId);
}
