// 発生日 (when the exposure began) as the exposure history estimates it (src/history/public-since.ts): the sentence of
// the PPC draft and the short range the deadlines show. Pure; times in Asia/Tokyo (src/text/local-time.ts).
import type { I18n } from '../../src/model.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { formatLocalTime } from '../../src/text/local-time.js';

/** "between A and B" / "B at the latest", with the basis: the short form (deadlines, the timeline). */
export function occurrenceRange(p: PublicSince): I18n {
  const by = formatLocalTime(p.latest);
  if (p.earliest === null) return { ja: `遅くとも ${by}（実行履歴による推定）`, en: `${by} at the latest (estimated from the run history)` };
  const after = formatLocalTime(p.earliest);
  return { ja: `${after} から ${by} の間（実行履歴による推定）`, en: `between ${after} and ${by} (estimated from the run history)` };
}

/** The PPC draft's 発生日 sentence: the estimate, its basis, and where to confirm it. */
export function occurrenceSentence(p: PublicSince): I18n {
  const by = formatLocalTime(p.latest);
  if (p.earliest === null) {
    return {
      ja: `発生日（推定）: 遅くとも ${by}（根拠: kumoscan の実行履歴。記録された最初の実行（${by}）で既に公開されており、それより前の記録はありません）。公開状態となった時期は、設定変更の履歴（監査ログ）で確認してください。`,
      en: `Date of occurrence (発生日, estimated): ${by} at the latest (basis: kumoscan's run history — already public in the first run recorded, ${by}; nothing earlier is recorded). Establish when it became public from the change history (audit logs).`,
    };
  }
  const after = formatLocalTime(p.earliest);
  return {
    ja: `発生日（推定）: ${after} から ${by} の間（根拠: kumoscan の実行履歴。${after} の実行では非公開、${by} の実行で公開を確認）。正確な日時は、設定変更の履歴（監査ログ）で確認してください。`,
    en: `Date of occurrence (発生日, estimated): between ${after} and ${by} (basis: kumoscan's run history — private in the run of ${after}, public in the run of ${by}). Confirm the exact time from the change history (audit logs).`,
  };
}
