// --probe: confirm verdicts the way an outsider would (../shared/PUBLIC-ACCESS.md, "Confirmation from
// outside"): an unauthenticated GET of the list URL and a one-byte ranged GET of one object. GET only, no
// credentials, only to the provider endpoint the adapter names. probeResources() does the I/O;
// applyProbe() is the pure step that folds the answers into a resource.
import pLimit from 'p-limit';
import type { Evidence, ProbeAnswer, ProbeResult, Resource, Tri } from './model.js';
import type { BaseSnapshot, ProviderAdapter } from './provider.js';
import type { ObjectInfo } from './data/object-reader.js';
import { isArchived } from './data/sample-plan.js';

const TIMEOUT_MS = 10_000;

async function anonymousGet(url: string, range: boolean): Promise<ProbeAnswer> {
  try {
    const res = await fetch(url, {
      method: 'GET',
      redirect: 'manual',
      headers: range ? { Range: 'bytes=0-0' } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    return { url, status: res.status };
  } catch (err) {
    return { url, status: null, error: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
  }
}

/** 2xx: an outsider can do it; 401/403/404: refused; anything else: no verdict. */
export function observedFrom(answer: ProbeAnswer | undefined): Tri {
  if (!answer || answer.status === null) return null;
  if (answer.status >= 200 && answer.status < 300) return true;
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) return false;
  return null;
}

/** A key to probe: the newest non-archive object the authenticated reader lists first. */
async function pickKey(adapter: ProviderAdapter<BaseSnapshot>, flags: Readonly<Record<string, unknown>>, resource: Resource): Promise<string | undefined> {
  if (!adapter.openReader) return undefined;
  const reader = await adapter.openReader(flags, resource);
  try {
    const page = await reader.list({ max: 50 });
    const usable = page.objects.filter((o: ObjectInfo) => !isArchived(o) && !o.key.endsWith('/'));
    usable.sort((a, b) => (b.lastModified ?? '').localeCompare(a.lastModified ?? ''));
    return usable[0]?.key;
  } catch {
    return undefined;
  } finally {
    reader.close();
  }
}

export async function probeResource(adapter: ProviderAdapter<BaseSnapshot>, flags: Readonly<Record<string, unknown>>, resource: Resource, now: Date): Promise<ProbeResult | undefined> {
  const targets = adapter.probeTargets?.(resource, flags);
  if (!targets) return undefined;
  const result: ProbeResult = { at: now.toISOString(), observed: { read: null, list: null } };
  if (targets.list) {
    result.list = await anonymousGet(targets.list, false);
    result.observed.list = observedFrom(result.list);
  }
  if (targets.object) {
    const key = await pickKey(adapter, flags, resource);
    if (key !== undefined) {
      result.object = { key, ...(await anonymousGet(targets.object(key), true)) };
      result.observed.read = observedFrom(result.object);
    }
  }
  return result;
}

/** Which resources are worth probing: those whose read or list verdict is not a sure "no". */
export function shouldProbe(r: Resource): boolean {
  return r.exposure.read !== false || r.exposure.list !== false;
}

export async function probeResources(adapter: ProviderAdapter<BaseSnapshot>, flags: Readonly<Record<string, unknown>>, resources: readonly Resource[], concurrency: number, now: Date): Promise<Record<string, ProbeResult>> {
  const limit = pLimit(Math.max(1, concurrency));
  const out: Record<string, ProbeResult> = {};
  await Promise.all(
    resources.filter(shouldProbe).map((r) =>
      limit(async () => {
        const result = await probeResource(adapter, flags, r, now);
        if (result) out[r.id] = result;
      }),
    ),
  );
  return out;
}

function probeEvidence(cap: 'read' | 'list', configured: Tri, answer: ProbeAnswer, observed: Tri): Evidence | undefined {
  const what = cap === 'read' ? 'one object' : 'the object listing';
  const whatJa = cap === 'read' ? 'オブジェクト1つ' : 'オブジェクトの一覧';
  const ref = `anonymous GET ${answer.url}`;
  if (observed === true) {
    const message =
      configured === true
        ? `confirmed public: an anonymous GET of ${what} answered HTTP ${answer.status}`
        : `an anonymous GET of ${what} answered HTTP ${answer.status} although the configuration ${configured === false ? 'was judged not public' : 'could not be verified'}`;
    const messageJa =
      configured === true
        ? `公開を確認: ${whatJa}への匿名の GET に HTTP ${answer.status} が返りました`
        : `設定からは${configured === false ? '公開でないと判断しました' : '確認できませんでした'}が、${whatJa}への匿名の GET に HTTP ${answer.status} が返りました`;
    return { capability: cap, effect: 'grants', source: 'probe', ref, message, messageJa };
  }
  if (observed === false && configured === true) {
    return { capability: cap, effect: 'info', source: 'probe', ref, message: `disagreement: judged public from the configuration, but an anonymous GET of ${what} was refused (HTTP ${answer.status}); a network rule or firewall may stand in front of it — check before relying on it`, messageJa: `不一致: 設定からは公開と判断しましたが、${whatJa}への匿名の GET は拒否されました（HTTP ${answer.status}）。ネットワーク規則やファイアウォールが前にある可能性があります。これに頼る前に確認してください` };
  }
  if (observed === false) {
    return { capability: cap, effect: 'info', source: 'probe', ref, message: `an anonymous GET of ${what} was refused (HTTP ${answer.status})`, messageJa: `${whatJa}への匿名の GET は拒否されました（HTTP ${answer.status}）` };
  }
  return undefined;
}

/** Pure: folds probe answers into a resource. An observed 2xx makes the capability true (the outsider saw it). */
export function applyProbe(resource: Resource, probe: ProbeResult | undefined): Resource {
  if (!probe) return resource;
  const configured = { read: resource.exposure.read, list: resource.exposure.list };
  const exposure = { ...resource.exposure, evidence: [...resource.exposure.evidence] };
  for (const cap of ['read', 'list'] as const) {
    const answer = cap === 'read' ? probe.object : probe.list;
    const observed = probe.observed[cap];
    if (!answer) continue;
    const ev = probeEvidence(cap, configured[cap], answer, observed);
    if (ev) exposure.evidence.push(ev);
    if (observed === true) exposure[cap] = true;
  }
  return { ...resource, exposure, probe: { ...probe, configured } };
}
