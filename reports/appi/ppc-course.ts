// The PPC draft's 発生日, 発覚日 and 経緯 (parts of item 1, 概要) from the evidence a scan read: the change that made the
// resource public (--evidence changes: CloudTrail, the Activity Log, Cloud Audit Logs) and the access logs (--evidence
// reads). Every sentence cites where it comes from — the change log with the event's time, action and principal, the
// access log object with the requests it records — and holds only masked keys and counts, never a client address.
// Pure; times in Asia/Tokyo.
import type { I18n, Resource } from '../../src/model.js';
import type { ReadsView } from '../../src/evidence/reads/types.js';
import type { OpeningChange } from '../../src/evidence/changes/types.js';
import { SOURCE_LABEL, openedBySentence, openedByText } from '../../src/evidence/changes/text.js';
import { logFormatById } from '../../src/evidence/reads/formats/index.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { leakOccurred } from './read-evidence.js';
import { occurrenceSentenceOf } from './occurrence.js';
import { combinePublicSince } from '../public-since.js';
import { tokyoDate } from './deadlines.js';
import { concatI18n, joinI18n, num } from './labels.js';

export interface CourseContext {
  /** When the scan ran (ISO) and the day the business knew (YYYY-MM-DD). */
  scannedAt: string;
  discoveredAt: string;
  /** With --history: when the exposure began, as the run history bounds it. */
  publicSince?: PublicSince;
}

type Course = Pick<Resource, 'openedBy' | 'reads'>;

/** Where to establish when it became public, when nothing read says it. */
export const WHERE_TO_LOOK: I18n = { ja: '公開状態となった時期は、設定変更の履歴（監査ログ）で確認してください。', en: 'Establish when it became public from the change history (audit logs).' };

/** Evidence was read for this resource (its change log, its access logs): item 1 then states 発生日, 発覚日 and 経緯. */
export function hasCourseEvidence(r: Course): boolean {
  return r.openedBy !== undefined || r.reads !== undefined;
}

/** "Azure Activity Log, <action>, <time>, <principal>": the change log event a sentence rests on. */
function changeCitation(c: OpeningChange): I18n {
  const src = SOURCE_LABEL[c.source];
  const who: I18n = c.principal ? { ja: c.principal, en: c.principal } : { ja: '主体の記録なし', en: 'no principal recorded' };
  return { ja: `${src.ja}、${c.action}、${formatLocalTime(c.time)}、${who.ja}`, en: `${src.en}, ${c.action}, ${formatLocalTime(c.time)}, ${who.en}` };
}

/** "Azure Storage Analytics logs ($logs container), kumohrdemo/$logs/blob/2026/…": the access log object cited. */
function logCitation(v: ReadsView, log: string | undefined): I18n {
  const title = logFormatById(v.format)?.title ?? { ja: v.format, en: v.format };
  const where = v.location ? `${v.location.bucket}/${log ?? v.location.prefix}` : (log ?? '');
  return where ? { ja: `${title.ja}、${where}`, en: `${title.en}, ${where}` } : title;
}

/** The operation a download is recorded as (GetBlob …), with "anonymous" when the log records who asked. */
function downloads(v: ReadsView, n: number): I18n {
  const op = logFormatById(v.format)?.downloadOperation ?? 'GET';
  return v.identityRecorded ? { ja: `匿名の ${op} ${num(n)}回`, en: `${num(n)} anonymous ${op}` } : { ja: `要求者不明の ${op} ${num(n)}回`, en: `${num(n)} ${op} by unidentified requesters` };
}

/** The object downloaded first (keys masked as the evidence keeps them). */
function earliest(objects: ReadsView['objects']): ReadsView['objects'][number] | undefined {
  return [...objects].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))[0];
}

/** The objects with personal data outsiders downloaded: "「key」12回" per key, most read first. */
function personalReads(v: ReadsView): I18n {
  const keys = new Set(v.personal?.keys ?? []);
  return joinI18n(v.objects.filter((o) => keys.has(o.key)).map((o) => ({ ja: `「${o.key}」${num(o.reads)}回`, en: `"${o.key}" ${num(o.reads)} time${o.reads === 1 ? '' : 's'}` })));
}

