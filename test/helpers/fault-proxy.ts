// An HTTP proxy on 127.0.0.1 in front of an emulator that answers chosen requests with an S3-style error
// (AccessDenied, SlowDown, NotImplemented …) and passes the rest through, so tests exercise the real SDK's
// error parsing and retries. Counts the requests it answered with a fault.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { forward } from './forward.js';

export interface Fault {
  status: number;
  code: string;
  message: string;
}

/**
 * Decides per request: a fault, or undefined to pass it through. `query` holds the sub-resource keys (acl, policy …);
 * `service` is the signing name of the SigV4 credential scope (s3, iam, sts …), when the request is signed.
 */
export type FaultRule = (req: { method: string; bucket: string | undefined; query: URLSearchParams; service?: string }) => Fault | undefined;

export interface FaultProxy {
  endpoint: string;
  faults: number;
  close(): Promise<void>;
}

function errorBody(f: Fault, service: string | undefined): string {
  // Query-protocol services (IAM, STS) wrap the error in <ErrorResponse>; S3 answers a bare <Error>.
  if (service === 'iam' || service === 'sts') {
    return `<ErrorResponse><Error><Type>Sender</Type><Code>${f.code}</Code><Message>${f.message}</Message></Error><RequestId>FAULT</RequestId></ErrorResponse>`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${f.code}</Code><Message>${f.message}</Message><RequestId>FAULT</RequestId></Error>`;
}

export async function startFaultProxy(target: string, rule: FaultRule): Promise<FaultProxy> {
  const upstream = new URL(target);
  const state = { faults: 0 };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', target);
    const bucket = url.pathname.split('/')[1] || undefined;
    const service = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
    const fault = rule({ method: req.method ?? 'GET', bucket, query: url.searchParams, ...(service ? { service } : {}) });
    if (fault) {
      state.faults++;
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/xml' });
      res.end(errorBody(fault, service));
      return;
    }
    forward(req, res, upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get faults() {
      return state.faults;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
