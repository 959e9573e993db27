// Breach reportability (法第26条, 規則第7条) of one resource, from its exposure, access logging and data profile.
// Pure. APPI.md, "Breach reportability"; the decisions the spec left open:
// - Estimated only for a resource anyone can read (exposure.read true) or only list (exposure.list true, read not
//   true), whose sample found personal data. Unverified exposure (null) is not estimated: the note says why.
// - List-only exposure: the contents are not public, the object keys (names) are, and keys alone can be personal
//   data (`健康診断_山田太郎.pdf`). A category whose condition the contents meet "cannot be ruled out" (applies: null)
//   — the keys must be checked — so the result is at most `review`; the My Number Act flag stays false, with the
//   reason saying to check the keys. List true with read unverified (null) is estimated the same way, the reasons
//   saying that reading could not be verified (claiming a read would overstate, ignoring the listing understate).
// - Category 3: logging off -> cannot be ruled out (null); unknown -> cannot be ruled out (null); on -> false,
//   with the reason saying to check the logs. Never claimed as certain.
// - Result: likely when 1, 2 or 4 applies (true); review when none does but one cannot be ruled out (null);
//   unlikely when every category is false; exempt-candidate only when the caller says every object is client-side
//   encrypted (`clientSideEncrypted`) — no detector can tell that today and no flag sets it yet, so a scan never
//   yields it. Provider-side encryption never exempts a public resource; `exemption` says so.
import { personsBasisJa } from '../../src/data/detect/persons-basis-ja.js';
import type { I18n, Resource } from '../../src/model.js';
import type { DataProfile } from '../../src/data/types.js';
import type { CategoryEstimate, Reportability, ReportabilityResult } from './types.js';
import type { DetectorId } from '../../src/data/types.js';
import type { ReadsView } from '../../src/evidence/reads/types.js';
import { readEvidenceSummary, readsAtVolume } from './read-evidence.js';
import { concatI18n, describeDetections, detectionsOf, joinI18n, num } from './labels.js';
import { DETECTOR_NAMES } from '../../src/data/detect/detector-names.js';

export type ExposureKind = 'read' | 'list-only';

/** How anyone reaches the resource, for reportability: read, list only, or neither / unknown (undefined). */
export function exposureKind(r: Pick<Resource, 'exposure'>): ExposureKind | undefined {
  if (r.exposure.read === true) return 'read';
  if (r.exposure.list === true) return 'list-only';
  return undefined;
}

export interface ReportabilityOptions {
  /** Every object of the resource was encrypted before upload with a safely managed key (no flag sets this yet). */
  clientSideEncrypted?: boolean;
}

/** The preface of a list-only reason: the contents are not public (read false) or not verified (read null). */
function keysOnly(read: Resource['exposure']['read']): I18n {
  return read === null
    ? { ja: '一覧（オブジェクトのキー）は誰でも取得できますが、中身を誰でも読み取れるかは確認できませんでした。', en: 'The listing (object keys) is open to anyone; whether the contents are could not be verified.' }
    : { ja: '一覧（オブジェクトのキー）だけが誰でも取得でき、中身は公開されていません。', en: 'Only the listing (object keys) is open to anyone; the contents are not.' };
}

/** The declared (configuration inventory) categories among `types`, named, or null when none is declared. */
function declaredOf(data: DataProfile, types: readonly DetectorId[]): I18n | null {
  const declared = (data.declared?.categories ?? []).filter((c) => types.includes(c));
  if (declared.length === 0) return null;
  const names = joinI18n(declared.map((c) => DETECTOR_NAMES[c]));
  return { ja: `${names.ja}（設定ファイルの台帳 ${data.declared?.by.join('、')} で申告。検出ではありません）`, en: `${names.en} (declared in the configuration inventory ${data.declared?.by.join(', ')}, not detected)` };
}

function sampleScope(data: DataProfile): I18n {
  if (data.sampled.objects === 0 && data.declared) {
    return { ja: 'サンプルは読み取っていません（台帳の申告に基づく判定）。', en: 'No sample was read (judged from the inventory declaration).' };
  }
  return {
    ja: `サンプル ${num(data.sampled.objects)}／${num(data.objectsListed)}${data.listingComplete ? '' : '以上'}オブジェクトから判定（サンプル外は未確認）。`,
    en: `Judged from a sample of ${num(data.sampled.objects)} of ${num(data.objectsListed)}${data.listingComplete ? '' : '+'} objects (objects outside the sample are unchecked).`,
  };
}

