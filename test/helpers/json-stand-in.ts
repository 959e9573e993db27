// The plumbing the local API stand-ins share (cloudtrail-server.ts, logging-server.ts): an HTTP server on 127.0.0.1
// that reads each request body whole, lets the stand-in answer the calls it implements with JSON, and forwards every
// other request unchanged to `upstream` (moto, the Google stand-in), so one endpoint serves the whole scan.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forwardBuffered } from './forward.js';

/** Answers with `body` as JSON (the content type the stand-in speaks). */
export type SendJson = (status: number, body: unknown) => void;

/** Answers the request and returns true, or returns false to have it forwarded upstream. */
export type JsonHandler = (req: IncomingMessage, body: Buffer, send: SendJson) => boolean;

export interface JsonStandIn {
  url: string;
  close(): Promise<void>;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The JSON body of a request ({} when empty). */
export function jsonBody<T>(body: Buffer): T {
  return JSON.parse(body.toString('utf8') || '{}') as T;
}

export async function startJsonStandIn(upstream: string, contentType: string, handle: JsonHandler): Promise<JsonStandIn> {
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const send: SendJson = (status, doc) => {
        res.writeHead(status, { 'content-type': contentType });
        res.end(JSON.stringify(doc));
      };
      if (!handle(req, body, send)) forwardBuffered(req, body, res, new URL(upstream));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
