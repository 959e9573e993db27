// Bilingual names the assessment texts share: detector types, APPI classes, capabilities, providers, and small
// text helpers. Legal terms stay Japanese in the English texts (APPI.md, "Language").
import type { Capability, I18n, Provider } from '../../src/model.js';
import type { AppiClass, DataProfile, Detection, DetectorId } from '../../src/data/types.js';

import { DETECTOR_NAMES } from '../../src/data/detect/detector-names.js';

export const CLASS_NAMES: Readonly<Record<AppiClass, I18n>> = {
  specific_personal_information: { ja: '特定個人情報', en: '特定個人情報 (specific personal information: My Numbers)' },
  sensitive: { ja: '要配慮個人情報', en: '要配慮個人情報 (special care-required personal information)' },
  financial: { ja: '財産的被害が生じるおそれがある個人データ', en: 'personal data whose misuse can cause financial damage' },
  personal: { ja: '個人情報', en: 'personal information' },
  not_personal: { ja: '個人情報なし（法人番号のみ）', en: 'not personal (corporate numbers only)' },
};

export const CAPABILITY_VERBS: Readonly<Record<Capability, I18n>> = {
  read: { ja: '読み取り', en: 'read' },
  list: { ja: '一覧の取得', en: 'list' },
  write: { ja: '書き込み', en: 'write' },
  aclWrite: { ja: 'ACL の変更', en: 'change the ACL of' },
};

export const PROVIDER_STORAGE: Readonly<Record<Provider, I18n>> = {
  aws: { ja: 'Amazon S3 バケット', en: 'Amazon S3 bucket' },
  gcp: { ja: 'Google Cloud Storage バケット', en: 'Google Cloud Storage bucket' },
  azure: { ja: 'Azure Blob Storage コンテナー', en: 'Azure Blob Storage container' },
};

/** 1,500 (both languages use the comma). */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** Joins non-empty texts per language (ja: 、 / en: , ). */
export function joinI18n(parts: readonly I18n[], sep: I18n = { ja: '、', en: ', ' }): I18n {
  return { ja: parts.map((p) => p.ja).join(sep.ja), en: parts.map((p) => p.en).join(sep.en) };
}

/** Concatenates texts per language (ja without spaces, en with one space). */
export function concatI18n(...parts: readonly I18n[]): I18n {
  const kept = parts.filter((p) => p.ja !== '' || p.en !== '');
  return { ja: kept.map((p) => p.ja).join(''), en: kept.map((p) => p.en).filter((s) => s !== '').join(' ') };
}

export type ProfileDetection = DataProfile['detections'][number];

export function detectionsOf(data: DataProfile, types: readonly DetectorId[], confidence: Detection['confidence']): ProfileDetection[] {
  return data.detections.filter((d) => types.includes(d.type) && d.confidence === confidence);
}

/** `健康診断の結果・病歴等（要配慮個人情報） 1,500件（1オブジェクト）` per detection. */
export function describeDetections(ds: readonly ProfileDetection[]): I18n {
  return joinI18n(
    ds.map((d) => ({
      ja: `${DETECTOR_NAMES[d.type].ja} ${num(d.count)}件（${num(d.objects)}オブジェクト）`,
      en: `${DETECTOR_NAMES[d.type].en}: ${num(d.count)} in ${num(d.objects)} object${d.objects === 1 ? '' : 's'}`,
    })),
  );
}
