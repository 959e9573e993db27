// Every file kumoscan writes (reports, snapshots, --out, merge / diff / classify results, the demo's files) goes
// through writeFileAtomic: the text is written to a temporary file in the same folder, fsynced, and renamed over
// the target (then the folder is fsynced where the platform allows). A reader sees the previous file or the whole
// new one, never a cut or empty one; a SIGKILL before the rename leaves the previous file as it was. The temporary
// files of writes under way are known, so a SIGINT / SIGTERM handler removes them (cancel.ts); those a SIGKILL left
// behind are removed by the next write into the same folder (removeStaleTempFiles).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { chmod, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { errorCode } from '../data/decode/limits.js';
import { statOrUndefined } from './read-file.js';

const pending = new Set<string>();

/** Temporary files of writes under way (their names end in ".kumoscan-tmp"). */
export function pendingTempFiles(): string[] {
  return [...pending];
}

/** Removes the temporary files of writes under way (a cancelled run); never throws. */
export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already renamed or never created
    }
  }
  pending.clear();
}

function fsyncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform / file system lets a folder be fsynced (Windows, some network file systems).
  }
}

/** The temporary files this module names: `.<target name>.<pid>-<8 hex digits>.kumoscan-tmp`. */
const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.kumoscan-tmp$/;

/** A temporary file older than this is left over from a write that never finished, whatever its process. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists (another user's).
    return errorCode(err) === 'EPERM';
  }
}

/**
 * Removes what writes killed before their rename (SIGKILL, a power cut) left in `dir`: regular files of this
 * module's naming whose process is gone or that are older than STALE_TEMP_MS. Never another file, never a write
 * under way in this process; never throws.
 */
export function removeStaleTempFiles(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    if (pending.has(path)) continue;
    const st = statOrUndefined(path, false);
    if (!st || !st.isFile()) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && processAlive(pid) && now - st.mtimeMs < STALE_TEMP_MS) continue;
    if (pid === process.pid && now - st.mtimeMs < STALE_TEMP_MS) continue;
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // removed meanwhile, or not ours to remove
    }
  }
  return removed;
}

/** Test hook: milliseconds to wait between the fsync and the rename, so a test can signal a write under way. */
function pauseBeforeRename(): Promise<void> {
  const ms = Number(process.env.KUMOSCAN_TEST_WRITE_PAUSE_MS ?? 0);
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const CHUNK = 1024 * 1024;

/** A file written piece by piece and published whole at the end (see the top of this file). */
export interface AtomicWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** Syncs and renames over the target: readers see the whole new file from now on. */
  commit(): Promise<void>;
  /** Removes the temporary file (the target stays as it was); never throws. */
  abort(): Promise<void>;
}

/**
 * Opens an atomic write of `path` (see the top of this file). A target that exists and is not a regular file
 * (/dev/stdout, a FIFO) is written directly: there is no previous file to keep. A symbolic link is followed: the
 * file it points to is replaced. Errors are one line: `cannot write PATH: CODE`.
 */
export async function openAtomicWriter(path: string): Promise<AtomicWriter> {
  const fail = (err: unknown): UsageError => new UsageError(`cannot write ${path}: ${errorCode(err)}`);
  const existing = statOrUndefined(path, true);
  if (existing && existing.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder`);
  if (existing && !existing.isFile()) {
    const fh = await open(path, 'w').catch((err: unknown) => Promise.reject(fail(err)));
    return {
      write: (bytes) => fh.writeFile(bytes).then(() => undefined, (err: unknown) => Promise.reject(fail(err))),
      commit: () => fh.close(),
      abort: () => fh.close().catch(() => undefined),
    };
  }
  const target = existing && statOrUndefined(path, false)?.isSymbolicLink() ? realpathSync(path) : path;
  const dir = dirname(target);
  removeStaleTempFiles(dir);
  const tmp = join(dir, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.kumoscan-tmp`);
  pending.add(tmp);
  let fh: FileHandle | undefined;
  const abort = async (): Promise<void> => {
    pending.delete(tmp);
    await fh?.close().catch(() => undefined);
    fh = undefined;
    await unlink(tmp).catch(() => undefined);
  };
  const guarded = async (step: () => Promise<void>): Promise<void> => {
    try {
      await step();
    } catch (err) {
      await abort();
      throw fail(err);
    }
  };
  await guarded(async () => {
    fh = await open(tmp, 'wx');
  });
  return {
    // In chunks: a signal that arrives during a long write is handled between two of them.
    write: (bytes) =>
      guarded(async () => {
        for (let at = 0; at < bytes.length; at += CHUNK) await fh?.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      }),
    commit: async () => {
      await guarded(async () => {
        if (existing) await chmod(tmp, existing.mode & 0o7777).catch(() => undefined);
        await fh?.sync();
        await fh?.close();
        fh = undefined;
        await pauseBeforeRename();
        await rename(tmp, target);
        pending.delete(tmp);
      });
      fsyncFolder(dir);
    },
    abort,
  };
}

/** Writes `data` to `path` atomically (openAtomicWriter: the same rules and errors). */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const writer = await openAtomicWriter(path);
  try {
    if (typeof data === 'string') await writer.write(Buffer.from(data, 'utf8'));
    else if (data instanceof Uint8Array) await writer.write(data);
    else await writePieces(writer, data);
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await writer.commit();
}

/**
 * A report of 100,000 buckets comes as pieces (reports/render/json-stream.ts), never joined into one string: they
 * are encoded into one reused buffer of CHUNK bytes, written when full (one call a mebibyte, no buffer a piece).
 */
async function writePieces(writer: AtomicWriter, pieces: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const most = piece.length * 3;
    if (used > 0 && used + most > CHUNK) {
      await writer.write(buffer.subarray(0, used));
      used = 0;
    }
    if (most > CHUNK) await writer.write(Buffer.from(piece, 'utf8'));
    else used += buffer.write(piece, used, 'utf8');
  }
  if (used > 0) await writer.write(buffer.subarray(0, used));
}
