// The files `kumoscan classify` reads: the given paths, directories recursively (hidden files included, names in
// code-unit order), symlink loops and files reached twice skipped. Synchronous stat and readdir: one system call
// each, no thread-pool round trip per file (a folder of 200,000 small files is walked without a futex storm).
import { note } from './data/decode/note-messages.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorCode } from './data/decode/limits.js';

export interface Target {
  path: string;
  /** Bytes at the time of the walk (regular files). */
  size?: number;
  /** Not a regular file, a broken link, an unreadable directory … */
  skip?: { code: string; note: string };
}

/** Files and directories already reached in a run: inode numbers per device (about 26 bytes a file, no string). */
export class Reached {
  private readonly byDevice = new Map<number, Set<number>>();

  /** False when this device and inode were reached before. */
  add(dev: number, ino: number): boolean {
    let inodes = this.byDevice.get(dev);
    if (inodes === undefined) this.byDevice.set(dev, (inodes = new Set()));
    if (inodes.has(ino)) return false;
    inodes.add(ino);
    return true;
  }
}

/** Files under `root`; `seen` is shared by the roots of one run. */
export function* walk(root: string, seen: Reached): Generator<Target> {
  let st;
  try {
    st = statSync(root);
  } catch (err) {
    const code = errorCode(err);
    yield { path: root, skip: { code, note: code === 'ENOENT' ? note('broken-symlink') : note('unreadable', { error: code }) } };
    return;
  }
  if (!seen.add(st.dev, st.ino)) return; // a symlink loop, or the same file reached twice
  if (st.isFile()) {
    yield { path: root, size: st.size };
    return;
  }
  if (!st.isDirectory()) {
    yield { path: root, skip: { code: 'ENOTREG', note: note('not-regular-file') } };
    return;
  }
  let names: string[];
  try {
    names = readdirSync(root).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    const code = errorCode(err);
    yield { path: root, skip: { code, note: note('directory-unreadable', { error: code }) } };
    return;
  }
  for (const name of names) yield* walk(join(root, name), seen);
}
