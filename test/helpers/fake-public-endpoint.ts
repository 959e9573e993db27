// A stand-in for a provider's public endpoint as an anonymous outsider reaches it: answers each GET with the
// status a table gives (by path prefix), records every request (method, URL, whether credentials were sent).
import { createServer, type Server } from 'node:http';

export interface SeenRequest {
  method: string;
  url: string;
  authorization: boolean;
  range?: string;
}

export interface FakeEndpoint {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** statusFor(path) -> HTTP status; 404 when it returns undefined. */
export async function startFakePublicEndpoint(statusFor: (pathAndQuery: string) => number | undefined): Promise<FakeEndpoint> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization !== undefined, ...(req.headers.range ? { range: req.headers.range } : {}) });
    const status = statusFor(req.url ?? '/') ?? 404;
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(status < 300 ? '<ok/>' : '<Error><Code>AccessDenied</Code></Error>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}