function lowNote(data: DataProfile, types: Parameters<typeof detectionsOf>[1]): I18n {
  const low = detectionsOf(data, types, 'low');
  if (low.length === 0) return { ja: '', en: '' };
  const d = describeDetections(low);
  return { ja: `低い確度の一致があります（${d.ja}）。内容を確認してください。`, en: `There are low-confidence matches (${d.en}); check them.` };
}

function category1(data: DataProfile, kind: ExposureKind, keys: I18n): CategoryEstimate {
  const high = detectionsOf(data, ['sensitive_health', 'sensitive_crime'], 'high');
  // A health record named by an image's file name is class `sensitive` without a sensitive_* text detection.
  const byDocument = high.length === 0 && data.classes.includes('sensitive');
  const declared = high.length === 0 && !byDocument ? declaredOf(data, ['sensitive_health', 'sensitive_crime']) : null;
  const found: I18n | null =
    high.length > 0 ? describeDetections(high) : byDocument ? { ja: '健康診断等の書類の画像（ファイル名から判定）', en: 'images of health records (judged from their file names)' } : declared;
  if (found === null) {
    return {
      category: 1,
      applies: false,
      reason: concatI18n({ ja: '要配慮個人情報は高い確度では検出されませんでした。', en: '要配慮個人情報 (special care-required personal information) was not detected with high confidence.' }, lowNote(data, ['sensitive_health', 'sensitive_crime']), sampleScope(data)),
    };
  }
  if (kind === 'list-only') {
    return {
      category: 1,
      applies: null,
      reason: concatI18n(keys, {
        ja: `中身${declared ? 'には要配慮個人情報があります' : 'からは要配慮個人情報が検出されました'}（${found.ja}）。キー（ファイル名）に本人と要配慮の内容が表れていれば該当するため、否定できません。キーを確認してください。`,
        en: `The contents hold 要配慮個人情報 (${found.en}). If the keys (file names) reveal a person and such content, category 1 applies: it cannot be ruled out — check the keys.`,
      }),
    };
  }
  const how: I18n = declared ? { ja: '要配慮個人情報が申告されています', en: '要配慮個人情報 (special care-required personal information) is declared' } : { ja: '要配慮個人情報が高い確度で検出されました', en: '要配慮個人情報 (special care-required personal information) was detected with high confidence' };
  return {
    category: 1,
    applies: true,
    reason: concatI18n({ ja: `${how.ja}: ${found.ja}。`, en: `${how.en}: ${found.en}.` }, sampleScope(data)),
  };
}

function category2(data: DataProfile, kind: ExposureKind, keys: I18n): CategoryEstimate {
  const cards = detectionsOf(data, ['credit_card'], 'high');
  const declaredCards = cards.length === 0 ? declaredOf(data, ['credit_card']) : null;
  if (declaredCards !== null) {
    return kind === 'list-only'
      ? {
          category: 2,
          applies: null,
          reason: concatI18n(keys, { ja: `中身にはクレジットカード番号があります（${declaredCards.ja}）。キー（ファイル名）にカード番号が含まれていれば該当するため、否定できません。キーを確認してください。`, en: `The contents hold credit card numbers (${declaredCards.en}). If the keys (file names) contain card numbers, category 2 applies: it cannot be ruled out — check the keys.` }),
        }
      : {
          category: 2,
          applies: true,
          reason: concatI18n({ ja: `クレジットカード番号が申告されています: ${declaredCards.ja}。不正に利用されることにより財産的被害が生じるおそれがあります。`, en: `Credit card numbers are declared: ${declaredCards.en}; misuse can cause financial damage.` }, sampleScope(data)),
        };
  }
  if (cards.length === 0) {
    const bank = data.detections.some((d) => d.type === 'bank_account');
    return {
      category: 2,
      applies: false,
      reason: concatI18n(
        { ja: '有効なクレジットカード番号は高い確度では見つかりませんでした。', en: 'No valid credit card number was found with high confidence.' },
        bank ? { ja: '口座番号は見つかりましたが、口座番号だけでは通常該当しません。', en: 'Bank account numbers were found; they alone do not usually meet category 2.' } : { ja: '', en: '' },
        { ja: 'ネットバンキングのID・パスワード等の認証情報は検出の対象外です（含まれる場合は該当します）。', en: 'Online-banking credentials are not detected (category 2 applies if there are any).' },
        lowNote(data, ['credit_card']),
        sampleScope(data),
      ),
    };
  }
  const count = cards.reduce((a, d) => a + d.count, 0);
  const example = cards.flatMap((d) => d.masked)[0];
  const ex: I18n = example ? { ja: `（例: ${example}）`, en: ` (e.g. ${example})` } : { ja: '', en: '' };
  if (kind === 'list-only') {
    return {
      category: 2,
      applies: null,
      reason: concatI18n(keys, {
        ja: `中身からは有効なクレジットカード番号が${num(count)}件見つかりました${ex.ja}。キー（ファイル名）にカード番号が含まれていれば該当するため、否定できません。キーを確認してください。`,
        en: `The contents hold ${num(count)} valid credit card number${count === 1 ? '' : 's'}${ex.en}. If the keys (file names) contain card numbers, category 2 applies: it cannot be ruled out — check the keys.`,
      }),
    };
  }
  return {
    category: 2,
    applies: true,
    reason: concatI18n(
      { ja: `有効なクレジットカード番号が高い確度で${num(count)}件見つかりました${ex.ja}。不正に利用されることにより財産的被害が生じるおそれがあります。`, en: `${num(count)} valid credit card number${count === 1 ? ' was' : 's were'} found with high confidence${ex.en}: misuse can cause financial damage.` },
      sampleScope(data),
    ),
  };
}

