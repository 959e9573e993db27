// 発生日 (when the exposure began) as the exposure history estimates it (src/history/public-since.ts): the sentence of
// the PPC draft and the short range the deadlines show. Pure; times in Asia/Tokyo (src/text/local-time.ts).
import type { I18n } from '../../src/model.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { SOURCE_LABEL } from '../../src/evidence/changes/text.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { changeNotTaken, type CombinedPublicSince } from '../public-since.js';

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

/**
 * The PPC draft's 発生日 sentence from the combined "public since" (reports/public-since.ts): the change log's time
 * when it is the earliest bound, with what the run history confirms; else the run history's estimate, with the
 * change the history contradicts and why it is not taken. Each sentence names its source.
 */
export function occurrenceSentenceOf(c: CombinedPublicSince): I18n {
  const h = c.history;
  const ch = c.change;
  if (ch && c.source !== 'history') {
    const src = SOURCE_LABEL[ch.source];
    const at = formatLocalTime(ch.time);
    const head: I18n =
      ch.basis === 'opens'
        ? { ja: `発生日: ${at}（根拠: ${src.ja} に記録された、公開状態にした設定変更 ${ch.action}）。`, en: `Date of occurrence (発生日): ${at} (basis: the change that made it public, ${ch.action}, recorded in ${src.en}).` }
        : ch.basis === 'created'
          ? { ja: `発生日（推定）: ${at}（根拠: ${src.ja} に記録された作成 ${ch.action}。記録期間内に公開状態にした変更はありません）。`, en: `Date of occurrence (発生日, estimated): ${at} (basis: its creation, ${ch.action}, recorded in ${src.en}; no change in the log's window made it public).` }
          : { ja: `発生日（推定）: ${at}（根拠: ${src.ja} に記録された設定変更 ${ch.action}。ログに変更内容はなく、記録期間内の直近の書込みです）。`, en: `Date of occurrence (発生日, estimated): ${at} (basis: the change ${ch.action} recorded in ${src.en}; the log does not show what changed: the latest write in its window).` };
    if (!h) return head;
    const by = formatLocalTime(h.latest);
    const seen: I18n =
      h.earliest === null
        ? { ja: `kumoscan の実行履歴でも、記録された最初の実行（${by}）で公開を確認しています。`, en: `kumoscan's run history agrees: public in the first run recorded (${by}).` }
        : { ja: `kumoscan の実行履歴でも、${formatLocalTime(h.earliest)} の実行では非公開、${by} の実行で公開を確認しています。`, en: `kumoscan's run history agrees: private in the run of ${formatLocalTime(h.earliest)}, public in the run of ${by}.` };
    return { ja: `${head.ja}${seen.ja}`, en: `${head.en} ${seen.en}` };
  }
  if (!h) return { ja: '', en: '' };
  const estimate = occurrenceSentence(h);
  if (!ch) return estimate;
  const src = SOURCE_LABEL[ch.source];
  const at = formatLocalTime(ch.time);
  const why: I18n =
    changeNotTaken(c) === 'history-earlier'
      ? { ja: '実行履歴ではそれより前から公開されていたため', en: 'the run history saw it public before then' }
      : { ja: 'その後の実行で非公開を確認しているため', en: 'a later run still saw it private' };
  return {
    ja: `${estimate.ja}${src.ja} に記録された設定変更（${at}、${ch.action}）は、${why.ja}、発生日の根拠としていません。`,
    en: `${estimate.en} The change recorded in ${src.en} (${at}, ${ch.action}) is not taken as the date: ${why.en}.`,
  };
}
