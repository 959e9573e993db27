// Output paths are checked before any work is done (no cloud call, no file read): a report or snapshot that could
// not be written at the end would waste the whole scan. `--out FILE` / `--save-snapshot FILE` need an existing,
// writable folder and must not name a folder; `--out-dir DIR` is created (with its parents) when missing.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { fileKind, statOrUndefined } from './read-file.js';

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** `flag` names the option in the message, e.g. "--out". */
export function checkOutputFile(path: string, flag: string): void {
  const existing = statOrUndefined(path);
  if (existing?.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder; give a file name`);
  if (existing && !existing.isFile()) return; // /dev/stdout, a FIFO: written directly
  const dir = dirname(resolve(path));
  const folder = statOrUndefined(dir);
  if (!folder) throw new UsageError(`${flag} ${path}: the folder ${dirname(path)} does not exist (create it first)`);
  if (!folder.isDirectory()) throw new UsageError(`${flag} ${path}: ${dirname(path)} is ${fileKind(folder)}, not a folder`);
  if (!writable(dir) || (existing && !writable(path))) throw new UsageError(`${flag} ${path}: not writable (permission denied)`);
}

/** Creates `dir` (and its parents) when missing; it must end up a writable folder. */
export function prepareOutputDir(dir: string, flag = '--out-dir'): void {
  const existing = statOrUndefined(dir);
  if (existing && !existing.isDirectory()) throw new UsageError(`${flag} ${dir}: is ${existing.isFile() ? 'a file' : fileKind(existing)}, not a folder`);
  if (!existing) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (code ?? (err as Error).message);
      throw new UsageError(`${flag} ${dir}: cannot create the folder (${why})`);
    }
  }
  if (!writable(dir)) throw new UsageError(`${flag} ${dir}: not writable (permission denied)`);
}
