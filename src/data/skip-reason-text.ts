// Why a sampled object was not read (DataProfile.sampled.skipped[].reason), in the reader's language. The reasons are
// stored in English, each a fixed wording with one parameter (sample-plan.ts: an archive storage class; sample.ts:
// the scan's byte budget, a failed read with its error code and the provider's message); a reason outside these
// (an older or newer kumoscan) is kept as written, quoted.
import type { I18n } from '../model.js';
import { readFailureCode } from './sample.js';

const ARCHIVE = /^archive storage class (.+)$/;
const BUDGET = 'scan byte budget spent';
const READ_FAILED = /^read failed \(([^:)]+)(?::\s*(.*))?\)$/s;

export function skipReasonText(reason: string): I18n {
  const archive = ARCHIVE.exec(reason);
  if (archive) return { ja: `アーカイブのストレージクラス（${archive[1]}）のため読み取っていません`, en: reason };
  if (reason === BUDGET) return { ja: 'スキャン全体の読み取り量の上限に達したため読み取っていません', en: reason };
  const failed = READ_FAILED.exec(reason);
  if (failed && readFailureCode(reason) !== undefined) {
    const message = failed[2]?.trim();
    return { ja: `読み取りに失敗しました（${failed[1]}${message ? `:「${message}」` : ''}）`, en: reason };
  }
  return { ja: `「${reason}」`, en: reason };
}

/** `N of M sampled object(s) could not be read: REASON` (sample-outcome.ts) in Japanese. */
export function sampleReadErrorJa(count: number, planned: number, reason: string): string {
  return `サンプルしたオブジェクト ${planned} 個のうち ${count} 個を読み取れませんでした: ${skipReasonText(reason).ja}`;
}