/** 発生日: when it became public (the change), and for a confirmed leak when personal data was first downloaded. */
export function occurrenceFromEvidence(r: Course, ctx: CourseContext): I18n {
  const c = r.openedBy?.change ?? null;
  const v = r.reads;
  // With the run history too, 発生日 is the earlier of the history and the change, each with its source.
  const combined = ctx.publicSince ? combinePublicSince(ctx.publicSince, c) : null;
  if (combined) {
    const since = occurrenceSentenceOf(combined);
    const first = v && leakOccurred(v) ? firstPersonalRead(v) : undefined;
    return first ? concatI18n(since, leakSentence(first)) : since;
  }
  const opened: I18n | null = c
    ? { ja: `発生日: ${formatLocalTime(c.time)}（公開状態となった日時。出典: ${changeCitation(c).ja}）。`, en: `Date of occurrence (発生日): ${formatLocalTime(c.time)} (when it became public; source: ${changeCitation(c).en}).` }
    : null;
  const leak = v && leakOccurred(v) ? firstPersonalRead(v) : undefined;
  if (opened && !leak) return opened;
  if (opened && leak) {
    return concatI18n(opened, leakSentence(leak));
  }
  // No opening change and no run history: the change log's reason, or where to look.
  const noChange: I18n = r.openedBy
    ? { ja: `公開状態となった日時は不明です（${openedByText(r.openedBy).ja}）。`, en: `When it became public is unknown (${openedByText(r.openedBy).en}).` }
    : WHERE_TO_LOOK;
  if (!leak) return noChange;
  return concatI18n(
    {
      ja: `発生日: 遅くとも ${formatLocalTime(leak.first)}（外部の者による個人データの最初の取得、漏えいの発生。出典: ${leak.cited.ja}）。`,
      en: `Date of occurrence (発生日): ${formatLocalTime(leak.first)} at the latest (the first download of personal data by an outsider, the leak (漏えい); source: ${leak.cited.en}).`,
    },
    noChange,
  );
}

/** When the leak itself happened: the first download of personal data by an outsider, with its log object. */
function leakSentence(leak: { first: string; cited: I18n }): I18n {
  return {
    ja: `漏えいの発生（外部の者による個人データの最初の取得）は ${formatLocalTime(leak.first)} です（出典: ${leak.cited.ja}）。`,
    en: `The leak itself (漏えい: the first download of personal data by an outsider) was at ${formatLocalTime(leak.first)} (source: ${leak.cited.en}).`,
  };
}

/** The first download of an object with personal data: its time and the log object it is recorded in. */
function firstPersonalRead(v: ReadsView): { first: string; cited: I18n } | undefined {
  const keys = new Set(v.personal?.keys ?? []);
  const first = earliest(v.objects.filter((o) => keys.has(o.key)));
  return first ? { first: first.first, cited: logCitation(v, first.firstLog) } : undefined;
}

/** 発覚日: the day of the scan that found it (or the day given with --discovered-at), said as such. */
export function discoverySentence(ctx: CourseContext): I18n {
  const scan = formatLocalTime(ctx.scannedAt);
  if (ctx.discoveredAt === tokyoDate(ctx.scannedAt)) {
    return {
      ja: `発覚日: ${ctx.discoveredAt}（この状態を見つけた kumoscan のスキャン（${scan}）の日。この日を事態を知った日としています）。`,
      en: `Date of discovery (発覚日): ${ctx.discoveredAt} (the day of the kumoscan scan that found this state, ${scan}; taken as the day the business knew, 知った日).`,
    };
  }
  return {
    ja: `発覚日: ${ctx.discoveredAt}（--discovered-at で指定された、事態を知った日。この状態を見つけた kumoscan のスキャンは ${scan}）。`,
    en: `Date of discovery (発覚日): ${ctx.discoveredAt} (the day the business knew, 知った日, given with --discovered-at; the kumoscan scan that found this state ran at ${scan}).`,
  };
}

/** The steps of 経緯 before numbering: opening change → first outside read → last read → detection. */
function steps(r: Course & Pick<Resource, 'exposure'>, ctx: CourseContext, can: I18n): I18n[] {
  const out: I18n[] = [];
  const opened = openedBySentence(r.openedBy);
  if (opened) out.push(opened);
  else if (r.openedBy) out.push({ ja: `${openedByText(r.openedBy).ja}。`, en: `${openedByText(r.openedBy).en}.` });
  const v = r.reads;
  if (v) out.push(...readSteps(v));
  out.push({
    ja: `${formatLocalTime(ctx.scannedAt)}、kumoscan のスキャンで、誰でも${can.ja}状態と個人データを検出しました（発覚。出典: kumoscan のスキャン結果）。`,
    en: `${formatLocalTime(ctx.scannedAt)}: a kumoscan scan found that anyone could ${can.en} and that it held personal data (discovery; source: the kumoscan scan's result).`,
  });
  return out;
}

