// The two views of the providers agree: what the command line knows before anything runs (src/provider-registry.ts,
// SDK-free) and the adapters (src/adapters.ts) — same providers, names and `scan` options.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ADAPTERS, adapterFor } from '../../src/adapters.js';
import { providerIds, providerInfo } from '../../src/provider-registry.js';

describe('provider registry and adapters', () => {
  test('the same providers, in the same order', () => {
    assert.deepEqual(providerIds(), ['aws', 'azure', 'gcp']);
    assert.deepEqual(Object.keys(ADAPTERS), providerIds());
  });

  for (const id of providerIds()) {
    test(`${id}: id, title and options of the adapter are the registry's`, () => {
      const info = providerInfo(id);
      const adapter = adapterFor(id);
      assert.ok(info && adapter);
      assert.equal(info.id, id);
      assert.equal(adapter.id, id);
      assert.equal(adapter.title, info.title);
      assert.deepEqual(adapter.options().map((o) => o.flags), info.options().map((o) => o.flags));
      assert.deepEqual(adapter.options().map((o) => o.defaultValue), info.options().map((o) => o.defaultValue));
    });
  }

  test('an unknown word, or a name inherited from Object, is no provider', () => {
    for (const word of ['s3', 'toString', '__proto__', 'constructor']) {
      assert.equal(providerInfo(word), undefined);
      assert.equal(adapterFor(word), undefined);
    }
  });
});
