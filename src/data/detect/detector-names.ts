// What each detector finds, named in Japanese and English: the one table of detector names, used by `classify`, the
// Japanese persons basis (persons-basis-ja.ts), the APPI assessment texts and the PPC draft (reports/appi/labels.ts)
// and every report format (reports/render/view.ts). A legal term kept in Japanese inside an English name is glossed
// in English next to it (`My Number (個人番号)`), the rule the language test applies to English outputs.
import type { I18n } from '../../model.js';
import type { DetectorId } from '../types.js';

export const DETECTOR_NAMES: Readonly<Record<DetectorId, I18n>> = {
  my_number: { ja: '個人番号（マイナンバー）', en: 'My Number (個人番号)' },
  corporate_number: { ja: '法人番号', en: 'corporate number' },
  credit_card: { ja: 'クレジットカード番号', en: 'credit card number' },
  bank_account: { ja: '口座番号', en: 'bank account number' },
  drivers_license: { ja: '運転免許証番号', en: "driver's licence number" },
  passport: { ja: '旅券番号', en: 'passport number' },
  residence_card: { ja: '在留カード番号', en: 'residence card number' },
  pension_insurance: { ja: '基礎年金番号・被保険者番号等', en: 'pension / health insurance number' },
  phone: { ja: '電話番号', en: 'phone number' },
  email: { ja: 'メールアドレス', en: 'e-mail address' },
  postal_address: { ja: '住所', en: 'postal address' },
  birth_date: { ja: '生年月日', en: 'date of birth' },
  person_name: { ja: '氏名', en: 'person name' },
  sensitive_health: { ja: '健康診断の結果・病歴等（要配慮個人情報）', en: 'health-check results / medical history (要配慮個人情報)' },
  sensitive_crime: { ja: '犯罪の経歴等（要配慮個人情報）', en: 'criminal record (要配慮個人情報)' },
  id_document_image: { ja: '本人確認書類等の画像', en: 'images of ID documents' },
};

/** `my_number` → 個人番号（マイナンバー）; `phone+name` → 電話番号＋氏名; an unknown id is kept. */
export function identifierJa(basis: string): string {
  const names = DETECTOR_NAMES as Record<string, I18n | undefined>;
  return basis
    .split('+')
    .map((id) => names[id]?.ja ?? names[id === 'name' ? 'person_name' : id]?.ja ?? id)
    .join('＋');
}
