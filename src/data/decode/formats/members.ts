// Members of a container (zip entries, tar entries, mail attachments), each decoded on its own through the
// registry one level deeper: row numbers kept apart (a member's rows never join another's), every member's path
// remembered for the file-name rule (an ID-card photo inside an archive), encodings summed up.
import type { Segment } from '../../types.js';
import { memberPath } from './common.js';
import type { Env } from './types.js';

export interface Member {
  /** The member's name inside its container (`dir/a.csv`). */
  name: string;
  /** Its content; read to the end or returned before the next member is asked for. */
  data: AsyncIterable<Buffer>;
}

/** The encoding of a container: its members' one encoding, `mixed`, or `binary` when none was decoded. */
export function encodingOf(encodings: ReadonlySet<string>): string {
  return encodings.size === 1 ? ([...encodings][0] as string) : encodings.size === 0 ? 'binary' : 'mixed';
}

/** Decodes every member in turn; stops when the context stops (a limit). */
export async function* memberBatches(members: AsyncIterable<Member>, env: Env, encodings: Set<string>): AsyncGenerator<Segment[]> {
  const { ctx } = env;
  let rowBase = 0;
  for await (const { name, data } of members) {
    const path = memberPath(env, name);
    ctx.addMember(path);
    const member = await env.decode(data, name, { ctx, partial: env.partial, depth: env.depth + 1, member: path, decode: env.decode, ...(env.imageText ? { imageText: env.imageText } : {}) });
    if (!member.decoded) {
      await member.close();
      if (ctx.stopped) break;
      continue;
    }
    let maxRow = -1;
    for await (const batch of member.batches) {
      for (const s of batch) {
        if (s.row === undefined) continue;
        s.row += rowBase;
        if (s.row > maxRow) maxRow = s.row;
      }
      yield batch;
    }
    encodings.add(member.encoding());
    rowBase = Math.max(rowBase, maxRow + 1);
    if (ctx.stopped) break;
  }
}
