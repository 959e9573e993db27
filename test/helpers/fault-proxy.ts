// An HTTP proxy on 127.0.0.1 in front of an emulator that answers chosen requests with an S3-style error
// (AccessDenied, SlowDown, NotImplemented …), holds them open without ever answering (stall), or drops the
// connection (reset), and passes the rest through, so tests exercise the real SDK's error parsing, retries and
// timeouts. Counts the requests it answered with a fault.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { forwardBuffered } from './forward.js';

/** Never answer: the request is held open until the client gives up (or the proxy closes). */
export const STALL = { stall: true } as const;
/** Drop the connection without an answer (a TCP reset). */
export const RESET = { reset: true } as const;

export type Fault = ErrorFault | typeof STALL | typeof RESET;

export interface ErrorFault {
  status: number;
  code: string;
  message: string;
  /** A whole answer body instead of the S3 / query-protocol error (e.g. a JSON-protocol error). */
  body?: string;
  contentType?: string;
}

/**
 * Decides per request: a fault, or undefined to pass it through. `query` holds the sub-resource keys (acl, policy …);
 * `service` is the signing name of the SigV4 credential scope (s3, iam, sts …), when the request is signed.
 */
export type FaultRule = (req: FaultRequest) => Fault | undefined;

export interface FaultRequest {
  method: string;
  bucket: string | undefined;
  /** The object key of a path-style request (/bucket/key), decoded; undefined for bucket-level requests. */
  key?: string;
  query: URLSearchParams;
  service?: string;
  /** The operation of a query-protocol (Action=… in the form body: STS, IAM) or JSON-protocol (X-Amz-Target) call. */
  action?: string;
  /** The form parameters of a query-protocol call (RoleArn of an AssumeRole …). */
  params?: URLSearchParams;
  /** The access key id the request was signed with. */
  accessKey?: string;
}

export interface FaultProxy {
  endpoint: string;
  faults: number;
  /** Every request that reached the proxy, in order, faulted or not. */
  seen: FaultRequest[];
  /** Requests held open right now (STALL). */
  readonly stalled: number;
  close(): Promise<void>;
}

function errorBody(f: ErrorFault, service: string | undefined): string {
  // Query-protocol services (IAM, STS) wrap the error in <ErrorResponse>; S3 answers a bare <Error>.
  if (service === 'iam' || service === 'sts') {
    return `<ErrorResponse><Error><Type>Sender</Type><Code>${f.code}</Code><Message>${f.message}</Message></Error><RequestId>FAULT</RequestId></ErrorResponse>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${f.code}</Code><Message>${f.message}</Message><RequestId>FAULT</RequestId></Error>`;
}

export async function startFaultProxy(target: string, rule: FaultRule): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { faults: 0, stalled: 0 };
  const seen: FaultRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', target);
      const [, first, ...rest] = url.pathname.split('/');
      const bucket = first || undefined;
      const key = rest.length > 0 && rest.join('/') !== '' ? decodeURIComponent(rest.join('/')) : undefined;
      const auth = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '');
      const service = auth?.[2];
      const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : undefined;
      const amzTarget = req.headers['x-amz-target'];
      const action = form?.get('Action') ?? (typeof amzTarget === 'string' ? amzTarget.split('.').pop() : undefined);
      const request: FaultRequest = {
        method: req.method ?? 'GET',
        bucket,
        ...(key !== undefined ? { key } : {}),
        query: url.searchParams,
        ...(service ? { service } : {}),
        ...(action ? { action } : {}),
        ...(form ? { params: form } : {}),
        ...(auth?.[1] ? { accessKey: auth[1] } : {}),
      };
      seen.push(request);
      const fault = rule(request);
      if (fault && 'stall' in fault) {
        state.faults++;
        state.stalled++;
        res.on('close', () => state.stalled--);
        return;
      }
      if (fault && 'reset' in fault) {
        state.faults++;
        req.socket.destroy();
        return;
      }
      if (fault) {
        state.faults++;
        res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/xml' });
        res.end(fault.body ?? errorBody(fault, service));
        return;
      }
      forwardBuffered(req, body, res, upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get faults() {
      return state.faults;
    },
    seen,
    get stalled() {
      return state.stalled;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held (stalled) requests would keep the server open for ever.
        server.closeAllConnections();
      }),
  };
}
