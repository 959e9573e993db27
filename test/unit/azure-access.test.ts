// Every rule of the Azure access evaluation (providers/azure/access.ts; PUBLIC-ACCESS.md, Azure section):
// account allowBlobPublicAccess true / false / null × container level container / blob / none, $web through the
// static website endpoint, anonymous access never writes, network rules narrow without changing the verdict.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { containerLevel, evaluateContainerAccess, type AzureAccessInput, type ContainerLevel } from '../../providers/azure/access.js';
import type { Tri } from '../../src/model.js';

function input(level: ContainerLevel, flag: Tri, over: Partial<AzureAccessInput> = {}): AzureAccessInput {
  return {
    container: 'hr',
    level,
    allowBlobPublicAccess: flag === null ? { value: null, why: 'ARM returned no allowBlobPublicAccess' } : { value: flag },
    staticWebsite: { value: false },
    openToAllNetworks: { value: true },
    ...over,
  };
}

function verdict(i: AzureAccessInput): [Tri, Tri, Tri, Tri] {
  const e = evaluateContainerAccess(i).exposure;
  return [e.read, e.list, e.write, e.aclWrite];
}

describe('containerLevel', () => {
  test('ARM and data-plane spellings; anything else is private', () => {
    assert.equal(containerLevel('Container'), 'container');
    assert.equal(containerLevel('container'), 'container');
    assert.equal(containerLevel('Blob'), 'blob');
    assert.equal(containerLevel('blob'), 'blob');
    assert.equal(containerLevel('None'), 'none');
    assert.equal(containerLevel(null), 'none');
    assert.equal(containerLevel(undefined), 'none');
    assert.equal(containerLevel('Everything'), 'none');
  });
});

describe('account flag × container level', () => {
  // [level, flag, read, list]
  const table: [ContainerLevel, Tri, Tri, Tri][] = [
    ['container', true, true, true],
    ['container', false, false, false],
    ['container', null, null, null],
    ['blob', true, true, false],
    ['blob', false, false, false],
    ['blob', null, null, false],
    ['none', true, false, false],
    ['none', false, false, false],
    ['none', null, false, false],
  ];
  for (const [level, flag, read, list] of table) {
    test(`level ${level}, allowBlobPublicAccess ${String(flag)}: read ${String(read)}, list ${String(list)}, never write`, () => {
      assert.deepEqual(verdict(input(level, flag)), [read, list, false, false]);
      assert.equal(evaluateContainerAccess(input(level, flag)).guards.allowBlobPublicAccess, flag);
    });
  }

  test('the evidence says what grants, what neutralizes, and why an unknown is unknown', () => {
    const granted = evaluateContainerAccess(input('container', true)).exposure.evidence;
    assert.ok(granted.some((e) => e.capability === 'read' && e.effect === 'grants' && e.ref === 'publicAccess=container'));
    assert.ok(granted.some((e) => e.capability === 'list' && e.effect === 'grants'));
    const off = evaluateContainerAccess(input('blob', false)).exposure.evidence;
    assert.ok(off.some((e) => e.capability === 'read' && e.effect === 'neutralized' && e.message.includes('allowBlobPublicAccess=false')));
    const unknown = evaluateContainerAccess(input('container', null)).exposure.evidence;
    const u = unknown.filter((e) => e.effect === 'unknown');
    assert.deepEqual(u.map((e) => e.capability), ['read', 'list']);
    assert.ok(u.every((e) => e.source === 'account-setting' && e.message.includes('ARM returned no allowBlobPublicAccess')));
    const priv = evaluateContainerAccess(input('none', null)).exposure.evidence;
    assert.ok(!priv.some((e) => e.effect === 'unknown'), 'a private container is private whatever the flag');
    assert.ok(evaluateContainerAccess(input('container', true)).exposure.evidence.some((e) => e.capability === 'write' && e.effect === 'info' && e.message.includes('read-only')));
  });
});

describe('$web and the static website endpoint', () => {
  const web = (level: ContainerLevel, flag: Tri, site: Tri): AzureAccessInput =>
    input(level, flag, { container: '$web', staticWebsite: site === null ? { value: null, why: 'GetBlobServiceProperties failed (AuthorizationFailed: denied)' } : { value: site } });

  test('website on: readable by anyone even with allowBlobPublicAccess false and a private level; not listable', () => {
    assert.deepEqual(verdict(web('none', false, true)), [true, false, false, false]);
    assert.deepEqual(verdict(web('none', null, true)), [true, false, false, false]);
    assert.deepEqual(verdict(web('none', true, true)), [true, false, false, false]);
    const ev = evaluateContainerAccess(web('none', false, true)).exposure.evidence;
    assert.ok(ev.some((e) => e.capability === 'read' && e.effect === 'grants' && e.source === 'static-website'));
  });

  test('website on and level container with the flag on: the blob endpoint also lists it', () => {
    assert.deepEqual(verdict(web('container', true, true)), [true, true, false, false]);
    assert.deepEqual(verdict(web('container', false, true)), [true, false, false, false]);
  });

  test('website off: $web is an ordinary container', () => {
    assert.deepEqual(verdict(web('none', true, false)), [false, false, false, false]);
    assert.deepEqual(verdict(web('blob', true, false)), [true, false, false, false]);
    assert.deepEqual(verdict(web('blob', false, false)), [false, false, false, false]);
  });

  test('website unknown: read unknown (with the reason) unless the blob endpoint already grants it', () => {
    assert.deepEqual(verdict(web('none', false, null)), [null, false, false, false]);
    assert.ok(evaluateContainerAccess(web('none', false, null)).exposure.evidence.some((e) => e.effect === 'unknown' && e.source === 'static-website' && e.message.includes('AuthorizationFailed')));
    assert.deepEqual(verdict(web('blob', true, null)), [true, false, false, false]);
  });

  test('another container named like a website is not served by the web endpoint', () => {
    assert.deepEqual(verdict(input('none', false, { container: 'web', staticWebsite: { value: true } })), [false, false, false, false]);
  });
});

describe('network rules', () => {
  test('a public configuration behind network rules stays public, with a "restricts" note', () => {
    const r = evaluateContainerAccess(input('container', true, { openToAllNetworks: { value: false, why: 'networkRuleSet.defaultAction=Deny' } }));
    assert.deepEqual([r.exposure.read, r.exposure.list], [true, true]);
    const restricts = r.exposure.evidence.filter((e) => e.effect === 'restricts');
    assert.deepEqual(restricts.map((e) => e.capability), ['read', 'list']);
    assert.ok(restricts.every((e) => e.message.includes('defaultAction=Deny')));
  });
  test('no note when nothing is public or the network is open', () => {
    assert.ok(!evaluateContainerAccess(input('none', true, { openToAllNetworks: { value: false } })).exposure.evidence.some((e) => e.effect === 'restricts'));
    assert.ok(!evaluateContainerAccess(input('container', true)).exposure.evidence.some((e) => e.effect === 'restricts'));
  });
});
