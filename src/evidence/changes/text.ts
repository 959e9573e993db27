// What every report format says of a public resource's opening (Resource.openedBy), in Japanese and in English:
// "opened by <principal> at <time> (<source>: <action>)", or why it is not known. Pure.
import type { I18n } from '../../model.js';
import { formatLocalTime } from '../../text/local-time.js';
import type { ChangeSource, OpenedBy } from './types.js';

export const SOURCE_LABEL: Readonly<Record<ChangeSource, I18n>> = {
  cloudtrail: { ja: 'AWS CloudTrail', en: 'AWS CloudTrail' },
  'azure-activity-log': { ja: 'Azure アクティビティ ログ', en: 'Azure Activity Log' },
  'gcp-audit-log': { ja: 'Cloud Audit Logs（管理アクティビティ）', en: 'Cloud Audit Logs (Admin Activity)' },
};

function sourceLabel(source: string): I18n {
  return (SOURCE_LABEL as Record<string, I18n | undefined>)[source] ?? { ja: source, en: source };
}

/** The one line of a report: who opened the resource and when, with the log it comes from. */
export function openedByText(o: OpenedBy): I18n {
  const window = { ja: `${formatLocalTime(o.from)}〜${formatLocalTime(o.to)}`, en: `${formatLocalTime(o.from)} – ${formatLocalTime(o.to)}` };
  const c = o.change;
  if (!c) {
    return o.reason === 'log-error'
      ? { ja: '公開にした変更: 変更履歴を読み取れませんでした（エラーを参照）', en: 'Opened by: the change log could not be read (see the errors)' }
      : o.truncated
        ? { ja: `公開にした変更: 読み取った範囲の記録（${window.ja}、上限に達したため一部のみ）に見つかりません`, en: `Opened by: no change in the part of the log read (${window.en}; a bound was reached) opened it` }
        : { ja: `公開にした変更: 記録期間（${window.ja}）に見つかりません`, en: `Opened by: no change in the log (${window.en}) opened it` };
  }
  const src = sourceLabel(c.source);
  const who: I18n = c.principal ? { ja: c.principal, en: c.principal } : { ja: '不明な主体', en: 'an unknown principal' };
  const basis: I18n =
    c.basis === 'content-unknown'
      ? { ja: '。ログに変更内容がないため、期間内の直近の書込みです', en: '; the log does not show what changed: the latest write in the window' }
      : c.basis === 'created'
        ? { ja: '。作成時の記録です（期間内に公開にした変更はありません）', en: '; its creation: no change in the window opened it' }
        : { ja: '', en: '' };
  return {
    ja: `公開にした変更: ${who.ja}、${formatLocalTime(c.time)}（${src.ja}: ${c.action}）${basis.ja}`,
    en: `Opened by ${who.en} at ${formatLocalTime(c.time)} (${src.en}: ${c.action})${basis.en}`,
  };
}

/** The sentence of the PPC draft's course of events (概要), citing its source; null when nothing is known. */
export function openedBySentence(o: OpenedBy | undefined): I18n | null {
  const c = o?.change;
  if (!c) return null;
  const src = sourceLabel(c.source);
  const who: I18n = c.principal ? { ja: c.principal, en: c.principal } : { ja: '不明な主体', en: 'an unknown principal' };
  if (c.basis === 'created') {
    return {
      ja: `${formatLocalTime(c.time)}、${who.ja} が作成しました（出典: ${src.ja}、${c.action}）。その後、公開にした変更は記録期間内に見つかりません。`,
      en: `${who.en} created it at ${formatLocalTime(c.time)} (source: ${src.en}, ${c.action}); no later change in the log's window opened it.`,
    };
  }
  const unsure: I18n = c.basis === 'content-unknown' ? { ja: '（ログに変更内容はありません）', en: ' (the log does not show what changed)' } : { ja: '', en: '' };
  return {
    ja: `${formatLocalTime(c.time)}、${who.ja} による設定変更${unsure.ja}で公開状態となりました（出典: ${src.ja}、${c.action}）。`,
    en: `It was made public by a change by ${who.en} at ${formatLocalTime(c.time)}${unsure.en} (source: ${src.en}, ${c.action}).`,
  };
}
