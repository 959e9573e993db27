// Where each exposed resource's access logs are: its provider's formats (formats/index.ts) in registry order, each
// locating from the snapshot (and, for a format that needs it, what its discover call read, once for all resources
// still without logs); the first that finds logs wins. Without any, the reasons of every format and the calls that
// failed while looking (a refused DescribeTrails) are the resource's "no evidence".
import type { Resource } from '../../model.js';
import type { BaseSnapshot } from '../../provider.js';
import { logFormatsFor } from './formats/index.js';
import type { LogFormat, LogLocation, NoLogs } from './formats/types.js';
import { errorOf } from './errors.js';
import type { ReadEvidenceError } from './types.js';

export const FIND_LOGS_CALL = 'FindAccessLogs';

export type Located = { format: LogFormat; loc: LogLocation } | { format: LogFormat; none: NoLogs };

/** Where each resource's logs are: the provider's formats in registry order, the first that finds logs wins. */
export async function locateAll(flags: Readonly<Record<string, unknown>>, snapshot: BaseSnapshot, resources: readonly Resource[], msLeft: number): Promise<Map<Resource, Located>> {
  const out = new Map<Resource, Located>();
  const notes = new Map<Resource, { format: LogFormat; reasons: NoLogs['reason'][]; errors: ReadEvidenceError[] }>();
  let pending = [...resources];
  for (const provider of new Set(resources.map((r) => r.provider))) {
    for (const format of logFormatsFor(provider)) {
      const mine = pending.filter((r) => r.provider === provider);
      if (mine.length === 0) break;
      let discovered: unknown;
      let failed: ReadEvidenceError | undefined;
      if (format.discover) {
        try {
          discovered = await format.discover(flags, mine, AbortSignal.timeout(Math.max(1, msLeft)));
        } catch (err) {
          failed = errorOf(FIND_LOGS_CALL, err);
        }
      }
      for (const r of mine) {
        const loc = format.locate(snapshot, r, discovered);
        if (loc.kind === 'logs') {
          out.set(r, { format, loc });
          continue;
        }
        let note = notes.get(r);
        if (!note) notes.set(r, (note = { format, reasons: [], errors: [] }));
        note.reasons.push(loc.reason);
        note.errors.push(...(loc.errors ?? []), ...(failed ? [failed] : []));
      }
      pending = pending.filter((r) => !out.has(r));
    }
  }
  for (const [r, note] of notes) {
    if (out.has(r)) continue;
    const reason = { ja: note.reasons.map((x) => x.ja).join(''), en: note.reasons.map((x) => x.en).join(' ') };
    out.set(r, { format: note.format, none: { kind: 'none', reason, ...(note.errors.length > 0 ? { errors: note.errors } : {}) } });
  }
  return out;
}
