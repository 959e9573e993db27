// --probe: anonymous GETs (no credentials, GET only, a one-byte range for objects), and the pure folding of
// their answers into exposure verdicts and the probe-disagreement check.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runChecks } from '../../checks/index.js';
import type { Resource } from '../../src/model.js';
import type { ProviderAdapter, BaseSnapshot } from '../../src/provider.js';
import { applyProbe, observedFrom, probeResources } from '../../src/probe.js';
import { s3ProbeTargets } from '../../providers/aws/probe.js';
import { startFakePublicEndpoint, type FakeEndpoint } from '../helpers/fake-public-endpoint.js';

function resource(name: string, read: boolean | null, list: boolean | null): Resource {
  return {
    provider: 'aws', account: '111122223333', id: `arn:aws:s3:::${name}`, name, region: 'ap-northeast-1',
    exposure: { read, list, write: false, aclWrite: false, evidence: [] },
    guards: {}, externalPrincipals: [], encryption: { atRest: 'customer-managed' }, transport: { httpsOnly: true },
    versioning: true, mfaDelete: true, logging: true, softDelete: true, retentionLock: true, lifecycle: true, website: false, tags: {}, errors: [],
  };
}

describe('observedFrom', () => {
  test('2xx yes, 401/403/404 no, others and no answer unknown', () => {
    assert.equal(observedFrom({ url: 'u', status: 200 }), true);
    assert.equal(observedFrom({ url: 'u', status: 206 }), true);
    assert.equal(observedFrom({ url: 'u', status: 403 }), false);
    assert.equal(observedFrom({ url: 'u', status: 401 }), false);
    assert.equal(observedFrom({ url: 'u', status: 404 }), false);
    assert.equal(observedFrom({ url: 'u', status: 500 }), null);
    assert.equal(observedFrom({ url: 'u', status: null, error: 'ECONNREFUSED' }), null);
    assert.equal(observedFrom(undefined), null);
  });
});

describe('s3ProbeTargets', () => {
  test('virtual-hosted on AWS, path style for dotted names and custom endpoints, keys encoded', () => {
    const r = resource('hr-data', true, true);
    assert.equal(s3ProbeTargets(r, undefined).list, 'https://hr-data.s3.ap-northeast-1.amazonaws.com/?list-type=2&max-keys=1');
    assert.equal(s3ProbeTargets(resource('hr.data', true, true), undefined).list, 'https://s3.ap-northeast-1.amazonaws.com/hr.data/?list-type=2&max-keys=1');
    const t = s3ProbeTargets(r, 'http://127.0.0.1:9000/');
    assert.equal(t.list, 'http://127.0.0.1:9000/hr-data/?list-type=2&max-keys=1');
    assert.equal(t.object?.('社員/a b.csv'), 'http://127.0.0.1:9000/hr-data/%E7%A4%BE%E5%93%A1/a%20b.csv');
  });
});

