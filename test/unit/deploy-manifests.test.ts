// Every manifest shipped under deploy/ (Kubernetes CronJobs for EKS, GKE and AKS, the ECS task definition and its
// EventBridge Scheduler schedule, the Cloud Run job) parses, runs the image the way it is meant to run (non-root,
// read-only root filesystem, no privilege escalation, no capability, only /out writable) and gets its cloud identity
// from the platform (IRSA, Workload Identity, Azure workload identity, an ECS task role, a Cloud Run service
// account) — never from a key in the manifest. The history recipes keep SQLite on a volume and take PostgreSQL's
// password from a secret (PGPASSWORD), never from the manifest.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { FORMATS } from '../../reports/render/formats.js';
import { packagePath } from '../../src/package-info.js';
import { parseShard } from '../../src/shard.js';
import { parseHistoryTarget, type HistoryTarget } from '../../src/history/target.js';

type Obj = Record<string, unknown>;
const DEPLOY = packagePath('deploy');

function manifests(): string[] {
  return readdirSync(DEPLOY, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(DEPLOY.length + 1))
    .sort();
}

function docsOf(file: string): Obj[] {
  const text = readFileSync(join(DEPLOY, file), 'utf8');
  if (file.endsWith('.json')) return [JSON.parse(text) as Obj];
  const docs = parseAllDocuments(text);
  for (const d of docs) assert.deepEqual(d.errors.map((e) => e.message), [], `${file}: YAML errors`);
  return docs.map((d) => d.toJS() as Obj);
}

function at(o: unknown, ...path: (string | number)[]): unknown {
  let v: unknown = o;
  for (const p of path) v = v && typeof v === 'object' ? (v as Obj)[p as string] : undefined;
  return v;
}

/** The kumoscan arguments: a subcommand, --out-dir /out, --fail-on none (findings are not a job failure), JSON-lines logs. */
function assertScanArgs(file: string, args: unknown): void {
  assert.ok(Array.isArray(args), `${file}: args`);
  const a = args as string[];
  assert.ok(['scan', 'report', 'demo'].includes(a[0] ?? ''), `${file}: first argument ${a[0]} is not a kumoscan command (the entrypoint is kumoscan)`);
  assert.equal(a[a.indexOf('--out-dir') + 1], '/out', `${file}: --out-dir /out`);
  assert.equal(a[a.indexOf('--fail-on') + 1], 'none', `${file}: --fail-on none`);
  if (a[0] === 'scan') assert.equal(a[a.indexOf('--log-format') + 1], 'json', `${file}: --log-format json (for the platform's log collector)`);
  // Every flag exists for that command (the real CLI's help), every format is one kumoscan writes.
  const help = spawnSync(process.execPath, [packagePath('bin', 'kumoscan.js'), ...a.slice(0, a[0] === 'scan' ? 2 : 1), '--help'], { encoding: 'utf8' }).stdout;
  for (const flag of a.filter((x) => x.startsWith('--'))) assert.ok(help.includes(`${flag} `) || help.includes(`${flag},`), `${file}: ${flag} is not an option of kumoscan ${a.slice(0, 2).join(' ')}`);
  for (const f of (a[a.indexOf('--format') + 1] ?? '').split(',')) assert.ok((FORMATS as readonly string[]).includes(f), `${file}: format ${f}`);
}

/** The pod runs kumoscan (its entrypoint, real flags) non-root on a read-only root with no privilege; its one container. */
function assertHardenedPod(file: string, spec: Obj): Obj {
  assert.equal(at(spec, 'securityContext', 'runAsNonRoot'), true);
  assert.ok(Number(at(spec, 'securityContext', 'runAsUser')) > 0);
  assert.equal(at(spec, 'securityContext', 'seccompProfile', 'type'), 'RuntimeDefault');
  const containers = spec.containers as Obj[];
  assert.equal(containers.length, 1);
  const c = containers[0] as Obj;
  assert.equal(c.command, undefined, 'the image entrypoint (kumoscan) is kept');
  assertScanArgs(file, c.args);
  assert.deepEqual(c.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } });
  return c;
}

/** The --history value of the arguments, parsed; a PostgreSQL URL never carries a password. */
function historyOf(file: string, args: unknown): HistoryTarget {
  const a = args as string[];
  const i = a.indexOf('--history');
  assert.ok(i > 0, `${file}: --history`);
  const target = parseHistoryTarget(a[i + 1] ?? '');
  assert.ok(typeof target !== 'string', `${file}: ${String(target)}`);
  if (target.engine === 'postgres') assert.equal(new URL(target.url).password, '', `${file}: a password in the --history URL`);
  return target;
}

