// Where a resource of the plan is declared: its module's folder (the root is --tf-dir, else the plan's folder;
// a child module's is its local `source`), then the .tf file and line of its `resource` block. Only reads files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ResourceSource } from '../model.js';
import { moduleSources } from './plan-index.js';
import type { TerraformPlan } from './plan-types.js';
import { resourceBlocks, type BlockStart } from './hcl-blocks.js';

/** The folder of a module, or undefined when a source on the way is not a local path (a registry or Git module). */
export function moduleDir(rootDir: string, sources: readonly (string | undefined)[]): string | undefined {
  let dir = rootDir;
  for (const s of sources) {
    if (s === undefined || !(s.startsWith('./') || s.startsWith('../'))) return undefined;
    dir = join(dir, s);
  }
  return dir;
}

function blocksIn(dir: string, cache: Map<string, { file: string; blocks: BlockStart[] }[]>): { file: string; blocks: BlockStart[] }[] {
  const hit = cache.get(dir);
  if (hit) return hit;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  } catch {
    files = [];
  }
  const out = files.flatMap((f) => {
    try {
      return [{ file: join(dir, f), blocks: resourceBlocks(readFileSync(join(dir, f), 'utf8')) }];
    } catch {
      return [];
    }
  });
  cache.set(dir, out);
  return out;
}

/** The address without instance keys, split into module calls and `type.name`. */
function typeAndName(address: string): { type: string; name: string } | undefined {
  const m = /(?:^|\.)([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?$/.exec(address);
  return m ? { type: m[1] ?? '', name: m[2] ?? '' } : undefined;
}

/** Adds file and line to each source whose block is found; paths relative to `cwd` with `/`. */
export function locateSources(plan: TerraformPlan, sources: Map<string, ResourceSource>, modules: Map<string, string[]>, rootDir: string, cwd: string = process.cwd()): Map<string, ResourceSource> {
  const cache = new Map<string, { file: string; blocks: BlockStart[] }[]>();
  const out = new Map<string, ResourceSource>();
  for (const [id, s] of sources) {
    const tn = typeAndName(s.address);
    const dir = moduleDir(resolve(rootDir), moduleSources(plan, modules.get(s.address) ?? []));
    const found = tn && dir ? blocksIn(dir, cache).flatMap((f) => f.blocks.filter((b) => b.type === tn.type && b.name === tn.name).map((b) => ({ file: f.file, line: b.line })))[0] : undefined;
    out.set(id, found ? { ...s, file: relative(cwd, found.file).split(sep).join('/'), line: found.line } : s);
  }
  return out;
}