describe('applyProbe (pure)', () => {
  const at = '2026-11-22T00:00:00.000Z';
  test('confirmed public: verdicts stay true, probe evidence grants', () => {
    const r = applyProbe(resource('a', true, true), { at, list: { url: 'L', status: 200 }, object: { url: 'O', status: 206, key: 'k' }, observed: { read: true, list: true } });
    assert.deepEqual([r.exposure.read, r.exposure.list], [true, true]);
    assert.deepEqual(r.probe?.configured, { read: true, list: true });
    assert.deepEqual(r.exposure.evidence.map((e) => `${e.capability}:${e.effect}:${e.source}`), ['read:grants:probe', 'list:grants:probe']);
    assert.deepEqual(runChecks([r]).filter((f) => f.checkId === 'probe-disagreement'), []);
  });
  test('configured public but refused: still true, a medium disagreement per capability', () => {
    const r = applyProbe(resource('a', true, true), { at, list: { url: 'L', status: 403 }, object: { url: 'O', status: 403, key: 'k' }, observed: { read: false, list: false } });
    assert.deepEqual([r.exposure.read, r.exposure.list], [true, true]);
    const d = runChecks([r]).filter((f) => f.checkId === 'probe-disagreement');
    assert.deepEqual(d.map((f) => `${f.id}:${f.severity}`), ['probe-disagreement:arn:aws:s3:::a:list:medium', 'probe-disagreement:arn:aws:s3:::a:read:medium']);
  });
  test('configured private but answered: becomes true, a high disagreement, and public-read fires', () => {
    const r = applyProbe(resource('a', false, false), { at, object: { url: 'O', status: 200, key: 'k' }, observed: { read: true, list: null } });
    assert.deepEqual([r.exposure.read, r.exposure.list], [true, false]);
    const ids = runChecks([r]).map((f) => `${f.checkId}:${f.severity}`).sort();
    assert.deepEqual(ids, ['probe-disagreement:high', 'public-read:critical']);
  });
  test('unknown configuration resolved by a 200; a refusal of an unknown stays unknown', () => {
    const r = applyProbe(resource('a', null, null), { at, list: { url: 'L', status: 200 }, object: { url: 'O', status: 403, key: 'k' }, observed: { read: false, list: true } });
    assert.deepEqual([r.exposure.read, r.exposure.list], [null, true]);
  });
  test('no probe: the resource is unchanged', () => {
    const r = resource('a', true, false);
    assert.equal(applyProbe(r, undefined), r);
  });
});

describe('probeResources (real HTTP on 127.0.0.1)', () => {
  let fake: FakeEndpoint;
  before(async () => {
    fake = await startFakePublicEndpoint((p) => (p.startsWith('/open/') ? 200 : p.startsWith('/closed/') ? 403 : undefined));
  });
  after(async () => fake.close());

  const adapter = {
    probeTargets: (r: Resource) => s3ProbeTargets(r, fake.url),
    openReader: () => ({
      list: async () => ({ objects: [{ key: 'old.csv', size: 1, lastModified: '2020-01-01T00:00:00Z' }, { key: 'cold.csv', size: 1, lastModified: '2026-01-01T00:00:00Z', storageClass: 'GLACIER' }, { key: 'new.csv', size: 1, lastModified: '2025-01-01T00:00:00Z' }], prefixes: [] }),
      read: async () => new Uint8Array(0),
      close: () => undefined,
    }),
  } as unknown as ProviderAdapter<BaseSnapshot>;

  test('GET only, no credentials, one-byte range on the newest non-archive object; private resources are not probed', async () => {
    const probes = await probeResources(adapter, {}, [resource('open', true, true), resource('closed', null, true), resource('private', false, false)], 4, new Date('2026-11-22T00:00:00Z'));
    assert.deepEqual(Object.keys(probes).sort(), ['arn:aws:s3:::closed', 'arn:aws:s3:::open']);
    assert.deepEqual(probes['arn:aws:s3:::open']?.observed, { read: true, list: true });
    assert.equal(probes['arn:aws:s3:::open']?.object?.key, 'new.csv');
    assert.deepEqual(probes['arn:aws:s3:::closed']?.observed, { read: false, list: false });
    assert.ok(fake.seen.every((s) => s.method === 'GET' && !s.authorization));
    assert.deepEqual(fake.seen.filter((s) => !s.url.includes('list-type')).map((s) => s.range), ['bytes=0-0', 'bytes=0-0']);
    assert.equal(fake.seen.some((s) => s.url.startsWith('/private/')), false);
  });

  test('an endpoint that does not answer gives null, not a crash', async () => {
    const dead = { probeTargets: (r: Resource) => s3ProbeTargets(r, 'http://127.0.0.1:9') } as unknown as ProviderAdapter<BaseSnapshot>;
    const probes = await probeResources(dead, {}, [resource('x', true, true)], 1, new Date());
    assert.deepEqual(probes['arn:aws:s3:::x']?.observed, { read: null, list: null });
    assert.equal(probes['arn:aws:s3:::x']?.list?.status, null);
  });
});
