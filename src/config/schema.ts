// The shape of kumoscan.yml (docs/configuration.md), validated with zod. Every object is strict: an unknown key
// (a typo such as `regoin:`) is an error, not silently ignored. Check ids are validated against the registry.
import { z } from 'zod';
import { ALL_CHECK_IDS } from '../../checks/index.js';
import { SEVERITIES, type Severity } from '../model.js';
import { parseSeverityList } from '../severity-list.js';
import { parseIsoDate } from '../../reports/appi/deadlines.js';
import type { DetectorId } from '../data/types.js';
import { parseSize } from './size.js';
import { DURATION_HELP, parseDuration } from './duration.js';
import { FORMATS } from '../../reports/render/formats.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../evidence/evidence-option.js';
import { parseSince } from '../evidence/request.js';

export const CONFIG_VERSION = 1;

/** The personal-data categories an inventory may declare: the detector ids (src/data/types.ts). */
export const DECLARABLE_CATEGORIES: readonly DetectorId[] = [
  'my_number',
  'corporate_number',
  'credit_card',
  'bank_account',
  'drivers_license',
  'passport',
  'residence_card',
  'pension_insurance',
  'phone',
  'email',
  'postal_address',
  'birth_date',
  'person_name',
  'sensitive_health',
  'sensitive_crime',
  'id_document_image',
];

const KNOWN_CHECKS = new Set(ALL_CHECK_IDS);

const text = z.string().trim().min(1, 'must not be empty');
/** One glob or a list of globs; always a list after parsing. */
const globs = z.union([text.transform((s) => [s]), z.array(text).min(1, 'must list at least one pattern')]);
const strings = z.union([text.transform((s) => [s]), z.array(text).min(1, 'must list at least one value')]);
const severity = z.enum(SEVERITIES);
const unknownCheck = (id: string): string => `unknown check id "${id}" (kumoscan checks lists them)`;
const checkId = z.string().refine((id) => KNOWN_CHECKS.has(id), { error: (issue) => unknownCheck(String(issue.input)) });
const isoDate = z.string().refine((s) => parseIsoDate(s) === s.trim(), { message: 'must be a date YYYY-MM-DD' });
const size = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = parseSize(v);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a size such as 1048576, 512KiB, 1MiB or 2GiB' });
    return z.NEVER;
  }
  return n;
});
/** A duration (30s, 10m, 2h, 1m30s, 500ms, or a number of seconds), in milliseconds after parsing. */
const duration = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = parseDuration(v);
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: DURATION_HELP });
    return z.NEVER;
  }
  return n;
});
/** "critical,high" as a list of severities (most severe first). */
function severityListOf(value: string, ctx: z.RefinementCtx): Severity[] {
  const parsed = parseSeverityList(value);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
}
const count = (max: number) => z.int({ error: `must be a whole number from 1 to ${max}` }).min(1, `must be a whole number from 1 to ${max}`).max(max, `must be a whole number from 1 to ${max}`);

const awsScope = z.strictObject({
  profile: text.optional(),
  region: text.optional(),
  roleArn: text.optional(),
  endpointUrl: z.url({ error: 'must be a URL' }).optional(),
  buckets: globs.optional(),
  organization: z
    .strictObject({
      roleName: text.optional(),
      accounts: strings.optional(),
      excludeAccounts: strings.optional(),
      accountConcurrency: count(64).optional(),
    })
    .optional(),
});

const gcpScope = z.strictObject({
  projects: strings.optional(),
  domains: strings.optional(),
  buckets: globs.optional(),
});

const azureScope = z.strictObject({
  subscriptions: strings.optional(),
  buckets: globs.optional(),
});

const inventoryEntry = z.strictObject({
  buckets: globs,
  categories: z.array(z.enum(DECLARABLE_CATEGORIES as [DetectorId, ...DetectorId[]])).min(1, 'must list at least one category'),
  persons: z.int({ error: 'must be a whole number' }).min(0, 'must be 0 or more').optional(),
});

const entrustee = z.strictObject({
  party: text,
  principals: globs,
  contract: text,
});

const suppression = z.strictObject({
  check: checkId,
  resources: globs,
  reason: text,
  expires: isoDate,
});

const severityOverrides = z.record(z.string(), severity).superRefine((map, ctx) => {
  for (const id of Object.keys(map)) {
    if (!KNOWN_CHECKS.has(id)) ctx.addIssue({ code: 'custom', path: [id], message: unknownCheck(id) });
  }
});