/** The access-log steps: the first download by an outsider, then the last with the totals; or why there are none. */
function readSteps(v: ReadsView): I18n[] {
  if (v.status === 'absent') {
    const why = v.reason ?? { ja: 'ログがありません。', en: 'There are no logs.' };
    return [{ ja: `誰が読み取ったかの記録はありません: ${why.ja}`, en: `There is no record of who read it: ${why.en}` }];
  }
  const r = v.outsiders.reads;
  const lists = v.outsiders.lists.requests;
  const incomplete: I18n = v.logs.complete ? { ja: '', en: '' } : { ja: 'ログの一部を読み取れなかったため、回数は下限です。', en: 'Part of the logs could not be read, so the counts are lower bounds.' };
  if (r.requests === 0) {
    const listed: I18n =
      lists > 0 && v.outsiders.lists.first !== null
        ? {
            ja: `外部の者による取得はなく、一覧取得が${num(lists)}回（${formatLocalTime(v.outsiders.lists.first)} から）ありました（出典: ${logCitation(v, v.outsiders.lists.firstLog).ja}）。`,
            en: `No download by outsiders; ${num(lists)} listing${lists === 1 ? '' : 's'} from ${formatLocalTime(v.outsiders.lists.first)} on (source: ${logCitation(v, v.outsiders.lists.firstLog).en}).`,
          }
        : { ja: `アクセスログに外部の者による取得はありません（出典: ${logCitation(v, undefined).ja}、ログ${num(v.logs.objects)}件）。`, en: `The access logs show no download by outsiders (source: ${logCitation(v, undefined).en}; ${num(v.logs.objects)} log object${v.logs.objects === 1 ? '' : 's'}).` };
    return [concatI18n(listed, incomplete)];
  }
  const who: I18n = v.identityRecorded ? { ja: '外部の匿名の接続元', en: 'an anonymous outsider' } : { ja: '要求者不明の接続元', en: 'an unidentified requester' };
  const first = earliest(v.objects);
  const firstKey: I18n = first ? { ja: `「${first.key}」を`, en: ` "${first.key}"` } : { ja: '', en: '' };
  const firstStep: I18n = {
    ja: `${formatLocalTime(r.first ?? '')}、${who.ja}が${firstKey.ja}初めて取得しました（出典: ${logCitation(v, r.firstLog).ja}）。`,
    en: `${formatLocalTime(r.first ?? '')}: ${who.en} downloaded${firstKey.en} for the first time (source: ${logCitation(v, r.firstLog).en}).`,
  };
  const personal = personalReads(v);
  const persons: I18n =
    v.personal === null
      ? { ja: '個人データの有無は未確認（サンプリングなし）', en: 'personal data not checked (not sampled)' }
      : v.personal.objects > 0
        ? { ja: `うち個人データを含むもの${num(v.personal.objects)}件（${personal.ja}）、本人${num(v.personal.persons)}人`, en: `${num(v.personal.objects)} of them with personal data (${personal.en}), ${num(v.personal.persons)} person${v.personal.persons === 1 ? '' : 's'}` }
        : { ja: '個人データを含むオブジェクトの取得はなし', en: 'none of them with personal data' };
  const objects = v.objects.length + v.objectsLeftOut;
  const totals: I18n = {
    ja: `記録された外部の者の要求は、${downloads(v, r.requests).ja}、一覧取得${num(lists)}回、接続元${num(r.clients)}件、取得されたオブジェクト${num(objects)}件（${persons.ja}）です（出典: ${logCitation(v, undefined).ja}、ログ${num(v.logs.objects)}件）。`,
    en: `The requests recorded from outsiders: ${downloads(v, r.requests).en}, ${num(lists)} listing${lists === 1 ? '' : 's'}, from ${num(r.clients)} address${r.clients === 1 ? '' : 'es'}, of ${num(objects)} object${objects === 1 ? '' : 's'} (${persons.en}) (source: ${logCitation(v, undefined).en}; ${num(v.logs.objects)} log object${v.logs.objects === 1 ? '' : 's'}).`,
  };
  // The last download and the totals are one step; with a single download the totals close the first step.
  if (r.last === null || r.last === r.first) return [concatI18n(firstStep, totals, incomplete)];
  const last: I18n = { ja: `${formatLocalTime(r.last)}、最後の取得がありました（出典: ${logCitation(v, r.lastLog).ja}）。`, en: `${formatLocalTime(r.last)}: the last download (source: ${logCitation(v, r.lastLog).en}).` };
  return [firstStep, concatI18n(last, totals, incomplete)];
}

/** 経緯: the numbered course of events, each step citing its source. */
export function courseSentence(r: Course & Pick<Resource, 'exposure'>, ctx: CourseContext, can: I18n): I18n {
  const numbered = steps(r, ctx, can).map((s, i) => ({ ja: `(${i + 1}) ${s.ja}`, en: `(${i + 1}) ${s.en}` }));
  return { ja: `経緯: ${numbered.map((s) => s.ja).join('')}`, en: `Course of events (経緯): ${numbered.map((s) => s.en).join(' ')}` };
}