function category3(r: Pick<Resource, 'logging' | 'reads'>, kind: ExposureKind): CategoryEstimate {
  const fromLogs = r.reads ? category3FromLogs(r.reads) : undefined;
  if (fromLogs) return fromLogs;
  const logging = r.logging;
  const reads: I18n = kind === 'read' ? { ja: '読み取った', en: 'read' } : { ja: '一覧を取得した', en: 'listed' };
  if (logging === true) {
    return {
      category: 3,
      applies: false,
      reason: {
        ja: `アクセスログは有効です。誰でも${kind === 'read' ? '読み取れる' : '一覧を取得できる'}状態だった期間のログで、所有者以外のアクセス（匿名の取得等）がないか確認してください。不正の目的をもった第三者が${reads.ja}ことが分かった場合は該当します。ログを確認するまで、該当するとは推定していません。`,
        en: `Access logging is on: check the logs of the period anyone could ${kind === 'read' ? 'read' : 'list'} it for access by anyone but the owner (anonymous requests …). If they show a party with wrongful purpose (不正の目的) ${reads.en} it, category 3 applies. Not estimated as applying until the logs are checked.`,
      },
    };
  }
  const why: I18n =
    logging === false
      ? { ja: 'アクセスログが無効だったため、誰が' + reads.ja + 'かを示す記録がありません。', en: `access logging was off, so nothing can show who ${reads.en} the data.` }
      : { ja: 'アクセスログが有効かどうかを確認できませんでした（取得エラー）。ログがなければ誰が' + reads.ja + 'かを示せません。', en: `whether access logging was on could not be determined (a call failed); without logs nothing can show who ${reads.en} the data.` };
  return {
    category: 3,
    applies: null,
    reason: {
      ja: `否定できません: ${why.ja}誰でもアクセスできる状態の間に、不正の目的をもった第三者が取得した可能性を否定できません（規則第7条第3号）。`,
      en: `Cannot be ruled out: ${why.en} A party with wrongful purpose (不正の目的) may have obtained it while anyone could reach it (Rules Art. 7(iii)).`,
    },
  };
}

/**
 * Category 3 from the access logs (--evidence reads): downloads by outsiders at volume (many addresses, or many
 * downloads) support 不正の目的; logs read whole with no outsider's request rule it out for the window. Undefined
 * when the logs say neither (absent, identity not recorded, incomplete, a few reads): the logging setting decides.
 */
