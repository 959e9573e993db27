// Pieces the test servers share: forwarding a request to an upstream unchanged, and stopping a child process.
import type { ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Sends the request to `upstream` (http: or https:, trusting `ca` when given) and streams the answer back; the body is `body` when already read, else the request itself. */
function relay(req: IncomingMessage, res: ServerResponse, upstream: URL, body?: Buffer, ca?: string | Buffer): void {
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const fwd = send(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, ...(ca ? { ca } : {}) },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  fwd.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  if (body !== undefined) fwd.end(body);
  else req.pipe(fwd);
}

/** Forwards one request to `upstream` (http: or https:, trusting `ca` when given) and streams the answer back. */
export function forward(req: IncomingMessage, res: ServerResponse, upstream: URL, ca?: string | Buffer): void {
  relay(req, res, upstream, undefined, ca);
}

/** As forward(), for a request whose body was already read (`body`). */
export function forwardBuffered(req: IncomingMessage, body: Buffer, res: ServerResponse, upstream: URL): void {
  relay(req, res, upstream, body);
}

/** SIGTERM, then SIGKILL after 3 s; resolves when the process has exited. */
export function stopChild(proc: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), 3000).unref();
  });
}
