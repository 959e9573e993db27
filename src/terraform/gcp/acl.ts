// The bucket ACL and default object ACL resources: role_entity lists ("READER:allUsers"), predefined ACLs, and the
// single-entry access_control resources. Shared by the four resource files.
import type { GcsAclEntry } from '../../../providers/gcp/snapshot-types.js';
import { unknownConfigured, type PlanResource } from '../plan-index.js';
import type { ResourceTranslator, TranslateContext } from '../translator.js';
import { str } from '../aws/convert.js';
import { knownAfterApply } from '../notes.js';

export type AclTarget = 'bucketAcl' | 'defaultObjectAcl';

const CALL: Readonly<Record<AclTarget, string>> = { bucketAcl: 'bucketAccessControls.list', defaultObjectAcl: 'defaultObjectAccessControls.list' };

/** Predefined ACLs (JSON API predefinedAcl / predefinedDefaultObjectAcl) -> the public entries they add. */
const PREDEFINED: Readonly<Record<string, GcsAclEntry[]>> = {
  publicRead: [{ entity: 'allUsers', role: 'READER' }],
  publicReadWrite: [{ entity: 'allUsers', role: 'WRITER' }],
  authenticatedRead: [{ entity: 'allAuthenticatedUsers', role: 'READER' }],
};

export function roleEntities(list: unknown): GcsAclEntry[] {
  return (Array.isArray(list) ? list : []).flatMap((x) => {
    const m = typeof x === 'string' ? /^([A-Z]+):(.+)$/.exec(x) : null;
    return m ? [{ role: m[1] ?? '', entity: m[2] ?? '' }] : [];
  });
}

export function aclResource(type: string, target: AclTarget, attributes: readonly string[], entries: (r: PlanResource) => GcsAclEntry[], additive: boolean): ResourceTranslator {
  return {
    type,
    order: 1,
    translate(r: PlanResource, ctx: TranslateContext): void {
      const d = ctx.gcp.target(ctx.index, r);
      if (!d) return;
      const unknown = attributes.find((a) => unknownConfigured(r, a));
      if (unknown !== undefined) {
        d[target] = { kind: 'unknown', error: knownAfterApply(CALL[target], r.address, unknown) };
        return;
      }
      const previous = d[target];
      const before = additive && previous?.kind === 'value' ? previous.entries : [];
      if (additive || previous?.kind !== 'unknown') d[target] = { kind: 'value', entries: [...before, ...entries(r)] };
    },
  };
}

export function predefined(name: unknown): GcsAclEntry[] {
  return PREDEFINED[str(name as string) ?? ''] ?? [];
}