/** PGPASSWORD (and nothing else secret) comes from the named secret reference, never a value in the file. */
function assertPasswordFromSecret(file: string, env: Obj[]): void {
  const pw = env.filter((e) => e.name === 'PGPASSWORD');
  assert.equal(pw.length, 1, `${file}: PGPASSWORD`);
  assert.equal(pw[0]?.value, undefined, `${file}: PGPASSWORD has a value in the manifest`);
  assert.ok(at(pw[0], 'valueFrom', 'secretKeyRef', 'name') && at(pw[0], 'valueFrom', 'secretKeyRef', 'key'), `${file}: PGPASSWORD from a secretKeyRef`);
  for (const e of env) if (e.name !== 'PGPASSWORD') assert.doesNotMatch(String(e.name), SECRET_NAME, `${file}: env ${String(e.name)}`);
}

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|ACCESS_KEY|CONNECTION_STRING|ACCOUNT_KEY|CLIENT_SECRET|CREDENTIALS/i;

function assertNoCredentials(file: string): void {
  const text = readFileSync(join(DEPLOY, file), 'utf8');
  assert.doesNotMatch(text, /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, `${file}: an access key id`);
  assert.doesNotMatch(text, /AccountKey=|SharedAccessSignature=|BEGIN [A-Z ]*PRIVATE KEY|"private_key"|sig=/, `${file}: a key or signature`);
  assert.doesNotMatch(text, /GOOGLE_APPLICATION_CREDENTIALS|AZURE_CLIENT_SECRET|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN/, `${file}: a credential variable`);
}

