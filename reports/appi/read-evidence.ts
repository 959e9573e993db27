// The access-log evidence in the APPI assessment (src/evidence/reads/): whether outsiders are seen to have read
// personal data (漏えい, occurred) or only could have (漏えいのおそれ, possible), the one-line summary every report
// format shows ("read by outsiders: N objects, M persons"), and what it says about category 3 (不正の目的).
import type { I18n } from '../../src/model.js';
import type { ReadsView } from '../../src/evidence/reads/types.js';
import { logFormatById } from '../../src/evidence/reads/formats/index.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import type { ReadEvidenceSummary } from './types.js';
import { num } from './labels.js';

/** Reads at volume: at least this many distinct addresses, or this many downloads, support category 3. */
export const VOLUME_CLIENTS = 5;
export const VOLUME_READS = 100;

function sourceOf(v: ReadsView): I18n {
  const title = logFormatById(v.format)?.title ?? { ja: v.format, en: v.format };
  if (!v.location) return title;
  return { ja: `${title.ja}（${v.location.bucket}/${v.location.prefix}）`, en: `${title.en} (${v.location.bucket}/${v.location.prefix})` };
}

function period(v: ReadsView): I18n {
  const { first, last } = v.outsiders.reads.first !== null ? v.outsiders.reads : v.outsiders.lists;
  if (first === null || last === null) return { ja: '', en: '' };
  return { ja: `${formatLocalTime(first)}〜${formatLocalTime(last)}`, en: `${formatLocalTime(first)} to ${formatLocalTime(last)}` };
}

/** Outsiders (anonymous requesters) are recorded downloading objects with personal data. */
export function leakOccurred(v: ReadsView): boolean {
  return v.status === 'read' && v.identityRecorded && v.outsiders.reads.requests > 0 && (v.personal?.objects ?? 0) > 0;
}

/** Downloads by many addresses or in number: supports category 3 (不正の目的). */
export function readsAtVolume(v: ReadsView): boolean {
  return v.status === 'read' && v.identityRecorded && (v.outsiders.reads.clients >= VOLUME_CLIENTS || v.outsiders.reads.requests >= VOLUME_READS);
}

/** The summary of a resource's reads evidence for the assessment, with its sentence in both languages. */
export function readEvidenceSummary(v: ReadsView): ReadEvidenceSummary {
  const source = sourceOf(v);
  const r = v.outsiders.reads;
  const objects = v.personal?.objects ?? 0;
  const persons = v.personal?.persons ?? 0;
  const base = { objects, persons, reads: r.requests, lists: v.outsiders.lists.requests, clients: r.clients, first: r.first, last: r.last, source };
  if (v.status === 'absent') {
    const why = v.reason ?? { ja: 'ログがありません。', en: 'There are no logs.' };
    return { ...base, leak: 'possible', text: { ja: `誰が読み取ったかの証拠はありません: ${why.ja}`, en: `No evidence of who read it: ${why.en}` } };
  }
  const incomplete: I18n = v.logs.partial
    ? { ja: '（ログがバケットの読み取りの一部しか記録しないため下限値）', en: ' (a lower bound: the logs record only part of the bucket\'s reads)' }
    : v.logs.complete
      ? { ja: '', en: '' }
      : { ja: '（ログの一部を読み取れなかったため下限値）', en: ' (a lower bound: part of the logs could not be read)' };
  const when = period(v);
  if (r.requests === 0 && v.outsiders.lists.requests === 0) {
    return {
      ...base,
      leak: 'possible',
      text: {
        ja: `外部の者による読み取りはログにありません（${source.ja}、ログ${num(v.logs.objects)}件）${incomplete.ja}。`,
        en: `No read by outsiders in the logs (${source.en}; ${num(v.logs.objects)} log objects)${incomplete.en}.`,
      },
    };
  }
  const who: I18n = v.identityRecorded ? { ja: '匿名の取得', en: 'anonymous downloads' } : { ja: '取得（このログは要求者を記録しないため匿名かどうかは不明）', en: 'downloads (this log does not record the requester, so whether anonymous is unknown)' };
  const personal: I18n = v.personal === null
    ? { ja: '個人データの有無は未確認（サンプリングなし）', en: 'personal data not checked (not sampled)' }
    : { ja: `個人データを含むもの${num(objects)}件、本人${num(persons)}人`, en: `${num(objects)} object${objects === 1 ? '' : 's'} with personal data, ${num(persons)} person${persons === 1 ? '' : 's'}` };
  const label: I18n = v.identityRecorded ? { ja: '外部の者による読み取り', en: 'Read by outsiders' } : { ja: '要求者不明の読み取り', en: 'Read by unidentified requesters' };
  return {
    ...base,
    leak: leakOccurred(v) ? 'occurred' : 'possible',
    text: {
      ja: `${label.ja}: ${num(objects)}件のオブジェクト、${num(persons)}人（${personal.ja}。${who.ja}${num(r.requests)}回、一覧取得${num(v.outsiders.lists.requests)}回、接続元${num(r.clients)}件${when.ja ? `、${when.ja}` : ''}。出典: ${source.ja}）${incomplete.ja}。`,
      en: `${label.en}: ${num(objects)} object${objects === 1 ? '' : 's'}, ${num(persons)} person${persons === 1 ? '' : 's'} (${personal.en}; ${num(r.requests)} ${who.en}, ${num(v.outsiders.lists.requests)} listings, from ${num(r.clients)} address${r.clients === 1 ? '' : 'es'}${when.en ? `, ${when.en}` : ''}; source: ${source.en})${incomplete.en}.`,
    },
  };
}
