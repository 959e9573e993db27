// Settings that live outside a plan (an existing account's Block Public Access, the account id), given with
// `--assume KEY=VALUE` or the configuration; what is not given is stated unknown in the report.
import { UsageError } from '../errors.js';

export interface Assumptions {
  /** AWS account-level Block Public Access of the account the plan applies to (all four on, or all off). */
  accountBpa?: 'on' | 'off';
  /** AWS account id (tells the owner's principals from others'). */
  awsAccountId?: string;
  /** GCP project id; Azure subscription id (the report's scope). */
  gcpProject?: string;
  /** GCP: the effective org policy storage.publicAccessPrevention of the project (enforced or not). */
  gcpOrgPap?: 'on' | 'off';
  azureSubscription?: string;
}

const KEYS: Readonly<Record<string, (v: string) => Partial<Assumptions> | undefined>> = {
  'account-bpa': (v) => (v === 'on' || v === 'off' ? { accountBpa: v } : undefined),
  'aws-account-id': (v) => (/^\d{12}$/.test(v) ? { awsAccountId: v } : undefined),
  'gcp-org-pap': (v) => (v === 'on' || v === 'off' ? { gcpOrgPap: v } : undefined),
  'gcp-project': (v) => (/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(v) ? { gcpProject: v } : undefined),
  'azure-subscription': (v) => (/^[0-9a-f-]{36}$/i.test(v) ? { azureSubscription: v } : undefined),
};

const USAGE = 'must be KEY=VALUE: account-bpa=on|off, aws-account-id=123456789012, gcp-project=ID, gcp-org-pap=on|off, azure-subscription=UUID';

/** One `--assume` value added to the previous ones; a bad one is a usage error naming it. */
export function parseAssumption(value: string, previous: Assumptions = {}): Assumptions {
  const i = value.indexOf('=');
  const parse = i > 0 ? KEYS[value.slice(0, i).trim()] : undefined;
  const parsed = parse?.(value.slice(i + 1).trim());
  if (!parsed) throw new UsageError(`--assume ${value}: ${USAGE}`);
  return { ...previous, ...parsed };
}