describe('deploy/ manifests', () => {
  test('the shipped set', () => {
    assert.deepEqual(manifests(), [
      'cloudrun/job-history.yaml',
      'cloudrun/job.yaml',
      'ecs/schedule.json',
      'ecs/task-definition-history.json',
      'ecs/task-definition.json',
      'kubernetes/cronjob-aks.yaml',
      'kubernetes/cronjob-eks.yaml',
      'kubernetes/cronjob-gke.yaml',
      'kubernetes/cronjob-history-postgres.yaml',
      'kubernetes/cronjob-history-sqlite.yaml',
    ]);
    for (const f of manifests()) assertNoCredentials(f);
  });

  const identity: Record<string, (sa: Obj, podLabels: Obj) => void> = {
    'kubernetes/cronjob-eks.yaml': (sa) => assert.match(String(at(sa, 'metadata', 'annotations', 'eks.amazonaws.com/role-arn')), /^arn:aws:iam::\d{12}:role\/[\w+=,.@-]+$/),
    'kubernetes/cronjob-gke.yaml': (sa) => assert.match(String(at(sa, 'metadata', 'annotations', 'iam.gke.io/gcp-service-account')), /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]+\.iam\.gserviceaccount\.com$/),
    'kubernetes/cronjob-aks.yaml': (sa, labels) => {
      assert.match(String(at(sa, 'metadata', 'annotations', 'azure.workload.identity/client-id')), /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
      assert.equal(labels['azure.workload.identity/use'], 'true', 'the pod label that turns the webhook on (a string)');
    },
  };

  for (const file of Object.keys(identity)) {
    test(`${file}: a CronJob that runs kumoscan non-root on a read-only root, with the platform's identity`, () => {
      const docs = docsOf(file);
      const sa = docs.find((d) => d.kind === 'ServiceAccount');
      const cron = docs.find((d) => d.kind === 'CronJob');
      assert.ok(sa && cron, `${file}: a ServiceAccount and a CronJob`);
      assert.equal(cron.apiVersion, 'batch/v1');
      assert.equal(at(cron, 'spec', 'concurrencyPolicy'), 'Forbid');
      const pod = at(cron, 'spec', 'jobTemplate', 'spec', 'template') as Obj;
      const spec = pod.spec as Obj;
      assert.equal(spec.serviceAccountName, at(sa, 'metadata', 'name'));
      assert.equal(spec.restartPolicy, 'Never');
      identity[file]?.(sa, (at(pod, 'metadata', 'labels') ?? {}) as Obj);
      const c = assertHardenedPod(file, spec);
      for (const e of (c.env ?? []) as Obj[]) {
        assert.doesNotMatch(String(e.name), SECRET_NAME, `${file}: env ${String(e.name)}`);
        assert.equal(e.valueFrom, undefined, `${file}: env ${String(e.name)} from a secret`);
      }
      // The only writable mount is /out, an emptyDir.
      assert.deepEqual(c.volumeMounts, [{ name: 'out', mountPath: '/out' }]);
      const volumes = spec.volumes as Obj[];
      assert.deepEqual(volumes.map((v) => [v.name, Object.keys(v).filter((k) => k !== 'name')]), [['out', ['emptyDir']]]);
      assert.ok(at(spec, 'podFailurePolicy') === undefined);
      assert.deepEqual(at(cron, 'spec', 'jobTemplate', 'spec', 'podFailurePolicy', 'rules', 0, 'onExitCodes', 'values'), [2], 'a usage error (exit 2) is not retried');
    });
  }

  test('ecs/task-definition.json: Fargate, task role, non-root, read-only root, no capability, /out the only mount', () => {
    const [td] = docsOf('ecs/task-definition.json') as [Obj];
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.match(String(td.taskRoleArn), /^arn:aws:iam::\d{12}:role\//);
    const defs = td.containerDefinitions as Obj[];
    assert.equal(defs.length, 1);
    const c = defs[0] as Obj;
    assertScanArgs('ecs/task-definition.json', c.command);
    assert.match(String(c.user), /^[1-9]\d*(:[1-9]\d*)?$/, 'a numeric non-root user');
    assert.equal(c.readonlyRootFilesystem, true);
    assert.equal(c.privileged, false);
    assert.deepEqual(at(c, 'linuxParameters', 'capabilities', 'drop'), ['ALL']);
    assert.equal(c.secrets, undefined);
    for (const e of (c.environment ?? []) as Obj[]) assert.doesNotMatch(String(e.name), SECRET_NAME);
    assert.deepEqual((c.mountPoints as Obj[]).map((m) => [m.sourceVolume, m.containerPath, m.readOnly]), [['out', '/out', false]]);
    assert.deepEqual((td.volumes as Obj[]).map((v) => v.name), ['out']);
    assert.equal(at(td, 'volumes', 0, 'efsVolumeConfiguration', 'transitEncryption'), 'ENABLED');
  });

  test('ecs/schedule.json: an EventBridge Scheduler schedule that runs the task definition on Fargate, no public IP', () => {
    const [s] = docsOf('ecs/schedule.json') as [Obj];
    assert.match(String(s.ScheduleExpression), /^cron\(.+\)$/);
    assert.deepEqual(s.FlexibleTimeWindow, { Mode: 'OFF' });
    assert.match(String(at(s, 'Target', 'Arn')), /^arn:aws:ecs:[a-z0-9-]+:\d{12}:cluster\//);
    assert.match(String(at(s, 'Target', 'RoleArn')), /^arn:aws:iam::\d{12}:role\//);
    assert.match(String(at(s, 'Target', 'EcsParameters', 'TaskDefinitionArn')), /:task-definition\/kumoscan$/);
    assert.equal(at(s, 'Target', 'EcsParameters', 'LaunchType'), 'FARGATE');
    assert.equal(at(s, 'Target', 'EcsParameters', 'NetworkConfiguration', 'awsvpcConfiguration', 'AssignPublicIp'), 'DISABLED');
  });

  test('cloudrun/job.yaml: a Cloud Run job with its own service account, kumoscan as entrypoint, reports to /out', () => {
    const [job] = docsOf('cloudrun/job.yaml') as [Obj];
    assert.equal(job.apiVersion, 'run.googleapis.com/v1');
    assert.equal(job.kind, 'Job');
    const task = at(job, 'spec', 'template', 'spec', 'template') as Obj;
    assert.match(String(at(task, 'spec', 'serviceAccountName')), /@[a-z0-9-]+\.iam\.gserviceaccount\.com$/);
    const c = at(task, 'spec', 'containers', 0) as Obj;
    assert.equal(c.command, undefined);
    assertScanArgs('cloudrun/job.yaml', c.args);
    assert.equal(c.env, undefined, 'no environment: the identity is the service account');
    assert.deepEqual(c.volumeMounts, [{ name: 'out', mountPath: '/out' }]);
    assert.equal(at(task, 'spec', 'volumes', 0, 'csi', 'volumeAttributes', 'mountOptions'), 'uid=10001,gid=10001', 'writable by the image user');
  });

  describe('history recipes', () => {
    test('kubernetes/cronjob-history-sqlite.yaml: the SQLite file on a ReadWriteOnce PersistentVolumeClaim, one writer at a time', () => {
      const file = 'kubernetes/cronjob-history-sqlite.yaml';
      const docs = docsOf(file);
      const pvc = docs.find((d) => d.kind === 'PersistentVolumeClaim');
      const cron = docs.find((d) => d.kind === 'CronJob');
      assert.ok(pvc && cron);
      assert.equal(docs.find((d) => d.kind === 'Secret'), undefined);
      assert.deepEqual(at(pvc, 'spec', 'accessModes'), ['ReadWriteOnce']);
      assert.equal(at(cron, 'spec', 'concurrencyPolicy'), 'Forbid');
      const spec = at(cron, 'spec', 'jobTemplate', 'spec', 'template', 'spec') as Obj;
      const c = assertHardenedPod(file, spec);
      const target = historyOf(file, c.args);
      assert.equal(target.engine, 'sqlite');
      assert.equal(target.engine === 'sqlite' && target.path, '/var/lib/kumoscan/history.db');
      // The database's folder is the volume (the -wal and -shm files sit next to it), writable by the image's group.
      assert.deepEqual(c.volumeMounts, [{ name: 'out', mountPath: '/out' }, { name: 'history', mountPath: '/var/lib/kumoscan' }]);
      const history = (spec.volumes as Obj[]).find((v) => v.name === 'history');
      assert.equal(at(history, 'persistentVolumeClaim', 'claimName'), at(pvc, 'metadata', 'name'));
      assert.equal(at(spec, 'securityContext', 'fsGroup'), at(spec, 'securityContext', 'runAsGroup'));
      for (const e of (c.env ?? []) as Obj[]) assert.equal(e.valueFrom, undefined);
    });

    test('kubernetes/cronjob-history-postgres.yaml: indexed shards writing at once, PGPASSWORD from a Secret the file does not hold', () => {
      const file = 'kubernetes/cronjob-history-postgres.yaml';
      const docs = docsOf(file);
      assert.equal(docs.find((d) => d.kind === 'Secret'), undefined, 'the Secret is created outside the manifest');
      const cron = docs.find((d) => d.kind === 'CronJob') as Obj;
      const job = at(cron, 'spec', 'jobTemplate', 'spec') as Obj;
      assert.equal(job.completionMode, 'Indexed');
      const c = assertHardenedPod(file, at(job, 'template', 'spec') as Obj);
      assert.equal(historyOf(file, c.args).engine, 'postgres');
      const a = c.args as string[];
      const shard = parseShard(a[a.indexOf('--shard') + 1] ?? '', { JOB_COMPLETION_INDEX: '0' });
      assert.ok(typeof shard !== 'string', String(shard));
      assert.equal(shard.count, job.completions, 'one shard per completion index');
      assert.equal(job.parallelism, job.completions, 'the shards run (and write) at once');
      assertPasswordFromSecret(file, c.env as Obj[]);
      assert.deepEqual(c.volumeMounts, [{ name: 'out', mountPath: '/out' }]);
    });

    test('ecs/task-definition-history.json: PGPASSWORD from Secrets Manager, the URL without a password', () => {
      const file = 'ecs/task-definition-history.json';
      const [td] = docsOf(file) as [Obj];
      const c = at(td, 'containerDefinitions', 0) as Obj;
      assertScanArgs(file, c.command);
      assert.equal(historyOf(file, c.command).engine, 'postgres');
      assert.equal(c.readonlyRootFilesystem, true);
      assert.deepEqual((c.secrets as Obj[]).map((x) => x.name), ['PGPASSWORD']);
      assert.match(String(at(c, 'secrets', 0, 'valueFrom')), /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+(:[\w]+::)?$/);
      for (const e of (c.environment ?? []) as Obj[]) assert.doesNotMatch(String(e.name), SECRET_NAME);
    });

    test('cloudrun/job-history.yaml: PGPASSWORD from Secret Manager, the URL without a password', () => {
      const file = 'cloudrun/job-history.yaml';
      const [job] = docsOf(file) as [Obj];
      const c = at(job, 'spec', 'template', 'spec', 'template', 'spec', 'containers', 0) as Obj;
      assert.equal(c.command, undefined);
      assertScanArgs(file, c.args);
      assert.equal(historyOf(file, c.args).engine, 'postgres');
      assertPasswordFromSecret(file, c.env as Obj[]);
    });

    test('no history recipe holds a password: no user:password@ in any URL, no PGPASSWORD value', () => {
      for (const f of manifests().filter((x) => x.includes('history'))) {
        const text = readFileSync(join(DEPLOY, f), 'utf8');
        assert.doesNotMatch(text, /postgres(ql)?:\/\/[^/\s"'@:]+:[^@\s"']+@/, `${f}: a password in a URL`);
        assert.doesNotMatch(text, /PGPASSWORD\s*[:=]\s*["']?\w/, `${f}: a PGPASSWORD value`);
      }
    });
  });
});