export const configSchema = z.strictObject({
  version: z.literal(CONFIG_VERSION, { error: `must be ${CONFIG_VERSION}` }),
  /** Defaults of the scan's output flags. */
  scan: z
    .strictObject({
      failOn: z.enum([...SEVERITIES, 'none']).optional(),
      formats: z.array(z.enum(FORMATS)).min(1, 'must list at least one format').optional(),
      outDir: text.optional(),
      lang: z.enum(['ja', 'en']).optional(),
      /** --severity: the severities the table shows (a list, or "critical,high"). */
      severity: z.union([z.string().transform((v, ctx) => severityListOf(v, ctx)), z.array(severity).min(1, 'must list at least one severity').transform((list) => SEVERITIES.filter((s) => list.includes(s)))]).optional(),
      /** --details: the table lists every finding. */
      details: z.boolean({ error: 'must be true or false' }).optional(),
      concurrency: count(256).optional(),
      /** --call-timeout: one remote call, retries included. */
      callTimeout: duration.optional(),
      /** --scan-timeout: the deadline of the whole scan. */
      scanTimeout: duration.optional(),
    })
    .optional(),
  sampling: z
    .strictObject({
      mode: z.enum(['exposed', 'all', 'none']).optional(),
      objectsPerBucket: count(256).optional(),
      bytesPerObject: size.optional(),
      totalBytes: size.optional(),
      timeoutSeconds: count(256).optional(),
      ocr: z.union([z.enum(['on', 'off']), z.boolean().transform((b) => (b ? 'on' : 'off'))]).optional(),
      ocrMaxImages: z.int({ error: 'must be a whole number from 0 to 100000' }).min(0, 'must be a whole number from 0 to 100000').max(100_000, 'must be a whole number from 0 to 100000').optional(),
      ocrTimeLimit: duration.optional(),
    })
    .optional(),
  /** The --evidence flags (docs/evidence.md): what the cloud's logs are read for, and the bounds of reading them. */
  evidence: z
    .strictObject({
      /** --evidence: a list, or "changes,reads". */
      kinds: z
        .union([z.string().transform((v) => v.split(',').map((k) => k.trim())), z.array(z.string()).min(1, 'must list at least one kind')])
        .pipe(z.array(z.enum(EVIDENCE_KINDS, { error: `must be ${EVIDENCE_KINDS.join(' or ')}` })))
        .transform((list) => EVIDENCE_KINDS.filter((k): k is EvidenceKind => list.includes(k)))
        .optional(),
      /** --since: YYYY-MM-DD (Asia/Tokyo) or an ISO date-time with its zone. */
      since: z
        .string()
        .transform((v, ctx) => {
          try {
            return parseSince(v);
          } catch (err) {
            ctx.addIssue({ code: 'custom', message: (err as Error).message });
            return z.NEVER;
          }
        })
        .optional(),
      /** --evidence-max-bytes. */
      maxBytes: size.optional(),
      /** --evidence-timeout. */
      timeout: duration.optional(),
      /** --redact-ips. */
      redactIps: z.boolean({ error: 'must be true or false' }).optional(),
    })
    .optional(),
  thresholds: z
    .strictObject({
      maxReaders: z.int({ error: 'must be a whole number' }).min(0, 'must be 0 or more').optional(),
    })
    .optional(),
  aws: awsScope.optional(),
  gcp: gcpScope.optional(),
  azure: azureScope.optional(),
  inventory: z.array(inventoryEntry).optional(),
  entrustees: z.array(entrustee).optional(),
  suppressions: z.array(suppression).optional(),
  severity: severityOverrides.optional(),
  /** --history: the exposure history (a SQLite file path, sqlite:PATH, or a postgres:// URL; docs/history.md). */
  history: text.optional(),
  /** kumoscan scan terraform: settings outside a plan (docs/terraform.md); --assume on the command line wins. */
  terraform: z
    .strictObject({
      assume: z
        .strictObject({
          accountBpa: z.enum(['on', 'off']).optional(),
          awsAccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id').optional(),
          gcpOrgPap: z.enum(['on', 'off']).optional(),
          gcpProject: text.optional(),
          azureSubscription: text.optional(),
        })
        .optional(),
    })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;
