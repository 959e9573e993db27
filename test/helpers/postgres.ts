// A real PostgreSQL for the history tests (Debian's `postgresql` package): initdb in a temporary folder, listening
// on 127.0.0.1 only on a free port, its unix socket in that folder, password authentication over TCP; stopped and
// removed by stop(). As root (initdb refuses root) the server runs as the unprivileged user `nobody`.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningPostgres {
  port: number;
  user: string;
  password: string;
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/DATABASE */
  url(database?: string): string;
  stop(): void;
}

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((d) => existsSync(join(base, d, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!majors[0]) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb missing): apt-get install -y postgresql, or run npm test, which installs it');
  return join(base, majors[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function uidOf(user: string): number {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin();
  const root = mkdtempSync(join(tmpdir(), 'kumoscan-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', cwd: root, timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status ?? r.signal}): ${r.stderr || r.stdout}${existsSync(join(root, 'log')) ? readFileSync(join(root, 'log'), 'utf8') : ''}`);
  };
  const user = 'kumoscan';
  const password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  writeFileSync(join(root, 'pwfile'), `${password}\n`);
  if (asRoot) {
    const uid = uidOf('nobody');
    chownSync(root, uid, -1);
    chownSync(join(root, 'pwfile'), uid, -1);
  }
  chmodSync(root, 0o700);
  const data = join(root, 'data');
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-U', user, `--pwfile=${join(root, 'pwfile')}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(root, 'log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`]);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  let stopped = false;
  return {
    port,
    user,
    password,
    url: (database = 'postgres') => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['stop', '-w', '-t', '60', '-D', data, '-m', 'fast']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** Creates a database (over the unix socket in the server's folder would need its path; TCP with the password is used). */
export async function createDatabase(pg: RunningPostgres, name: string): Promise<string> {
  const { default: client } = await import('pg');
  const c = new client.Client({ connectionString: pg.url(), connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await c.end();
  }
  return pg.url(name);
}
