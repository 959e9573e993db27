// Where the history is: `--history PATH|sqlite:PATH|postgres://…`. Parsing and masking only (no driver is loaded
// here): a password never appears in a message, the URL's nor PGPASSWORD's.

export type HistoryTarget =
  | { engine: 'sqlite'; path: string; label: string }
  | { engine: 'postgres'; url: string; label: string };

/** The URL with its password replaced by `***` (user, host, port and database stay: they say where). */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    // Not parseable: drop anything between "://" and "@" that could be user:password.
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
  }
}

/** Every secret the target could carry, for scrubbing driver messages (which may quote the connection string). */
export function secretsOf(target: HistoryTarget, env: NodeJS.ProcessEnv = process.env): string[] {
  if (target.engine !== 'postgres') return [];
  const out: string[] = [];
  try {
    const password = new URL(target.url).password;
    if (password) out.push(password, decodeURIComponent(password));
  } catch {
    /* an unparseable URL was refused by parseHistoryTarget */
  }
  if (env.PGPASSWORD) out.push(env.PGPASSWORD);
  return [...new Set(out)].filter((s) => s.length > 0);
}

/** A message with the target's secrets and any URL user info masked. */
export function scrub(message: string, secrets: readonly string[]): string {
  // user:password@ in any URL quoted by a driver: the password goes, the user stays.
  let out = message.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*):[^\s@/]*@/gi, (_m, head: string) => `${head}:***@`);
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

/** Parses --history; a string message on bad input. */
export function parseHistoryTarget(value: string): HistoryTarget | string {
  const v = value.trim();
  if (v === '') return '--history needs a file path, sqlite:PATH or postgres://HOST/DATABASE';
  if (/^postgres(ql)?:\/\//i.test(v)) {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      return `--history ${maskUrl(v)} is not a valid PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)`;
    }
    return { engine: 'postgres', url: v, label: maskUrl(u.toString()) };
  }
  if (/^sqlite:/i.test(v)) {
    const path = v.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') return '--history sqlite: needs a file path (sqlite:history.db)';
    return { engine: 'sqlite', path, label: path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return `--history ${maskUrl(v)}: only a file path, sqlite:PATH or postgres:// URLs are supported`;
  return { engine: 'sqlite', path: v, label: v };
}