function category3FromLogs(v: ReadsView): CategoryEstimate | undefined {
  if (v.status !== 'read' || !v.identityRecorded) return undefined;
  const r = v.outsiders.reads;
  const evidence = readEvidenceSummary(v).text;
  if (readsAtVolume(v)) {
    return {
      category: 3,
      applies: true,
      reason: {
        ja: `該当すると推定します: アクセスログに、不特定の接続元（${num(r.clients)}件）からの匿名の取得が${num(r.requests)}回記録されています（規則第7条第3号）。根拠: ${evidence.ja}`,
        en: `Estimated to apply: the access logs record ${num(r.requests)} anonymous downloads from ${num(r.clients)} unknown address${r.clients === 1 ? '' : 'es'} (Rules Art. 7(iii)). Evidence: ${evidence.en}`,
      },
    };
  }
  if (r.requests === 0 && v.outsiders.lists.requests === 0 && v.logs.complete && v.errors.length === 0) {
    return {
      category: 3,
      applies: false,
      reason: {
        ja: `アクセスログを読み取った範囲（${v.window.since ?? 'ログの最初'}〜${v.window.until}）に、所有者以外の匿名の取得・一覧取得はありません。根拠: ${evidence.ja}`,
        en: `The access logs read (${v.window.since ?? 'the start of the log'} to ${v.window.until}) show no anonymous download or listing. Evidence: ${evidence.en}`,
      },
    };
  }
  return undefined;
}

function category4(data: DataProfile, kind: ExposureKind, keys: I18n): CategoryEstimate {
  const { estimate, declared } = data.persons;
  const range: I18n =
    estimate.low === estimate.high
      ? { ja: `${num(estimate.low)}人`, en: `${num(estimate.low)} persons` }
      : { ja: `${num(estimate.low)}〜${num(estimate.high)}人`, en: `${num(estimate.low)}–${num(estimate.high)} persons` };
  const count = declared ?? estimate.low;
  const over = count > 1000;
  let reason: I18n;
  if (declared !== undefined && data.sampled.objects === 0) {
    reason = {
      ja: `申告された本人の数は${num(declared)}人です（--declare／設定）。1,000人を${over ? '超えるため該当します' : '超えないため該当しません'}（サンプルは読み取っていません）。`,
      en: `The declared number of persons is ${num(declared)} (--declare / configuration): ${over ? 'more than 1,000, so category 4 applies' : 'not more than 1,000, so category 4 does not apply'} (no sample was read).`,
    };
  } else if (declared !== undefined) {
    reason = {
      ja: `申告された本人の数は${num(declared)}人です（--declare／設定）。1,000人を${over ? '超えるため該当します' : '超えないため該当しません'}（サンプルからの推定: ${range.ja}、${personsBasisJa(estimate.basis)}）。`,
      en: `The declared number of persons is ${num(declared)} (--declare / configuration): ${over ? 'more than 1,000, so category 4 applies' : 'not more than 1,000, so category 4 does not apply'} (estimated from the sample: ${range.en}; ${estimate.basis}).`,
    };
  } else if (data.sampled.objects === 0 && data.declared) {
    reason = {
      ja: '本人の数は申告されておらず、サンプルも読み取っていないため、該当とはしていません。台帳の persons（又は --declare）で実数を申告してください。',
      en: 'The number of persons is neither declared nor sampled, so category 4 is not estimated as applying: declare it with the inventory\'s persons (or --declare).',
    };
  } else {
    const check: I18n =
      !over && estimate.high > 1000
        ? { ja: '推定の上限は1,000人を超えるため、台帳等で実数を確認し、--declare で申告してください。', en: 'The upper bound exceeds 1,000: confirm the real number (e.g. from the ledger) and declare it with --declare.' }
        : { ja: '', en: '' };
    reason = concatI18n(
      {
        ja: `本人の数の推定は${range.ja}です（${personsBasisJa(estimate.basis)}）。下限が1,000人を${over ? '超えるため該当します' : '超えないため該当とはしていません'}。`,
        en: `The number of persons is estimated at ${range.en} (${estimate.basis}). The lower bound is ${over ? 'more than 1,000, so category 4 applies' : 'not more than 1,000, so category 4 is not estimated as applying'}.`,
      },
      check,
    );
  }
  if (over && kind === 'list-only') {
    return {
      category: 4,
      applies: null,
      reason: concatI18n(keys, reason, { ja: 'キー（ファイル名）から本人が分かる場合は該当するため、否定できません。キーを確認してください。', en: 'If the keys (file names) identify the persons, it applies: it cannot be ruled out — check the keys.' }),
    };
  }
  return { category: 4, applies: over, reason };
}

