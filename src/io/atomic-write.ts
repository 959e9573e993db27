// Every file kumoscan writes (reports, snapshots, --out, merge / diff / classify results, the demo's files) goes
// through writeFileAtomic: the text is written to a temporary file in the same folder, fsynced, and renamed over
// the target (then the folder is fsynced where the platform allows). A reader sees the previous file or the whole
// new one, never a cut or empty one; a SIGKILL before the rename leaves the previous file as it was. The temporary
// files of writes under way are known, so a SIGINT / SIGTERM handler removes them (cancel.ts).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, realpathSync, unlinkSync } from 'node:fs';
import { chmod, open, rename, unlink, writeFile } from 'node:fs/promises';
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

/** Test hook: milliseconds to wait between the fsync and the rename, so a test can signal a write under way. */
function pauseBeforeRename(): Promise<void> {
  const ms = Number(process.env.KUMOSCAN_TEST_WRITE_PAUSE_MS ?? 0);
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const CHUNK = 1024 * 1024;

/**
 * Writes `data` to `path` atomically (see the top of this file). A target that exists and is not a regular file
 * (/dev/stdout, a FIFO) is written directly: there is no previous file to keep. A symbolic link is followed: the
 * file it points to is replaced. Errors are one line: `cannot write PATH: CODE`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const existing = statOrUndefined(path, true);
  if (existing && existing.isDirectory()) throw new UsageError(`cannot write ${path}: it is a folder`);
  if (existing && !existing.isFile()) {
    try {
      await writeFile(path, data);
    } catch (err) {
      throw new UsageError(`cannot write ${path}: ${errorCode(err)}`);
    }
    return;
  }
  const target = existing && statOrUndefined(path, false)?.isSymbolicLink() ? realpathSync(path) : path;
  const dir = dirname(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.kumoscan-tmp`);
  // A report of 100,000 buckets comes as pieces (reports/render/json-stream.ts): never joined into one string.
  const pieces: Iterable<Uint8Array> = typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : (function* () {
    for (const piece of data) yield Buffer.from(piece, 'utf8');
  })();
  pending.add(tmp);
  try {
    const fh = await open(tmp, 'wx');
    try {
      // In chunks: a signal that arrives during a long write is handled between two of them.
      for (const bytes of pieces) for (let at = 0; at < bytes.length; at += CHUNK) await fh.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      if (existing) await chmod(tmp, existing.mode & 0o7777).catch(() => undefined);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await pauseBeforeRename();
    await rename(tmp, target);
    pending.delete(tmp);
  } catch (err) {
    pending.delete(tmp);
    await unlink(tmp).catch(() => undefined);
    throw new UsageError(`cannot write ${path}: ${errorCode(err)}`);
  }
  fsyncFolder(dir);
}
