// The draft of the report to the PPC (規則第8条第1項, items 1–9), pre-filled from the scan. Pure. What a scan
// cannot know is an explicit TODO (【要記入】 / TODO:) with todo: true — item 5 beyond the log pointers, 6, 7,
// and 9 when the sample was partial or a party's relation is undeclared.
import type { Evidence, Finding, I18n, Resource } from '../../src/model.js';
import { severityRank } from '../../src/model.js';
import type { EntrustmentSignal, PpcDraftItem, Reportability } from './types.js';
import { CAPABILITY_VERBS, CLASS_NAMES, PROVIDER_STORAGE, concatI18n, joinI18n, num } from './labels.js';
import { DETECTOR_NAMES } from '../../src/data/detect/detector-names.js';
import { exposureKind } from './reportability.js';
import { formatLocalTime } from '../../src/text/local-time.js';
import { personsBasisJa } from '../../src/data/detect/persons-basis-ja.js';
import type { PublicSince } from '../../src/history/public-since.js';
import { occurrenceSentenceOf } from './occurrence.js';
import { combinePublicSince } from '../public-since.js';
import { WHERE_TO_LOOK, courseSentence, discoverySentence, hasCourseEvidence, occurrenceFromEvidence } from './ppc-course.js';

export const PPC_ITEM_TITLES: Readonly<Record<PpcDraftItem['no'], I18n>> = {
  1: { ja: '概要', en: '概要 (summary)' },
  2: { ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目', en: 'Items of the personal data leaked or possibly leaked (個人データの項目)' },
  3: { ja: '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数', en: 'Number of persons whose personal data was leaked or possibly leaked (本人の数)' },
  4: { ja: '原因', en: '原因 (cause)' },
  5: { ja: '二次被害又はそのおそれの有無及びその内容', en: 'Secondary damage or its risk, and what it is (二次被害)' },
  6: { ja: '本人への対応の実施状況', en: 'Measures taken for the persons (本人への対応)' },
  7: { ja: '公表の実施状況', en: 'Public announcement (公表)' },
  8: { ja: '再発防止のための措置', en: 'Measures to prevent recurrence (再発防止)' },
  9: { ja: 'その他参考となる事項', en: 'Other reference matters (その他参考となる事項)' },
};

const TODO: I18n = { ja: '【要記入】', en: 'TODO:' };

export interface PpcDraftContext {
  /** When the scan ran (ISO) and the day the business knew (YYYY-MM-DD). */
  scannedAt: string;
  discoveredAt: string;
  /** The resource's findings, most severe first. */
  findings: readonly Finding[];
  entrustment: readonly EntrustmentSignal[];
  /** With --history: when the exposure began, as the run history bounds it (発生日). */
  publicSince?: PublicSince;
}

function todo(text: I18n): I18n {
  return { ja: `${TODO.ja}${text.ja}`, en: `${TODO.en} ${text.en}` };
}

/** `bucket-policy Sid "PublicRead"（読み取り）`, `bucket-acl Grant AllUsers READ (list)` … of the evidence that gives anyone read or list. */
function grants(r: Pick<Resource, 'exposure'>): I18n[] {
  const given = (e: Evidence): boolean => e.effect === 'grants' && (e.capability === 'read' || e.capability === 'list');
  const seen = new Set<string>();
  const out: I18n[] = [];
  for (const e of r.exposure.evidence.filter(given)) {
    const verb = CAPABILITY_VERBS[e.capability!];
    const text = { ja: `${e.source} ${e.ref}（${verb.ja}）`, en: `${e.source} ${e.ref} (${verb.en})` };
    if (!seen.has(text.en)) seen.add(text.en), out.push(text);
  }
  return out;
}

function item1(r: Resource, ctx: Pick<PpcDraftContext, 'scannedAt' | 'discoveredAt' | 'publicSince'>): I18n {
  const kind = exposureKind(r);
  const can: I18n = kind === 'read' ? { ja: '中身を読み取れる', en: 'read the contents' } : { ja: 'オブジェクトの一覧（キー）を取得できる', en: 'list the objects (their keys)' };
  const g = grants(r);
  const evidence: I18n = g.length > 0 ? { ja: `根拠となる設定: ${g.map((x) => x.ja).join('、')}。`, en: `Settings that allow it: ${g.map((x) => x.en).join(', ')}.` } : { ja: '', en: '' };
  const probe: I18n =
    r.probe?.observed.read === true || r.probe?.observed.list === true
      ? { ja: `外部からの匿名のアクセスで実際に取得できることを確認しました（${formatLocalTime(r.probe.at)}）。`, en: `An anonymous request from outside confirmed it (${formatLocalTime(r.probe.at)}).` }
      : { ja: '', en: '' };
  const storage = PROVIDER_STORAGE[r.provider];
  const region = r.region ?? '不明';
  const head: I18n = {
    ja: `${storage.ja}「${r.name}」（アカウント: ${r.account}、リージョン: ${region}）が、設定の誤りにより、インターネット上の誰でも${can.ja}状態でした（通則ガイドライン3-5-1-1: システムの設定ミス等によりインターネット上で個人データの閲覧が可能な状態）。`,
    en: `The ${storage.en} "${r.name}" (account: ${r.account}, region: ${r.region ?? 'unknown'}) could, through a setting mistake, be accessed by anyone on the internet to ${can.en} (GL 3-5-1-1: personal data made viewable on the internet by a system setting mistake).`,
  };
  // With evidence read (--evidence changes / reads): 発生日, 発覚日 and 経緯, each sentence citing its source.
  if (hasCourseEvidence(r)) return concatI18n(head, evidence, probe, occurrenceFromEvidence(r, ctx), discoverySentence(ctx), courseSentence(r, ctx, can));
  // Without evidence read, 発生日 from the run history (reports/public-since.ts), or where to look.
  const since = combinePublicSince(ctx.publicSince, undefined);
  return concatI18n(
    head,
    evidence,
    probe,
    {
      ja: `設定の点検（kumoscan によるスキャン、${formatLocalTime(ctx.scannedAt)}）で判明し、${ctx.discoveredAt} を事態を知った日としています。`,
      en: `Found by a configuration review (a kumoscan scan, ${formatLocalTime(ctx.scannedAt)}); ${ctx.discoveredAt} is taken as the day the business knew.`,
    },
    since ? occurrenceSentenceOf(since) : WHERE_TO_LOOK,
  );
}

/** Item 1 (概要) alone: rewritten when the run history gives the 発生日 of a report already built (reports/history.ts). */
export function overviewItem(r: Resource, ctx: Pick<PpcDraftContext, 'scannedAt' | 'discoveredAt' | 'publicSince'>): PpcDraftItem {
  return { no: 1, title: PPC_ITEM_TITLES[1], content: item1(r, ctx), todo: false };
}

function item2(r: Resource): I18n {
  const data = r.data;
  if (!data) return todo({ ja: '個人データの項目（サンプル未実施）。', en: 'the items of personal data (not sampled).' });
  const declared: I18n = data.declared
    ? {
        ja: `設定ファイルの台帳（${data.declared.by.join('、')}）で申告された項目: ${joinI18n(data.declared.categories.map((c) => DETECTOR_NAMES[c])).ja}（検出ではありません）。`,
        en: `Items declared in the configuration inventory (${data.declared.by.join(', ')}): ${joinI18n(data.declared.categories.map((c) => DETECTOR_NAMES[c])).en} (declared, not detected).`,
      }
    : { ja: '', en: '' };
  if (data.declared && data.sampled.objects === 0) return concatI18n(declared, { ja: 'サンプルは読み取っていません。実際の項目を確認してください。', en: 'No sample was read: confirm the actual items.' });
  const high = data.detections.filter((d) => d.confidence === 'high' && d.type !== 'corporate_number');
  const low = data.detections.filter((d) => d.confidence === 'low' && d.type !== 'corporate_number' && !high.some((h) => h.type === d.type));
  const items = joinI18n([...new Set(high.map((d) => d.type))].map((t) => DETECTOR_NAMES[t]));
  const classes = joinI18n(data.classes.filter((c) => c !== 'not_personal').map((c) => CLASS_NAMES[c]));
  const lowText: I18n =
    low.length > 0
      ? { ja: `このほか、低い確度の一致: ${joinI18n([...new Set(low.map((d) => d.type))].map((t) => DETECTOR_NAMES[t])).ja}。`, en: `Low-confidence matches besides: ${joinI18n([...new Set(low.map((d) => d.type))].map((t) => DETECTOR_NAMES[t])).en}.` }
      : { ja: '', en: '' };
  return concatI18n(
    declared,
    high.length > 0 || !data.declared
      ? {
          ja: `${items.ja}（区分: ${classes.ja}）。`,
          en: `${items.en} (classes: ${classes.en}).`,
        }
      : { ja: '', en: '' },
    lowText,
    {
      ja: `サンプル ${num(data.sampled.objects)}／${num(data.objectsListed)}${data.listingComplete ? '' : '以上'}オブジェクトから検出した項目です。サンプル外のオブジェクトに含まれる項目は確認してください。`,
      en: `Items detected in a sample of ${num(data.sampled.objects)} of ${num(data.objectsListed)}${data.listingComplete ? '' : '+'} objects; check the items in the objects outside the sample.`,
    },
  );
}

function item3(r: Resource): I18n {
  const data = r.data;
  if (!data) return todo({ ja: '本人の数（サンプル未実施）。', en: 'the number of persons (not sampled).' });
  const { estimate, declared, sampled } = data.persons;
  if (declared !== undefined && sampled === 0 && data.sampled.objects === 0) {
    return { ja: `${num(declared)}人（申告値。サンプルは読み取っていません）。`, en: `${num(declared)} persons (declared; no sample was read).` };
  }
  if (declared !== undefined) {
    return {
      ja: `${num(declared)}人（申告値）。参考: サンプルからの推定 ${num(estimate.low)}〜${num(estimate.high)}人（${personsBasisJa(estimate.basis)}）。`,
      en: `${num(declared)} persons (declared). For reference, estimated from the sample: ${num(estimate.low)}–${num(estimate.high)} (${estimate.basis}).`,
    };
  }
  const exact = estimate.low === estimate.high;
  return {
    ja: `${exact ? `${num(estimate.low)}人` : `約${num(estimate.low)}〜${num(estimate.high)}人`}（推定。根拠: ${personsBasisJa(estimate.basis)}。サンプル中の本人 ${num(sampled)}人）。実数は台帳等で確認してください。`,
    en: `${exact ? num(estimate.low) : `About ${num(estimate.low)}–${num(estimate.high)}`} persons (estimated; basis: ${estimate.basis}; ${num(sampled)} distinct persons in the sample). Confirm the real number (e.g. from the ledger).`,
  };
}

const REPORTED_SEVERITIES = 3; // critical, high, medium

function relevant(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => severityRank(f.severity) >= REPORTED_SEVERITIES).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

function item4(r: Resource, ctx: PpcDraftContext): I18n {
  const kind = exposureKind(r);
  const g = grants(r);
  const cause: I18n =
    kind === 'read'
      ? { ja: '誰でも読み取れるアクセス設定', en: 'an access setting that lets anyone read the data' }
      : { ja: '誰でも一覧を取得できるアクセス設定', en: 'an access setting that lets anyone list the objects' };
  const related = relevant(ctx.findings);
  const titles = joinI18n(
    related.map((f) => f.title),
    { ja: '／', en: '; ' },
  );
  const list: I18n = related.length > 0 ? { ja: `関連する設定上の問題: ${titles.ja}。`, en: `Related configuration problems: ${titles.en}.` } : { ja: '', en: '' };
  return concatI18n(
    {
      ja: `設定の誤り（${cause.ja}${g.length > 0 ? `: ${g.map((x) => x.ja).join('、')}` : ''}）。`,
      en: `A setting mistake (${cause.en}${g.length > 0 ? `: ${g.map((x) => x.en).join(', ')}` : ''}).`,
    },
    list,
  );
}

const LOG_POINTERS: Readonly<Record<Resource['provider'], { on: I18n; off: I18n }>> = {
  aws: {
    on: { ja: 'S3 サーバーアクセスログで、公開期間中の所有者以外の GET／LIST（匿名のリクエストを含む）を確認してください。CloudTrail の S3 データイベントを記録していればそれも確認してください。', en: 'Check the S3 server access logs for GET / LIST requests by anyone but the owner (anonymous ones included) during the exposure; check CloudTrail S3 data events too if they were recorded.' },
    off: { ja: 'S3 サーバーアクセスログは無効でした。CloudTrail の S3 データイベント（GetObject 等）を記録していた場合はそれを確認してください。記録がなければ、取得された可能性を否定できません。', en: 'S3 server access logging was off. If CloudTrail recorded S3 data events (GetObject …), check them; without records, access cannot be ruled out.' },
  },
  gcp: {
    on: { ja: 'Cloud Audit Logs のデータアクセスログ（DATA_READ）又は使用状況ログで、公開期間中の allUsers／外部からの取得を確認してください。', en: 'Check the Cloud Audit Logs data access logs (DATA_READ) or the usage logs for reads by allUsers / outsiders during the exposure.' },
    off: { ja: 'データアクセスログ（DATA_READ）は確認できませんでした。組織・プロジェクトで有効にしていた場合はそれを確認してください。記録がなければ、取得された可能性を否定できません。', en: 'No data access logs (DATA_READ) were found; if the organization or project enabled them, check them. Without records, access cannot be ruled out.' },
  },
  azure: {
    on: { ja: '診断設定の StorageRead ログ（Log Analytics 等）又は従来の Storage Analytics ログ（$logs コンテナー）で、公開期間中の匿名のアクセスを確認してください。', en: 'Check the StorageRead logs of the diagnostic settings (Log Analytics …) or the classic Storage Analytics logs ($logs container) for anonymous requests during the exposure.' },
    off: { ja: 'ストレージの読取ログ（診断設定の StorageRead、Storage Analytics）は無効でした。記録がなければ、取得された可能性を否定できません。', en: 'Storage read logging (diagnostic StorageRead, Storage Analytics) was off. Without records, access cannot be ruled out.' },
  },
};

function item5(r: Resource): I18n {
  const pointers = LOG_POINTERS[r.provider];
  const logs: I18n =
    r.logging === true
      ? pointers.on
      : r.logging === false
        ? pointers.off
        : concatI18n({ ja: 'アクセスログが有効かどうかは確認できませんでした。', en: 'Whether access logging was on could not be determined.' }, pointers.on);
  return concatI18n(
    { ja: 'ログの確認先: ', en: 'Where to look:' },
    logs,
    todo({ ja: '二次被害（不正利用、なりすまし、不審な連絡、インターネット上への掲載等）又はそのおそれの有無と、その内容。', en: 'whether there is secondary damage (misuse, impersonation, suspicious contacts, reposting on the internet …) or a risk of it, and what it is.' }),
  );
}

const ITEM6: I18n = todo({
  ja: '本人への通知（法第26条第2項）の実施状況: 通知の時期、方法、対象人数。通知が困難な場合は、代わりに講じた措置（事案の公表、問合せ窓口の設置等）。',
  en: 'the notice to the persons (APPI Art. 26(2)): when, how, to how many. Where notice is difficult, the alternative measure taken (publishing the incident, an inquiry desk …).',
});

const ITEM7: I18n = todo({ ja: '公表の実施状況（公表の有無、時期、方法）。', en: 'whether the incident was made public, when and how.' });

/** The sentences of a text: ja ends them with 。, en with . ! ? followed by a space. */
function sentences(text: string, lang: keyof I18n): string[] {
  const parts = lang === 'ja' ? (text.match(/[^。]+。?/g) ?? []) : text.split(/(?<=[.!?])\s+/);
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * One step per relevant finding, each with only the sentences no earlier step said: the exposure checks share
 * their "make it private" paragraph (checks/helpers.ts, makePrivateRemediation), which must appear once.
 */
function recurrenceSteps(findings: readonly Finding[]): I18n[] {
  const said: Record<keyof I18n, Set<string>> = { ja: new Set(), en: new Set() };
  const steps: I18n[] = [];
  for (const f of relevant(findings)) {
    const fresh = (lang: keyof I18n): string[] => {
      const out = sentences(f.remediation[lang], lang).filter((s) => !said[lang].has(s));
      for (const s of out) said[lang].add(s);
      return out;
    };
    const ja = fresh('ja');
    const en = fresh('en');
    if (ja.length === 0 && en.length === 0) continue;
    steps.push({ ja: `・${f.title.ja}: ${ja.join('')}`, en: `- ${f.title.en}: ${en.join(' ')}` });
  }
  return steps;
}

function item8(ctx: PpcDraftContext, kind: ReturnType<typeof exposureKind>): I18n {
  const first: I18n =
    kind === 'read'
      ? { ja: '誰でも読み取れる設定を直ちに解除しました（又は解除します）。', en: 'The setting that lets anyone read the data was (or is being) removed at once.' }
      : { ja: '誰でも一覧を取得できる設定を直ちに解除しました（又は解除します）。', en: 'The setting that lets anyone list the objects was (or is being) removed at once.' };
  const steps = recurrenceSteps(ctx.findings);
  const list: I18n = steps.length > 0 ? { ja: `\n${steps.map((s) => s.ja).join('\n')}\n`, en: `\n${steps.map((s) => s.en).join('\n')}\n` } : { ja: '', en: '' };
  return {
    ja: `${first.ja}設定の是正:${list.ja || 'なし。'}是正後に再スキャンし、誰でもアクセスできないことを確認します。個人データを保管するストレージの公開設定を定期的に点検します。`,
    en: `${first.en} Fixes:${list.en || ' none.'}After the fixes, scan again to confirm nobody outside can reach the data, and review the public settings of personal-data storage regularly.`,
  };
}

function item9(r: Resource, rep: Reportability, ctx: PpcDraftContext): { content: I18n; todo: boolean } {
  const parts: I18n[] = [];
  if (rep.myNumberAct.applies) {
    parts.push({ ja: '個人番号（特定個人情報）が含まれるため、番号法第29条の4に基づく報告も必要です。', en: 'My Numbers (特定個人情報) are included: a report under My Number Act Art. 29-4 is needed too.' });
  }
  const declared = ctx.entrustment.filter((s) => s.declared);
  const undeclared = ctx.entrustment.filter((s) => !s.declared);
  if (declared.length > 0) {
    parts.push({
      ja: `委託先 ${declared.map((s) => `${s.declared?.name}（${s.principal.id}、委託契約: ${s.declared?.contract}）`).join('、')} もこのデータを読み取れます。委託先での取扱いに問題がないかも確認してください。`,
      en: `The entrustee(s) ${declared.map((s) => `${s.declared?.name} (${s.principal.id}, contract: ${s.declared?.contract})`).join(', ')} can read this data too; check their handling as well.`,
    });
  }
  const incomplete = r.data !== undefined && (!r.data.listingComplete || r.data.sampled.objects < r.data.objectsListed);
  const todos: I18n[] = [];
  if (undeclared.length > 0) {
    todos.push({
      ja: `外部の主体 ${undeclared.map((s) => s.principal.id).join('、')} との関係（委託か、第三者提供か）と、その主体による取得の有無。`,
      en: `the relation with external principal(s) ${undeclared.map((s) => s.principal.id).join(', ')} (entrustment or provision to a third party) and whether they obtained the data.`,
    });
  }
  if (incomplete) {
    todos.push({ ja: 'サンプル外のオブジェクトの内容の確認結果（項目と本人の数に反映）。', en: 'what the objects outside the sample hold (reflect it in the items and the number of persons).' });
  }
  for (const t of todos) parts.push(todo(t));
  if (parts.length === 0) parts.push({ ja: '特になし。', en: 'None.' });
  return { content: concatI18n(...parts), todo: todos.length > 0 };
}

/** Items 1–9 of 規則第8条第1項 for one resource with a reportability estimate. */
export function buildPpcDraft(r: Resource, rep: Reportability, ctx: PpcDraftContext): PpcDraftItem[] {
  const nine = item9(r, rep, ctx);
  const items: [PpcDraftItem['no'], I18n, boolean][] = [
    [1, item1(r, ctx), false],
    [2, item2(r), r.data === undefined],
    [3, item3(r), r.data === undefined],
    [4, item4(r, ctx), false],
    [5, item5(r), true],
    [6, ITEM6, true],
    [7, ITEM7, true],
    [8, item8(ctx, exposureKind(r)), false],
    [9, nine.content, nine.todo],
  ];
  return items.map(([no, content, isTodo]) => ({ no, title: PPC_ITEM_TITLES[no], content, todo: isTodo }));
}