function myNumberAct(data: DataProfile, kind: ExposureKind, keys: I18n): Reportability['myNumberAct'] {
  const high = detectionsOf(data, ['my_number'], 'high');
  // A My Number card image (named by its file name) is class specific_personal_information without a my_number detection.
  const cardImage = high.length === 0 && data.classes.includes('specific_personal_information');
  const declared = high.length === 0 && !cardImage ? declaredOf(data, ['my_number']) : null;
  const found: I18n | null = high.length > 0 ? describeDetections(high) : cardImage ? { ja: 'マイナンバーカード等の画像（ファイル名から判定）', en: 'images of My Number cards (judged from their file names)' } : declared;
  if (found === null) {
    return { applies: false, reason: { ja: '個人番号（マイナンバー）は高い確度では検出されませんでした。', en: 'No My Number (個人番号) was detected with high confidence.' } };
  }
  if (kind === 'list-only') {
    return {
      applies: false,
      reason: concatI18n(keys, {
        ja: `中身${declared ? 'には個人番号があります' : 'からは個人番号が検出されました'}（${found.ja}）。キー（ファイル名）に個人番号が含まれる場合は、番号法第29条の4に基づく報告の対象になります。キーを確認してください。`,
        en: `The contents hold My Numbers (${found.en}). If the keys (file names) contain My Numbers, report under My Number Act Art. 29-4: check the keys.`,
      }),
    };
  }
  return {
    applies: true,
    reason: {
      ja: `誰でも閲覧できる状態（不特定多数の者が閲覧できる状態）で個人番号が${declared ? '保管されていると申告されています' : '検出されました'}: ${found.ja}。特定個人情報の漏えい等として、件数にかかわらず番号法第29条の4に基づく報告の対象です。`,
      en: `My Numbers ${declared ? 'are declared to be stored' : 'were found'} where anyone can view them (a state viewable by an unspecified number of people): ${found.en}. Report under My Number Act Art. 29-4 (特定個人情報の漏えい等) whatever the count.`,
    },
  };
}

const ENCRYPTION_AT_REST: Readonly<Record<string, I18n>> = {
  'provider-managed': { ja: 'プロバイダー管理の鍵による暗号化', en: 'encryption with provider-managed keys' },
  'customer-managed': { ja: '顧客管理の鍵（CMK）によるプロバイダー側の暗号化', en: 'provider-side encryption with a customer-managed key (CMK)' },
  none: { ja: '保存時の暗号化なし', en: 'no encryption at rest' },
};

function exemption(r: Pick<Resource, 'encryption'>, kind: ExposureKind, clientSideEncrypted: boolean, declaredOnly = false): I18n {
  const atRest = r.encryption.atRest;
  const setting: I18n = atRest ? ENCRYPTION_AT_REST[atRest] ?? { ja: atRest, en: atRest } : { ja: '不明', en: 'unknown' };
  const providerSide: I18n = {
    ja: `このリソースの保存時の暗号化: ${setting.ja}。プロバイダー側の暗号化（SSE-S3／SSE-KMS、Google 管理の鍵、Microsoft 管理の鍵、CMK を含む）は、誰でも${kind === 'read' ? '読み取れる' : 'アクセスできる'}リソースでは除外事由（高度な暗号化その他の個人の権利利益を保護するために必要な措置、規則第7条第1号括弧書）に当たりません。匿名の読取に対しても復号して渡されるためです。`,
    en: `Encryption at rest of this resource: ${setting.en}. Provider-side encryption (SSE-S3 / SSE-KMS, Google-managed, Microsoft-managed keys, CMK) does not qualify for the exemption (高度な暗号化その他の個人の権利利益を保護するために必要な措置, Rules Art. 7(i)) on a resource anyone can ${kind === 'read' ? 'read' : 'reach'}: an anonymous read is decrypted for the reader.`,
  };
  if (clientSideEncrypted) {
    return concatI18n(providerSide, {
      ja: 'すべてのオブジェクトがアップロード前に暗号化（クライアントサイド暗号化）され、鍵が安全に管理されているとされているため、除外の候補です。暗号方式と鍵の管理（鍵が同じ場所に置かれていないこと等）を確認したうえで判断してください。',
      en: 'Every object is said to be encrypted before upload (client-side) with a safely managed key, so the exemption may apply: confirm the algorithm and the key management (the key is not stored beside the data …) before relying on it.',
    });
  }
  if (declaredOnly) {
    return concatI18n(providerSide, {
      ja: '除外の対象になり得るのは、アップロード前に暗号化（クライアントサイド暗号化）され、鍵が安全に管理されているオブジェクトだけです。サンプルは読み取っていないため、kumoscan は除外の候補とは推定しません。',
      en: 'Only objects encrypted before upload (client-side) with a safely managed key can qualify. No sample was read, and kumoscan never estimates the exemption.',
    });
  }
  return concatI18n(providerSide, {
    ja: '除外の対象になり得るのは、アップロード前に暗号化（クライアントサイド暗号化）され、鍵が安全に管理されているオブジェクトだけです。サンプルでは個人データが平文で読み取れたため、少なくともそのオブジェクトは該当しません（kumoscan はクライアントサイド暗号化を判別しないため、除外の候補とは推定しません）。',
    en: 'Only objects encrypted before upload (client-side) with a safely managed key can qualify. The sample read personal data in plain text, so at least those objects do not (kumoscan does not detect client-side encryption and never estimates the exemption).',
  });
}

