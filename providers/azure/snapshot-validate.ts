// Structural validation of an Azure raw snapshot (docs/snapshot.md, "Azure"). Semantics are normalize's job.
import { z } from 'zod';
import { expect, expectShape, expectUniqueNames, isObject, validateErrors } from '../../src/validate.js';
import type { AzureAccountSnapshot, AzureSnapshot } from './snapshot-types.js';
import { accountIdOf } from './normalize.js';

const PUBLIC_ACCESS = new Set(['container', 'blob', 'Container', 'Blob', 'None']);
const OPTIONAL_FLAGS = ['allowBlobPublicAccess', 'allowSharedKeyAccess', 'enableHttpsTrafficOnly', 'allowCrossTenantReplication'];
const OPTIONAL_STRINGS = ['id', 'location', 'kind', 'minimumTlsVersion', 'publicNetworkAccess'];
const BLOB_SERVICE_OBJECTS = ['deleteRetentionPolicy', 'containerDeleteRetentionPolicy', 'staticWebsite', 'logging'];

// The shapes of the nested values normalize reads (other keys are kept).
const str = z.string().nullable().optional();
const days = z.number().int().nonnegative();
const ACCOUNT_PARTS = z.looseObject({
  properties: z.looseObject({
    tags: z.record(z.string(), z.string()).nullable().optional(),
    primaryEndpoints: z.looseObject({ blob: str, web: str, dfs: str }).nullable().optional(),
    sku: z.looseObject({ name: str, tier: str }).nullable().optional(),
  }),
  blobService: z
    .looseObject({
      diagnosticSettings: z
        .array(
          z.looseObject({
            id: str,
            name: str,
            properties: z
              .looseObject({
                logs: z.array(z.looseObject({ category: str, categoryGroup: str, enabled: z.boolean().optional() })).nullable().optional(),
                workspaceId: str,
                storageAccountId: str,
                eventHubAuthorizationRuleId: str,
                marketplacePartnerId: str,
              })
              .optional(),
          }),
        )
        .optional(),
      deleteRetentionPolicy: z.looseObject({ enabled: z.boolean().optional(), days: days.optional(), allowPermanentDelete: z.boolean().optional() }).optional(),
      containerDeleteRetentionPolicy: z.looseObject({ enabled: z.boolean().optional(), days: days.optional() }).optional(),
    })
    .optional(),
});

function validateAccount(a: unknown, where: string): void {
  expect(isObject(a), where, 'must be an object with "properties" and "containers"');
  const p = a.properties;
  expect(isObject(p), `${where}.properties`, 'must be an object (the ARM StorageAccount)');
  expect(typeof p.name === 'string' && p.name.length > 0, `${where}.properties.name`, 'must be a non-empty string (the storage account name)');
  for (const k of OPTIONAL_FLAGS) {
    const v = p[k];
    expect(v === undefined || v === null || typeof v === 'boolean', `${where}.properties.${k}`, 'must be true, false or null');
  }
  for (const k of OPTIONAL_STRINGS) {
    const v = p[k];
    expect(v === undefined || v === null || typeof v === 'string', `${where}.properties.${k}`, 'must be a string');
  }
  for (const k of ['networkRuleSet', 'encryption', 'primaryEndpoints', 'sku', 'tags']) {
    const v = p[k];
    expect(v === undefined || v === null || isObject(v), `${where}.properties.${k}`, 'must be an object');
  }
  if (a.blobService !== undefined) {
    expect(isObject(a.blobService), `${where}.blobService`, 'must be an object (the blob service properties)');
    const bs = a.blobService;
    expect(bs.isVersioningEnabled === undefined || typeof bs.isVersioningEnabled === 'boolean', `${where}.blobService.isVersioningEnabled`, 'must be true or false');
    for (const k of BLOB_SERVICE_OBJECTS) {
      expect(bs[k] === undefined || isObject(bs[k]), `${where}.blobService.${k}`, 'must be an object');
    }
    expect(bs.diagnosticSettings === undefined || Array.isArray(bs.diagnosticSettings), `${where}.blobService.diagnosticSettings`, 'must be an array of diagnostic settings');
  }
  expectShape(ACCOUNT_PARTS, a, where);
  expect(Array.isArray(a.containers), `${where}.containers`, 'must be an array');
  a.containers.forEach((c: unknown, i: number) => {
    const cw = `${where}.containers[${i}]`;
    expect(isObject(c), cw, 'must be an object');
    expect(typeof c.name === 'string' && c.name.length > 0, `${cw}.name`, 'must be a non-empty string');
    const level = c.publicAccess;
    expect(level === undefined || level === null || (typeof level === 'string' && PUBLIC_ACCESS.has(level)), `${cw}.publicAccess`, 'must be "container", "blob" or null');
  });
  expectUniqueNames(a.containers.map((c: Record<string, unknown>, i: number) => ({ name: c.name, where: `${where}.containers[${i}].name` })), 'each container of an account may appear once');
  validateErrors(a.errors, `${where}.errors`);
}

export function validateAzureSnapshot(doc: Record<string, unknown>): AzureSnapshot {
  expect(doc.mode === undefined || doc.mode === 'arm' || doc.mode === 'data-plane', 'mode', 'must be "arm" or "data-plane"');
  expect(doc.subscriptionId === undefined || typeof doc.subscriptionId === 'string', 'subscriptionId', 'must be a string');
  if (doc.subscriptions !== undefined) {
    expect(Array.isArray(doc.subscriptions), 'subscriptions', 'must be an array of {subscriptionId}');
    doc.subscriptions.forEach((s: unknown, i: number) => {
      expect(isObject(s) && typeof s.subscriptionId === 'string', `subscriptions[${i}]`, 'must be {subscriptionId, …} with a string subscriptionId');
    });
  }
  if (doc.mode === 'data-plane') {
    expect(typeof doc.accountUrl === 'string' && doc.accountUrl.length > 0, 'accountUrl', 'must be the blob endpoint URL in data-plane mode');
  }
  expect(doc.dataPlaneAuth === undefined || doc.dataPlaneAuth === 'shared-key' || doc.dataPlaneAuth === 'sas' || doc.dataPlaneAuth === 'entra-id', 'dataPlaneAuth', 'must be "shared-key", "sas" or "entra-id"');
  validateErrors(doc.errors, 'errors');
  (doc.errors as unknown[] | undefined)?.forEach((e, i) => {
    const sub = (e as Record<string, unknown>).subscriptionId;
    expect(sub === undefined || (typeof sub === 'string' && sub.length > 0), `errors[${i}].subscriptionId`, 'must be a non-empty string (the subscription id)');
  });
  expect(Array.isArray(doc.accounts), 'accounts', 'must be an array');
  doc.accounts.forEach((a: unknown, i: number) => validateAccount(a, `accounts[${i}]`));
  // An account is its ARM id (one name can appear under two subscriptions of a test cloud; the id tells them apart).
  expectUniqueNames(doc.accounts.map((a: AzureAccountSnapshot, i: number) => ({ name: accountIdOf(doc as unknown as AzureSnapshot, a), where: `accounts[${i}]` })), 'each storage account may appear once');
  return doc as unknown as AzureSnapshot;
}
