// The recorded "errors" of a plan evaluation: a setting known only after apply, or one that lives outside the plan.
// They take the place of a failed call, so every verdict that depends on them is null (unknown), the not-verified
// check names them and the scan is incomplete (exit 3). Both languages, each whole.
import type { CollectError } from '../model.js';

/** `call` is the provider call whose answer the value stands for (GetBucketPolicy …). */
export function knownAfterApply(call: string, address: string, attribute: string): CollectError {
  return {
    call,
    code: 'KnownAfterApply',
    message: `${address}: ${attribute} is known only after apply`,
    messageJa: `${address}: ${attribute} は適用後にしか決まりません`,
  };
}

/** A setting no resource of the plan sets, on something the plan does not create: its value today is not in the plan. */
export function notInPlan(call: string, what: { en: string; ja: string }, hint?: { en: string; ja: string }): CollectError {
  return {
    call,
    code: 'NotInPlan',
    message: `${what.en} is not in the plan${hint ? `; ${hint.en}` : ''}`,
    messageJa: `${what.ja}はこの計画に含まれていません${hint ? `。${hint.ja}` : ''}`,
  };
}
