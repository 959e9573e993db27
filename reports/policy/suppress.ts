// Suppressions of the configuration: an accepted risk, with a reason and an expiry date. Pure: "today" is the scan
// date in Asia/Tokyo, given by the caller. A suppression applies through its expiry date (inclusive); on a later day
// it suppresses nothing and each finding it still matches gets a `suppression-expired` finding beside it, so the
// accepted risk comes back for review. A suppression that matches no finding is a configuration warning.
import type { Finding } from '../../src/model.js';
import { suppressionExpired } from '../../checks/policy/suppression-expired.js';
import { matchesAny } from './glob.js';
import type { ConfigWarning, SuppressedFinding, Suppression } from './types.js';

export interface SuppressOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding<Finding>[];
  /** `suppression-expired` findings (not yet sorted into `findings`). */
  expired: Finding[];
  warnings: ConfigWarning[];
}

/** Whether `s` matches the finding: its check, and a pattern on the resource id or the resource's name. */
export function suppressionMatches(s: Suppression, f: Finding, names: ReadonlyMap<string, string>): boolean {
  if (s.check !== f.checkId) return false;
  const name = names.get(f.resourceId);
  return matchesAny(s.resources, name !== undefined ? [f.resourceId, name] : [f.resourceId]);
}

/** Expired: the scan date (YYYY-MM-DD, Asia/Tokyo) is after the expiry date. */
export function isExpired(s: Pick<Suppression, 'expires'>, today: string): boolean {
  return s.expires < today;
}

export function expiredFinding(s: Suppression, f: Finding, resourceName: string | undefined): Finding {
  const what = resourceName && resourceName !== f.resourceId ? `${resourceName} (${f.resourceId})` : f.resourceId;
  return {
    id: `${suppressionExpired.id}:${f.resourceId}:${f.checkId}`,
    checkId: suppressionExpired.id,
    severity: suppressionExpired.severity,
    resourceId: f.resourceId,
    provider: f.provider,
    title: { ...suppressionExpired.title },
    detail: {
      ja: `チェック「${f.checkId}」の ${what} に対する抑制（${s.field}、理由: ${s.reason}）は ${s.expires} で有効期限が切れました。元の指摘を改めて報告しています。`,
      en: `The suppression of check "${f.checkId}" on ${what} (${s.field}, reason: ${s.reason}) expired on ${s.expires}; the original finding is reported again.`,
    },
    duties: [...suppressionExpired.duties],
    evidence: [{ effect: 'info', source: 'configuration', ref: s.field, message: `suppression of ${f.checkId} expired ${s.expires}: ${s.reason}`, messageJa: `${f.checkId} の抑制は ${s.expires} に期限切れ: ${s.reason}` }],
    remediation: { ...(suppressionExpired.remediation.default ?? { ja: '', en: '' }) },
  };
}

/**
 * Applies `suppressions` to `findings` (first matching suppression wins; an expired one never suppresses).
 * `names`: resource id -> name, so a pattern may name a bucket instead of its id.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], today: string, names: ReadonlyMap<string, string> = new Map()): SuppressOutcome {
  const used = new Set<Suppression>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding<Finding>[] = [];
  const expired: Finding[] = [];
  for (const f of findings) {
    const matching = suppressions.filter((s) => suppressionMatches(s, f, names));
    for (const s of matching) used.add(s);
    const active = matching.find((s) => !isExpired(s, today));
    if (active) {
      suppressed.push({ finding: f, reason: active.reason, expires: active.expires, suppression: active.field });
      continue;
    }
    kept.push(f);
    const lapsed = matching[0];
    if (lapsed) expired.push(expiredFinding(lapsed, f, names.get(f.resourceId)));
  }
  const warnings: ConfigWarning[] = suppressions
    .filter((s) => !used.has(s))
    .map((s) => ({
      field: s.field,
      code: 'suppression-unused' as const,
      message: {
        ja: `${s.field}（チェック ${s.check}、対象 ${s.resources.join(', ')}${isExpired(s, today) ? `、${s.expires} に期限切れ` : ''}）に一致する指摘はありませんでした。是正済みであれば削除してください。`,
        en: `${s.field} (check ${s.check}, resources ${s.resources.join(', ')}${isExpired(s, today) ? `, expired ${s.expires}` : ''}) matched no finding; remove it if the issue is fixed.`,
      },
    }));
  return { findings: kept, suppressed, expired, warnings };
}
