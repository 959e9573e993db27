// Adds one middleware to every SDK client of a scan (STS, S3 Control, IAM and each region's S3 client, created
// later), once per client (a client shared by two scans keeps the later one's): the scan's throttling watch, the benchmark's request counter.
import type { AwsClients } from './clients.js';

type Next = (args: unknown) => Promise<unknown>;
export type Middleware = (next: Next) => Next;

interface WithStack {
  middlewareStack: {
    add(mw: Middleware, opts: { step: 'initialize' | 'finalizeRequest'; name: string; priority?: 'high' | 'normal' | 'low'; override: true }): void;
  };
}

/**
 * `step: 'initialize'` sees each call once; `'attempt'` sees every attempt, retries included (finalizeRequest, low
 * priority: inside the SDK's retry middleware).
 */
export function withMiddleware(base: AwsClients, name: string, at: 'initialize' | 'attempt', mw: Middleware): AwsClients {
  const done = new WeakSet<object>();
  const add = <T extends object>(client: T): T => {
    if (!done.has(client)) {
      done.add(client);
      (client as unknown as WithStack).middlewareStack.add(mw, at === 'initialize' ? { step: 'initialize', name, override: true } : { step: 'finalizeRequest', priority: 'low', name, override: true });
    }
    return client;
  };
  add(base.sts);
  add(base.s3control);
  add(base.iam);
  return { ...base, s3: (region: string) => add(base.s3(region)) };
}
