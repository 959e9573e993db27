// Decoding feeds the Classifier (../detect/classifier.ts): bytes or a file in, a FileProfile out. Images and
// unknown binaries are classified by name only. Used by `kumoscan classify` and by bucket sampling (the first N
// bytes of an object from a range GET: pass `partial` or `size`).
import { note } from './note-messages.js';
import type { PersonLedger } from '../detect/persons.js';
import { Classifier, classifyFileName } from '../detect/classifier.js';
import type { FileProfile } from '../types.js';
import { closeSync, openSync, readSync } from 'node:fs';
import { CHUNK, type ByteInput } from './byte-source.js';
import { decodeFile, decodeFileContent, decodeStream, decodeWholeSync, type DecodedStream, type DecodeOptions, type DecodeStats } from './decode-stream.js';
import { errorCode } from './limits.js';

export interface ClassifyOptions {
  limits?: DecodeOptions['limits'];
  /** The input is only the first bytes of a larger object. */
  partial?: boolean;
  /** Size of the whole object when known (fewer bytes read means `partial`). */
  size?: number;
  /** Absolute end time (ms since the epoch), besides limits.timeBudgetMs. */
  deadline?: number;
  /** Salt of the salted hashes (one per run; defaults to the ledger's, else random). */
  salt?: Buffer;
  /** Masked examples kept per detector and confidence. */
  maxExamples?: number;
  /** Person keys shared by several files or objects (de-duplication across them). */
  ledger?: PersonLedger;
  /** Reads the text of pictures (OCR), with its own budget; without it images are classified by name only. */
  imageText?: DecodeOptions['imageText'];
}

function decodeOptions(opts: ClassifyOptions): Omit<DecodeOptions, 'name'> {
  return {
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.partial !== undefined ? { partial: opts.partial } : {}),
    ...(opts.size !== undefined ? { size: opts.size } : {}),
    ...(opts.deadline !== undefined ? { deadline: opts.deadline } : {}),
    ...(opts.imageText ? { imageText: opts.imageText } : {}),
  };
}

function shared(opts: ClassifyOptions): { salt?: Buffer; ledger?: PersonLedger } {
  return { ...(opts.salt ? { salt: opts.salt } : {}), ...(opts.ledger ? { ledger: opts.ledger } : {}) };
}

/** The profile of content that was not decoded (not text, a picture without OCR): by its name. */
function byName(st: DecodeStats, path: string, opts: ClassifyOptions): FileProfile {
  const profile = classifyFileName(path, { ...shared(opts), bytesRead: st.bytesRead });
  return { ...profile, encoding: st.encoding, format: st.format, truncated: st.truncated, notes: st.notes.length > 0 ? st.notes : profile.notes };
}

function classifierFor(path: string, encoding: string, format: string, opts: ClassifyOptions): Classifier {
  return new Classifier({ path, encoding, format, ...shared(opts), ...(opts.maxExamples !== undefined ? { maxExamples: opts.maxExamples } : {}) });
}

function profileOf(c: Classifier, st: DecodeStats): FileProfile {
  const profile = c.finish({ bytesRead: st.bytesRead, truncated: st.truncated, notes: st.notes, documents: st.members });
  // The encoding may have been settled after the head (a pure-ASCII start).
  return { ...profile, encoding: st.encoding, format: st.format };
}

/** Runs a decoded stream through a Classifier. `path`: the file path or object key reported. */
export async function classifyDecoded(d: DecodedStream, path: string, opts: ClassifyOptions = {}): Promise<FileProfile> {
  if (!d.decoded) return byName(d.stats(), path, opts);
  const c = classifierFor(path, d.encoding, d.format, opts);
  try {
    for await (const batch of d.batches) for (const s of batch) c.push(s);
  } finally {
    await d.close();
  }
  return profileOf(c, d.stats());
}

/**
 * classifyBytes without a promise, for content whose decoding needs no stream (decodeWholeSync: at most 64 KiB of
 * text): the same profile. undefined for other content (then use classifyBytes).
 */
export function classifyWholeSync(content: Buffer, opts: ClassifyOptions & { name: string }): FileProfile | undefined {
  const d = decodeWholeSync(content, { name: opts.name, ...decodeOptions(opts) });
  if (d === undefined) return undefined;
  if (!d.decoded) return byName(d.stats(), opts.name, opts);
  const c = classifierFor(opts.name, d.encoding, d.format, opts);
  d.run((s) => c.push(s));
  return profileOf(c, d.stats());
}

/** Classifies bytes in memory or a stream of chunks. `name`: the object key (format by name, ID documents). */
export async function classifyBytes(input: ByteInput, opts: ClassifyOptions & { name: string }): Promise<FileProfile> {
  const d = await decodeStream(input, { name: opts.name, ...decodeOptions(opts) });
  return classifyDecoded(d, opts.name, opts);
}

/** A file that could not be read at all: an empty profile whose note says why (name-based rules still apply). */
export function unreadableProfile(path: string, code: string, opts: ClassifyOptions = {}): FileProfile {
  const c = new Classifier({ path, encoding: 'unknown', format: 'unknown', ...shared(opts) });
  return c.finish({ bytesRead: 0, truncated: true, notes: [note('unreadable', { error: code })] });
}

/** Classifies a file; `error` is set when it could not be opened or read at all. */
export async function classifyFileDetailed(path: string, opts: ClassifyOptions = {}): Promise<{ profile: FileProfile; error?: string }> {
  let d: DecodedStream;
  try {
    d = await decodeFile(path, decodeOptions(opts));
  } catch (err) {
    const code = errorCode(err);
    return { profile: unreadableProfile(path, code, opts), error: code };
  }
  return { profile: await classifyDecoded(d, path, opts) };
}

/** A file of at most this many bytes is read in one synchronous read (no read stream, no thread-pool round trips). */
export const SMALL_FILE = CHUNK;

/** The whole file when it still has at most `size` bytes; undefined when it grew (then it is streamed). */
function readWhole(path: string, size: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) return undefined;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export interface LocalResult {
  profile: FileProfile;
  /** The file could not be opened or read at all. */
  error?: string;
}

/**
 * classifyFileDetailed for a file whose size is known (from the walk): a small one is read whole in one
 * synchronous read and decoded from memory with the same result — without a promise (the result itself is
 * returned) when its content needs no stream (classifyWholeSync: text); a larger one is streamed.
 */
export function classifyLocalFile(path: string, size: number, opts: ClassifyOptions = {}): LocalResult | Promise<LocalResult> {
  if (size > SMALL_FILE) return classifyFileDetailed(path, opts);
  let content: Buffer | undefined;
  try {
    content = readWhole(path, size);
  } catch (err) {
    const code = errorCode(err);
    return { profile: unreadableProfile(path, code, opts), error: code };
  }
  if (content === undefined) return classifyFileDetailed(path, opts);
  const profile = classifyWholeSync(content, { ...opts, name: path });
  if (profile !== undefined) return { profile };
  return decodeFileContent(path, content, decodeOptions(opts)).then((d) => classifyDecoded(d, path, opts).then((p) => ({ profile: p })));
}

/** Classifies a file as a stream (bounded memory whatever its size). */
export async function classifyFile(path: string, opts: ClassifyOptions = {}): Promise<FileProfile> {
  return (await classifyFileDetailed(path, opts)).profile;
}
