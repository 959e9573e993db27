// Standard error of `kumoscan scan --log-format json`, read back for tests: one object per line, and where the
// scope.found event stands among the per-resource events.
import assert from 'node:assert/strict';

/** Standard error in --log-format json: one object per line. */
export function jsonLogLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .trimEnd()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * Asserts one scope.found event, with these accounts and resources, logged before the first resource.done (and so
 * before collection ends), and returns the resource.done events as `done/total`.
 */
export function assertScopeFoundFirst(stderr: string, accounts: string[], resources: number): string[] {
  const lines = jsonLogLines(stderr);
  const events = lines.map((l) => l.event);
  const scopes = lines.filter((l) => l.event === 'scope.found');
  assert.equal(scopes.length, 1, stderr);
  assert.deepEqual(scopes[0]?.accounts, accounts);
  assert.equal(scopes[0]?.resources, resources);
  const firstDone = events.indexOf('resource.done');
  assert.ok(firstDone >= 0, `no resource.done in:\n${stderr}`);
  assert.ok(events.indexOf('scope.found') < firstDone, `scope.found after the first resource.done: ${events.join(' ')}`);
  return lines.filter((l) => l.event === 'resource.done').map((l) => `${String(l.done)}/${String(l.total)}`);
}
