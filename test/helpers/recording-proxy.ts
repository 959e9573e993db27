// A proxy on 127.0.0.1 in front of an HTTPS server (Azurite): it forwards every request unchanged and records its
// method, path and whether it carried credentials, so a test can assert that a scan only reads. Listens over HTTPS
// (what the scanner under test talks to) or plain HTTP (for in-process test set-up, which then needs no trust store).
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { forward } from './forward.js';
import type { Server } from 'node:net';
import type { TestCert } from './tls.js';

export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  /** An Authorization header was sent (SharedKey or Bearer). */
  authorization: string | null;
}

export interface RecordingProxy {
  /** http(s)://127.0.0.1:<port> */
  origin: string;
  seen: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * `hold`: requests it picks are recorded and never answered (the connection stays open, as a hung cloud call's
 * would) until the proxy closes.
 */
export async function startRecordingProxy(target: string, cert: TestCert, listen: 'https' | 'http', hold?: (req: IncomingMessage) => boolean): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const seen: RecordedRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const auth = req.headers.authorization;
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: auth ? (auth.split(' ')[0] ?? 'other') : null });
    if (hold?.(req)) return;
    forward(req, res, upstream, cert.cert);
  };
  const server: Server = listen === 'https' ? createHttpsServer({ cert: cert.cert, key: cert.key }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    origin: `${listen}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held requests keep their connections open: end them so that close completes.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
