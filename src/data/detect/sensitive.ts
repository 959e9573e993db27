// sensitive_health and sensitive_crime (要配慮個人情報): vocabulary + structured context. The rule decided
// here (docs/personal-data-detectors.md):
// - structured: a cell under a column header / JSON key that names health or criminal-record data (既往歴,
//   健診結果, 病名, diagnosis, 犯罪歴 …) with a non-empty value is one high-confidence occurrence, whatever the
//   value (既往歴: なし is still a statement about a person's health). No person identifier is required in
//   the row: health-check sheets keyed by an employee number are the case the tool exists for.
// - free text (and cells under other headers): each occurrence of a keyword is one occurrence, high when a
//   person identifier (a My Number, e-mail, phone, labelled name, birth date, passport / residence card
//   number) is within 300 characters before or after, low otherwise (健康診断のお知らせ in a newsletter).
// - 障害 alone is not health vocabulary in text (システム障害, 障害対応 are IT incidents); only its personal
//   compounds are (障害者, 身体障害, 障害等級, 障がい …). The same for column names.
import type { Found } from './found.js';
import { mayMatch, registerVocabulary, SENSITIVE_BITS } from './prefilter.js';

export type SensitiveType = 'sensitive_health' | 'sensitive_crime';

const HEALTH_WORDS = [
  '健康診断', '定期健診', '健診', '人間ドック', '検査結果', '診断結果', '健診結果', '判定結果', '病歴', '既往歴', '既往症', '診断書', '診断名', '傷病名', '病名', '傷病', '疾病', '疾患',
  '診療', '受診', '産業医', '通院', '入院', '退院', '手術', '処方', '服薬', '服用', '投薬', '治療', 'カルテ', '再検査', '精密検査', '要再検査', '要精密検査', '要治療', '要経過観察',
  '血圧', '血糖', '尿検査', '尿酸', '心電図', '胸部X線', 'コレステロール', '中性脂肪', 'γ-GTP',
  '障害者', '障害等級', '障害者手帳', '障害の有無', '障害区分', '障害年金', '身体障害', '精神障害', '知的障害', '発達障害', '障がい', '障碍', '療育手帳',
  '要介護', '要支援', '介護認定', 'メンタルヘルス', 'ストレスチェック', 'アレルギー', '感染症', '遺伝子検査', '妊娠',
  '高血圧', '糖尿病', '脂質異常症', '高脂血症', '心疾患', '脳梗塞', '脳卒中', '悪性腫瘍', '喘息', 'うつ病', '鬱病', '適応障害', '統合失調症', '双極性障害', '認知症', 'てんかん', '肝炎', '結核',
];
const HEALTH_ASCII = ['diagnosis', 'disease', 'medical', 'health check', 'health_check', 'healthcheck', 'medical history', 'prescription', 'medication', 'disability', 'blood pressure', 'blood_pressure', 'allergy', 'illness', 'hba1c', 'bmi', 'hiv'];

const CRIME_WORDS = ['犯罪歴', '犯歴', '前科', '前歴', '逮捕', '起訴', '不起訴', '有罪', '判決', '服役', '受刑', '刑事事件', '刑事処分', '被疑者', '被告人', '犯罪被害', '書類送検', '懲役', '禁錮', '罰金刑', '執行猶予'];
const CRIME_ASCII = ['criminal record', 'criminal_record', 'conviction', 'arrest', 'arrested'];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** First characters of the words (case-insensitive like the patterns): a text without one holds none. */
const SENSITIVE_FIRST = new RegExp(`[${[...new Set([...HEALTH_WORDS, ...HEALTH_ASCII, ...CRIME_WORDS, ...CRIME_ASCII].map((w) => w[0] ?? ''))].map(escape).join('')}]`, 'i');
registerVocabulary([...HEALTH_WORDS, ...HEALTH_ASCII, ...CRIME_WORDS, ...CRIME_ASCII], () => false, SENSITIVE_BITS);
const HEALTH_RE = new RegExp(`${alternation(HEALTH_WORDS)}|(?<![A-Za-z])(?:${alternation(HEALTH_ASCII)})(?![A-Za-z])`, 'gi');
const CRIME_RE = new RegExp(`${alternation(CRIME_WORDS)}|(?<![A-Za-z])(?:${alternation(CRIME_ASCII)})(?![A-Za-z])`, 'gi');
/** 障害 as a column name on its own (障害, 障害(有無)) counts; 障害対応, 障害ID do not. */
const DISABILITY_FIELD = /^障害(\s*[(（].*[)）])?$|^障害(有無|程度|種別|名)$/;
const HEALTH_FIELD_TOKENS = new Set(['health', 'medical', 'diagnosis', 'disease', 'illness', 'prescription', 'medication', 'disability', 'allergy', 'bmi', 'hba1c', 'checkup']);
const CRIME_FIELD_TOKENS = new Set(['criminal', 'conviction', 'arrest', 'offence', 'offense']);

/** The vocabulary word a field names (for the masked example), or null. */
export function sensitiveField(field: string): { type: SensitiveType; word: string } | null {
  const f = field.trim();
  if (f === '' || f.length > 80) return null;
  CRIME_RE.lastIndex = 0;
  const crime = CRIME_RE.exec(f);
  if (crime) return { type: 'sensitive_crime', word: crime[0] };
  HEALTH_RE.lastIndex = 0;
  const health = HEALTH_RE.exec(f);
  if (health) return { type: 'sensitive_health', word: health[0] };
  if (DISABILITY_FIELD.test(f)) return { type: 'sensitive_health', word: '障害' };
  const tokens = f
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  const t = tokens.find((x) => HEALTH_FIELD_TOKENS.has(x));
  if (t !== undefined) return { type: 'sensitive_health', word: t };
  const c = tokens.find((x) => CRIME_FIELD_TOKENS.has(x));
  if (c !== undefined) return { type: 'sensitive_crime', word: c };
  return null;
}

const EMPTY_VALUE = new Set(['', '-', '--', '―', 'null', 'none', 'n/a', 'na', 'nil', 'undefined', '未入力', '未記入', '空欄']);

/** A cell under a sensitive field: one occurrence unless the cell is empty or a placeholder. */
export function findSensitiveCell(text: string, field: { type: SensitiveType; word: string }, out: Found[]): void {
  const value = text.trim();
  if (EMPTY_VALUE.has(value.toLowerCase())) return;
  const start = text.indexOf(value);
  out.push({ type: field.type, start, end: start + value.length, canonical: value, masked: `${field.word}: ***`, rule: 'header' });
}

/**
 * Keyword occurrences in text; each needs a person identifier within 300 characters to be high. `prechecked`: the
 * caller knows the prefilter says maybe (SENSITIVE_BITS).
 */
export function findSensitiveWords(text: string, out: Found[], skip?: SensitiveType, prechecked = false): void {
  if (!prechecked && (!/[^\x00-\x7f]|[a-zA-Z]{4}/.test(text) || !SENSITIVE_FIRST.test(text) || !mayMatch(text, SENSITIVE_BITS))) return;
  for (const [type, re] of [
    ['sensitive_health', HEALTH_RE],
    ['sensitive_crime', CRIME_RE],
  ] as const) {
    if (type === skip) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push({ type, start: m.index, end: m.index + m[0].length, canonical: m[0], masked: `…${m[0]}…`, rule: 'person' });
    }
  }
}
