// An HTTP proxy on 127.0.0.1 in front of an emulator (moto) that passes every request through, except those
// `hold` picks: they are never answered (the connection stays open), as a hung cloud call would. A test waits
// for a held request (`held`), then signals the scanner, and counts what reached the emulator (`seen`).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { forwardBuffered } from './forward.js';

export interface HoldProxy {
  endpoint: string;
  /** Method and URL (path and query) of every request that reached the proxy, in order. */
  seen: string[];
  /** Resolves when the first held request has arrived. */
  held: Promise<string>;
  close(): Promise<void>;
}

export async function startHoldProxy(target: string, hold: (req: IncomingMessage, url: URL) => boolean = () => false): Promise<HoldProxy> {
  const upstream = new URL(target);
  const seen: string[] = [];
  let onHeld: (what: string) => void = () => undefined;
  const held = new Promise<string>((resolve) => (onHeld = resolve));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', target);
      const what = `${req.method ?? 'GET'} ${url.pathname}${url.search}`;
      seen.push(what);
      if (hold(req, url)) {
        onHeld(what);
        return;
      }
      forwardBuffered(req, Buffer.concat(chunks), res, upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
