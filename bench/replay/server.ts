// The bench's replay server: answers an S3 scan from a recording held in memory (no emulator behind it), over
// kept-alive HTTP, after a fixed added round trip per request. The recorded account of a few template buckets is
// scaled to N buckets by name: bucket i (bench-00042 …) answers as template i % T, with its name put in. ListBuckets
// is made for the N buckets, paginated like S3 (max-buckets / continuation-token), with `BucketRegion` per bucket
// as real S3 gives it (bucketRegion: true) or without it as moto (false). Every request is logged with its bucket
// and the times it arrived and was answered, for the round trips on the critical path (critical-path.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { renamed, requestName, type RecordedAnswer, type Recording } from './recording.js';

export interface ReplayOptions {
  /** Buckets in the account. */
  buckets: number;
  /** Added to every answer (a round trip to a far endpoint). */
  delayMs: number;
  /** ListBuckets gives each bucket's region (real S3) or not (moto). */
  bucketRegion: boolean;
}

export interface LoggedRequest {
  bucket?: string;
  name: string;
  /** performance.now() when the request had arrived whole, and when its answer was written. */
  start: number;
  end: number;
  status: number;
}

export interface ReplayServer {
  endpoint: string;
  /** Every request since the last reset. */
  readonly log: readonly LoggedRequest[];
  /** Requests the recording has no answer for, by name. */
  readonly misses: ReadonlyMap<string, number>;
  reset(options: ReplayOptions): void;
  close(): Promise<void>;
}

/** The name of bucket i of a scaled account. */
export function scaledBucketName(i: number): string {
  return `bench-${String(i).padStart(5, '0')}`;
}

function scaledIndex(name: string, count: number): number | undefined {
  const m = /^bench-(\d{5})$/.exec(name);
  if (!m) return undefined;
  const i = Number(m[1]);
  return i < count ? i : undefined;
}

function xmlError(status: number, code: string, message: string): RecordedAnswer {
  return { status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>REPLAY</RequestId></Error>` };
}

/** ListBuckets of the scaled account: one page from `offset`, of at most `max` buckets (all when undefined). */
export function listBucketsAnswer(recording: Recording, opts: ReplayOptions, offset: number, max: number | undefined): RecordedAnswer {
  const end = max === undefined ? opts.buckets : Math.min(opts.buckets, offset + max);
  const parts: string[] = [];
  for (let i = offset; i < end; i++) {
    const t = recording.buckets[i % recording.buckets.length];
    if (!t) continue;
    parts.push(`<Bucket><Name>${scaledBucketName(i)}</Name><CreationDate>${t.creationDate}</CreationDate>${opts.bucketRegion ? `<BucketRegion>${t.region}</BucketRegion>` : ''}</Bucket>`);
  }
  const token = max !== undefined && end < opts.buckets ? `<ContinuationToken>${Buffer.from(String(end)).toString('base64')}</ContinuationToken>` : '';
  const owner = `<Owner><ID>${recording.owner.ID}</ID>${recording.owner.DisplayName ? `<DisplayName>${recording.owner.DisplayName}</DisplayName>` : ''}</Owner>`;
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${owner}<Buckets>${parts.join('')}</Buckets>${token}</ListAllMyBucketsResult>`,
  };
}

function answerFor(recording: Recording, opts: ReplayOptions, req: IncomingMessage, body: string, misses: Map<string, number>): { answer: RecordedAnswer; bucket?: string; name: string } {
  const target = req.headers['x-amz-target'];
  const { name, bucket } = requestName({ method: req.method ?? 'GET', url: req.url ?? '/', body, contentType: req.headers['content-type'], ...(typeof target === 'string' ? { target } : {}) });
  if (bucket === undefined && name.startsWith('GET /') && (name === 'GET /' || name.startsWith('GET /?'))) {
    const url = new URL(req.url ?? '/', 'http://replay');
    const max = url.searchParams.get('max-buckets');
    const token = url.searchParams.get('continuation-token');
    const offset = token ? Number(Buffer.from(token, 'base64').toString('utf8')) || 0 : 0;
    return { answer: listBucketsAnswer(recording, opts, offset, max ? Number(max) : undefined), name };
  }
  if (bucket !== undefined) {
    const i = scaledIndex(bucket, opts.buckets);
    // Not a bucket of the account (a probe of another name): answered, but not logged as a bucket's request.
    if (i === undefined) return { answer: xmlError(404, 'NoSuchBucket', 'The specified bucket does not exist'), name };
    const template = recording.buckets[i % recording.buckets.length];
    const recorded = template ? recording.perBucket[template.name]?.[name] : undefined;
    if (!template || !recorded) {
      misses.set(name, (misses.get(name) ?? 0) + 1);
      return { answer: xmlError(501, 'NotImplemented', 'not in the replay recording'), bucket, name };
    }
    return { answer: renamed(recorded, template.name, bucket), bucket, name };
  }
  const recorded = recording.global[name];
  if (recorded) return { answer: recorded, name };
  misses.set(name, (misses.get(name) ?? 0) + 1);
  return { answer: xmlError(501, 'NotImplemented', 'not in the replay recording'), name };
}

export async function startReplayServer(recording: Recording, initial: ReplayOptions): Promise<ReplayServer> {
  let opts = initial;
  let log: LoggedRequest[] = [];
  let misses = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const start = performance.now();
      const { answer, bucket, name } = answerFor(recording, opts, req, Buffer.concat(chunks).toString('utf8'), misses);
      const entry: LoggedRequest = { ...(bucket !== undefined ? { bucket } : {}), name, start, end: start, status: answer.status };
      log.push(entry);
      const body = Buffer.from(answer.body, 'utf8');
      const send = (): void => {
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
        res.end(req.method === 'HEAD' ? undefined : body);
        entry.end = performance.now();
      };
      if (opts.delayMs > 0) setTimeout(send, opts.delayMs);
      else send();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    get misses() {
      return misses;
    },
    reset(next: ReplayOptions) {
      opts = next;
      log = [];
      misses = new Map();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
