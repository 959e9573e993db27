// Recording for the replay server: a proxy in front of the emulator (moto) that forwards every request unchanged
// and keeps each answer under the request's name (recording.ts), per template bucket or account-wide. The last
// answer wins (a credential report is STARTED before it is COMPLETE).
import { request, createServer, type IncomingMessage, type Server } from 'node:http';
import { keptHeaders, requestName, type RecordedAnswer, type Recording } from './recording.js';

export interface Recorder {
  endpoint: string;
  /** The recording so far; `buckets` is filled from the answers of ListBuckets and GetBucketLocation. */
  recording(): Recording;
  close(): Promise<void>;
}

function locationOf(body: string): string {
  const m = /<LocationConstraint[^>]*>([^<]*)<\/LocationConstraint>/.exec(body);
  const c = m?.[1] ?? '';
  return c === '' ? 'us-east-1' : c === 'EU' ? 'eu-west-1' : c;
}

export async function startRecorder(target: string): Promise<Recorder> {
  const upstream = new URL(target);
  const perBucket: Record<string, Record<string, RecordedAnswer>> = {};
  const global: Record<string, RecordedAnswer> = {};
  const regions = new Map<string, string>();
  let listing = '';
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const amzTarget = req.headers['x-amz-target'];
      const { name, bucket } = requestName({ method: req.method ?? 'GET', url: req.url ?? '/', body: body.toString('utf8'), contentType: req.headers['content-type'], ...(typeof amzTarget === 'string' ? { target: amzTarget } : {}) });
      const fwd = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (up) => {
        const answer: Buffer[] = [];
        up.on('data', (c: Buffer) => answer.push(c));
        up.on('end', () => {
          const text = Buffer.concat(answer).toString('utf8');
          const recorded: RecordedAnswer = { status: up.statusCode ?? 502, headers: keptHeaders(up.headers), body: text };
          if (bucket !== undefined) {
            (perBucket[bucket] ??= {})[name] = recorded;
            if (name === 'GET /{bucket}?location' && recorded.status === 200) regions.set(bucket, locationOf(text));
          } else {
            global[name] = recorded;
            if (name.startsWith('GET /') && (name === 'GET /' || name.startsWith('GET /?')) && recorded.status === 200) listing = text;
          }
          res.writeHead(recorded.status, up.headers);
          res.end(Buffer.concat(answer));
        });
      });
      fwd.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      fwd.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    recording(): Recording {
      const buckets = [...listing.matchAll(/<Bucket><Name>([^<]+)<\/Name><CreationDate>([^<]+)<\/CreationDate>/g)].map((m) => ({
        name: m[1] ?? '',
        creationDate: m[2] ?? '',
        region: regions.get(m[1] ?? '') ?? 'us-east-1',
      }));
      const owner = /<Owner><ID>([^<]*)<\/ID>(?:<DisplayName>([^<]*)<\/DisplayName>)?/.exec(listing);
      return { buckets, owner: { ID: owner?.[1] ?? '', ...(owner?.[2] ? { DisplayName: owner[2] } : {}) }, perBucket, global };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