export function resultOf(categories: readonly CategoryEstimate[], clientSideEncrypted: boolean): ReportabilityResult {
  if (clientSideEncrypted) return 'exempt-candidate';
  if (categories.some((c) => c.category !== 3 && c.applies === true)) return 'likely';
  if (categories.some((c) => c.applies !== false)) return 'review';
  return 'unlikely';
}

/**
 * The reportability estimate of a resource anyone can read (or list) whose sample found personal data; null
 * otherwise (not exposed, exposure unverified, not sampled, no personal data in the sample).
 */
export function assessReportability(r: Pick<Resource, 'exposure' | 'logging' | 'encryption' | 'data' | 'reads'>, opts: ReportabilityOptions = {}): Reportability | null {
  const kind = exposureKind(r);
  const data = r.data;
  if (kind === undefined || data === undefined || !data.personalData) return null;
  const clientSide = opts.clientSideEncrypted === true;
  const keys = keysOnly(r.exposure.read);
  const categories = [category1(data, kind, keys), category2(data, kind, keys), category3(r, kind), category4(data, kind, keys)];
  return {
    result: resultOf(categories, clientSide),
    categories,
    myNumberAct: myNumberAct(data, kind, keys),
    exemption: exemption(r, kind, clientSide, data.sampled.objects === 0 && data.declared !== undefined),
  };
}

/**
 * The estimate for a resource anyone can read (or list) whose personal-data status is unknown: sampling was
 * tried and the listing or reads failed (`why`), and nothing was found in what could be read. Nothing can be
 * ruled out: categories 1, 2 and 4 are null (cannot be ruled out), category 3 as usual, so the result is `review`.
 * The My Number Act flag stays false (nothing was found) with a reason that says it could not be checked. Null
 * when anyone's reach is not established.
 */
export function unknownReportability(r: Pick<Resource, 'exposure' | 'logging' | 'encryption' | 'reads'>, why: I18n): Reportability | null {
  const kind = exposureKind(r);
  if (kind === undefined) return null;
  const cannot = (n: 1 | 2 | 4, what: I18n): CategoryEstimate => ({
    category: n,
    applies: null,
    reason: {
      ja: `否定できません: ${why.ja}ため、${what.ja}を確認できませんでした。読み取れなかったオブジェクトを確認してください。`,
      en: `Cannot be ruled out: ${why.en}, so ${what.en} could not be checked. Check the objects that could not be read.`,
    },
  });
  const categories = [
    cannot(1, { ja: '要配慮個人情報の有無', en: 'whether it holds 要配慮個人情報 (special care-required personal information)' }),
    cannot(2, { ja: 'クレジットカード番号等の有無', en: 'whether it holds credit card numbers or the like' }),
    category3(r, kind),
    cannot(4, { ja: '本人の数', en: 'the number of persons' }),
  ];
  return {
    result: resultOf(categories, false),
    categories,
    myNumberAct: {
      applies: false,
      reason: {
        ja: `個人番号（マイナンバー）の有無を確認できませんでした（${why.ja}）。誰でも閲覧できる状態で個人番号が含まれていれば、件数にかかわらず番号法第29条の4に基づく報告の対象です。`,
        en: `Whether it holds My Numbers (個人番号) could not be checked (${why.en}). If it does, anyone being able to view them makes it reportable under My Number Act Art. 29-4 whatever the count.`,
      },
    },
    exemption: exemption(r, kind, false, true),
  };
}
