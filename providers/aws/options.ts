// What the CLI needs of the AWS adapter before anything runs: its name and the `kumoscan scan aws` options (one
// account, and AWS Organizations). SDK-free, so `--help` and the offline commands start without the AWS SDK
// (src/provider-registry.ts); the adapter itself is providers/aws/index.ts.
import { InvalidArgumentError, Option } from 'commander';
import type { ProviderInfo } from '../../src/provider.js';

function readerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new InvalidArgumentError('must be an integer from 0 to 100000');
  return n;
}

/** Account ids: repeatable and comma-separated; each must be 12 digits. */
export function accountIds(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  for (const id of ids) if (!/^\d{12}$/.test(id)) throw new InvalidArgumentError(`"${id}" is not an AWS account id (12 digits)`);
  return [...previous, ...ids];
}

/** --account-concurrency: 1 to 64. */
export function accountConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be an integer from 1 to 64');
  return n;
}

/** The options of one account. */
export function accountOptions(): Option[] {
  const group = 'AWS options:';
  return [
    new Option('--profile <name>', 'AWS shared config / SSO profile').helpGroup(group),
    new Option('--role-arn <arn>', 'assume this role (read-only audit role) before scanning').helpGroup(group),
    new Option('--region <region>', 'home region for account-level calls (buckets are read in their own regions)').helpGroup(group),
    new Option('--endpoint-url <url>', 'S3-compatible endpoint (MinIO, other providers, emulators); path-style addressing').helpGroup(group),
    new Option('--no-iam', 'do not read IAM (users, roles, policies, credential report): who can reach each bucket stays unknown').helpGroup(group),
    new Option('--cross-check-policy-status', 'also ask S3 GetBucketPolicyStatus for every bucket and report where its IsPublic disagrees with the evaluation of the policy (an error per bucket, exit 3)').helpGroup(group),
    new Option('--max-readers <n>', 'a personal-data bucket readable by more IAM users and roles than this is a finding').argParser(readerCount).default(10).helpGroup(group),
  ];
}

/** The options of an organization scan (--org-role). */
export function organizationOptions(): Option[] {
  const group = 'AWS Organizations:';
  return [
    new Option('--org-role <name>', 'scan every ACTIVE account of the AWS Organization by assuming this role (name, not ARN) in each; run from the management or a delegated administrator account').helpGroup(group),
    new Option('--accounts <ids>', 'with --org-role: only these member accounts (repeatable, or comma-separated)').argParser(accountIds).helpGroup(group),
    new Option('--exclude-accounts <ids>', 'with --org-role: skip these member accounts (repeatable, or comma-separated)').argParser(accountIds).helpGroup(group),
    new Option('--external-id <id>', 'with --org-role: the sts:ExternalId the member role requires').helpGroup(group),
    new Option('--account-concurrency <n>', 'with --org-role: member accounts scanned at once (each with --concurrency buckets at once)').argParser(accountConcurrency).default(4).helpGroup(group),
  ];
}

export const awsInfo: ProviderInfo = {
  id: 'aws',
  title: 'AWS S3 and S3-compatible stores',
  options: () => [...accountOptions(), ...organizationOptions()],
};
