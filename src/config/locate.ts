// Which configuration file `kumoscan scan` reads, found without reading it: the command line loads the YAML parser
// and the schema (./load.ts) only when there is one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The names looked for in the working directory when --config is not given, in this order. */
export const DEFAULT_CONFIG_FILES = ['kumoscan.yml', 'kumoscan.yaml'] as const;

/**
 * `--config FILE` when given (whether it exists or not: reading it says), else ./kumoscan.yml or ./kumoscan.yaml in
 * `cwd`; undefined when there is none. `file`: as the user named it (or the default name found); `path`: where to read it.
 */
export function locateConfig(explicit: string | undefined, cwd: string = process.cwd()): { file: string; path: string } | undefined {
  if (explicit !== undefined) return { file: explicit, path: explicit };
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = join(cwd, name);
    if (existsSync(path)) return { file: name, path };
  }
  return undefined;
}
