// The reports the language tests read: the AWS, Google Cloud and Azure example snapshots and the APPI fixture
// (1,500 persons), evaluated with a declared entrustee, plus the fixture after its public bucket was made private,
// against the first run as baseline (resolved findings, still reportable). `adjust` may change a parsed snapshot
// (by its path under the package) before it is evaluated.
import { applyBaseline } from '../../reports/baseline.js';
import type { Report } from '../../reports/render/json.js';
import type { AwsSnapshot } from '../../providers/aws/snapshot-types.js';
import { packagePath } from '../../src/package-info.js';
import { evaluateSnapshot } from '../../src/scan.js';
import { readSnapshotFile } from '../../src/snapshot.js';

type Snapshot = ReturnType<typeof readSnapshotFile>;

export const EXAMPLE_SNAPSHOTS = ['examples/aws-hr-system.snapshot.json', 'examples/gcp-hr-system.snapshot.json', 'examples/azure-hr-system.snapshot.json', 'test/fixtures/appi-hr-1500.snapshot.json'];

export function exampleReports(adjust: (file: string, snapshot: Snapshot) => void = () => undefined): Report[] {
  const entrustees = [{ id: '444455556666', name: 'Kyuyo Payroll Co.', contract: 'CTR-2024-017' }];
  const at = '2026-11-30T15:30:00.000Z';
  const out = EXAMPLE_SNAPSHOTS.map((f) => {
    const snapshot = readSnapshotFile(packagePath(...f.split('/')));
    adjust(f, snapshot);
    return evaluateSnapshot(snapshot, { source: 'snapshot', failOn: 'high', scannedAt: at, entrustees });
  });
  const fixed = readSnapshotFile(packagePath('test', 'fixtures', 'appi-hr-1500.snapshot.json')) as AwsSnapshot;
  const b = fixed.buckets.find((x) => x.Name === 'hr-exports-1500')!;
  delete b.Policy;
  b.Acl = { ...b.Acl, Grants: (b.Acl?.Grants ?? []).filter((g) => g.Grantee?.Type !== 'Group') };
  out.push(applyBaseline(evaluateSnapshot(fixed, { source: 'snapshot', failOn: 'high', scannedAt: '2026-12-07T14:17:00.000Z' }), out[3]!));
  return out;
}
