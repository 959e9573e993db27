// Reading a file the user named (--input, --config, reports, --baseline): stat-ed first, and only a regular file
// within the size limit is read. A FIFO, /dev/zero, a folder or a socket is refused at once with one line (a
// FIFO is opened non-blocking, so nobody has to write into it for the refusal to come); the size limit is
// checked from the stat, before a byte is read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UsageError } from '../errors.js';
import { errorCode, formatBytes } from '../data/decode/limits.js';

export { MiB } from '../data/decode/limits.js';

/** The stat of `path` (of the link itself with follow = false), or undefined when there is nothing there. */
export function statOrUndefined(path: string, follow = true): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

/** What a non-regular file is, in a user's words. */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface ReadLimits {
  /** The most bytes accepted; a larger file is refused from its stat. */
  maxBytes: number;
  /** The whole error line, given the reason (e.g. `ENOENT`, `a named pipe (FIFO), not a regular file`). */
  error: (reason: string) => string;
}

/** The bytes of a regular file of at most `maxBytes`, or a UsageError built by `limits.error`. */
export function readRegularFile(path: string, limits: ReadLimits): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer; no effect on a regular file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new UsageError(limits.error(errorCode(err)));
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(limits.error(`${fileKind(st)}, not a regular file`));
    if (st.size > limits.maxBytes) throw new UsageError(limits.error(`${formatBytes(st.size)}, larger than the limit of ${formatBytes(limits.maxBytes)}`));
    // Read at most one byte past the limit: a file that grows while it is read is refused, never read whole.
    let buf = Buffer.allocUnsafe(Math.min(st.size, limits.maxBytes) + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled > limits.maxBytes) throw new UsageError(limits.error(`larger than the limit of ${formatBytes(limits.maxBytes)}`));
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, limits.maxBytes + 1));
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
    }
    return buf.subarray(0, filled);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(limits.error(errorCode(err)));
  } finally {
    closeSync(fd);
  }
}
