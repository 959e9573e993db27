// collect (IAM): read-only calls that fill the snapshot's `iam` key. Nothing here judges anything.
// GenerateCredentialReport is the one call that is not Get/List/Head: it asks IAM to (re)build the credential report
// and changes no configuration. Every failure is recorded beside its call and the scan goes on.
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { CollectError } from '../../../src/model.js';
import { toCollectError } from '../errors.js';
import type { AwsIamAuthorizationDetails, AwsIamCredentialReport, AwsIamPasswordPolicy, AwsIamSnapshot, AwsIamUserDetail } from '../snapshot-types.js';
import { parseCredentialReport } from './credential-report.js';

export interface IamCollectOptions {
  /** Longest wait for the credential report to be generated (default 60 s). */
  reportWaitMs?: number;
  /** First pause between polls; doubles up to 5 s (default 500 ms). */
  pollIntervalMs?: number;
  /** Pages of GetAccountAuthorizationDetails at most (default 1000; each page holds up to 1000 entities). */
  maxPages?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: CollectError };

async function attempt<T>(call: string, fn: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, error: toCollectError(call, err) };
  }
}

/** Plain JSON data, as the snapshot file will hold it: Dates become ISO strings, undefined members disappear. */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function withoutMetadata<T extends object>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _m, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

const NO_SUCH_ENTITY = new Set(['NoSuchEntity', 'NoSuchEntityException']);
const REPORT_NOT_READY = new Set(['ReportInProgress', 'CredentialReportNotReadyException', 'ReportNotPresent', 'CredentialReportNotPresentException', 'ReportNotPresentException']);

/** User Tags are not needed by any check and often hold e-mail addresses or employee numbers: not kept. */
function minimizeUser(user: AwsIamUserDetail & { Tags?: unknown }): AwsIamUserDetail {
  const { Tags: _tags, ...rest } = user;
  return rest;
}

async function authorizationDetails(client: IAMClient, maxPages: number): Promise<Result<AwsIamAuthorizationDetails>> {
  const merged: AwsIamAuthorizationDetails = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
  let marker: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const out = await attempt('GetAccountAuthorizationDetails', () => client.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) })));
    if (!out.ok) return out;
    const data = plain<Partial<AwsIamAuthorizationDetails> & { IsTruncated?: boolean; Marker?: string }>(withoutMetadata(out.value));
    merged.UserDetailList.push(...(data.UserDetailList ?? []).map(minimizeUser));
    merged.GroupDetailList.push(...(data.GroupDetailList ?? []));
    merged.RoleDetailList.push(...(data.RoleDetailList ?? []));
    merged.Policies.push(...(data.Policies ?? []));
    if (!data.IsTruncated || !data.Marker) return { ok: true, value: merged };
    marker = data.Marker;
  }
  return { ok: false, error: { call: 'GetAccountAuthorizationDetails', code: 'TooManyPages', message: `more than ${maxPages} pages; the answer was not kept` } };
}

async function passwordPolicy(client: IAMClient): Promise<Result<AwsIamPasswordPolicy | null>> {
  const out = await attempt('GetAccountPasswordPolicy', () => client.send(new GetAccountPasswordPolicyCommand({})));
  if (out.ok) return { ok: true, value: plain<AwsIamPasswordPolicy>(out.value.PasswordPolicy ?? {}) };
  // NoSuchEntity: the account has no password policy (IAM's defaults apply) — a value, not a failure.
  if (NO_SUCH_ENTITY.has(out.error.code)) return { ok: true, value: null };
  return out;
}

async function accountSummary(client: IAMClient): Promise<Result<Record<string, number>>> {
  const out = await attempt('GetAccountSummary', () => client.send(new GetAccountSummaryCommand({})));
  return out.ok ? { ok: true, value: plain<Record<string, number>>(out.value.SummaryMap ?? {}) } : out;
}

/** GenerateCredentialReport until COMPLETE (bounded wait), then GetCredentialReport. */
async function credentialReport(client: IAMClient, opts: IamCollectOptions): Promise<Result<AwsIamCredentialReport>> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const deadline = now() + (opts.reportWaitMs ?? 60_000);
  let pause = opts.pollIntervalMs ?? 500;
  const wait = async (): Promise<boolean> => {
    if (now() + pause > deadline) return false;
    await sleep(pause);
    pause = Math.min(pause * 2, 5_000);
    return true;
  };
  let generateError: CollectError | undefined;
  for (;;) {
    const gen = await attempt('GenerateCredentialReport', () => client.send(new GenerateCredentialReportCommand({})));
    if (!gen.ok) {
      // Without permission to generate, a report generated earlier (within four hours) may still be readable.
      generateError = gen.error;
      break;
    }
    if (gen.value.State === 'COMPLETE') break;
    if (!(await wait())) {
      return { ok: false, error: { call: 'GenerateCredentialReport', code: 'ReportNotReady', message: `the credential report was not generated within ${Math.round((opts.reportWaitMs ?? 60_000) / 1000)} s (state ${gen.value.State ?? 'unknown'})` } };
    }
  }
  for (;;) {
    const got = await attempt('GetCredentialReport', () => client.send(new GetCredentialReportCommand({})));
    if (got.ok) {
      const generated = got.value.GeneratedTime;
      return {
        ok: true,
        value: parseCredentialReport(got.value.Content ?? new Uint8Array(), {
          ...(generated ? { GeneratedTime: generated instanceof Date ? generated.toISOString() : String(generated) } : {}),
          ...(got.value.ReportFormat ? { ReportFormat: got.value.ReportFormat } : {}),
        }),
      };
    }
    if (generateError) return { ok: false, error: generateError };
    if (!REPORT_NOT_READY.has(got.error.code) || !(await wait())) return got;
  }
}

/** Every IAM call of a scan, at once; each failure is recorded and leaves its key out. */
export async function collectIam(client: IAMClient, opts: IamCollectOptions = {}): Promise<AwsIamSnapshot> {
  const [details, policy, summary, report] = await Promise.all([
    authorizationDetails(client, opts.maxPages ?? 1000),
    passwordPolicy(client),
    accountSummary(client),
    credentialReport(client, opts),
  ]);
  const snapshot: AwsIamSnapshot = {};
  const errors: CollectError[] = [];
  if (details.ok) snapshot.authorizationDetails = details.value;
  else errors.push(details.error);
  if (policy.ok) snapshot.passwordPolicy = policy.value;
  else errors.push(policy.error);
  if (summary.ok) snapshot.accountSummary = summary.value;
  else errors.push(summary.error);
  if (report.ok) snapshot.credentialReport = report.value;
  else errors.push(report.error);
  if (errors.length > 0) snapshot.errors = errors;
  return snapshot;
}
