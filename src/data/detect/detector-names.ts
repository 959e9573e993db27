// What each detector finds, named in Japanese and English, for the terminal outputs of `classify` and for the
// Japanese persons basis (persons-basis-ja.ts). The reports have their own, shorter labels (reports/render/view.ts).
import type { DetectorId } from '../types.js';

export const DETECTOR_NAMES: Record<DetectorId, { ja: string; en: string }> = {
  my_number: { ja: '個人番号（マイナンバー）', en: 'My Number' },
  corporate_number: { ja: '法人番号', en: 'corporate number' },
  credit_card: { ja: 'クレジットカード番号', en: 'credit card number' },
  bank_account: { ja: '口座番号', en: 'bank account' },
  drivers_license: { ja: '運転免許証番号', en: "driver's licence number" },
  passport: { ja: '旅券番号', en: 'passport number' },
  residence_card: { ja: '在留カード番号', en: 'residence card number' },
  pension_insurance: { ja: '年金・保険の番号', en: 'pension / insurance number' },
  phone: { ja: '電話番号', en: 'phone number' },
  email: { ja: 'メールアドレス', en: 'e-mail address' },
  postal_address: { ja: '住所', en: 'postal address' },
  birth_date: { ja: '生年月日', en: 'date of birth' },
  person_name: { ja: '氏名', en: 'person name' },
  sensitive_health: { ja: '要配慮（健康・病歴）', en: 'health data (sensitive)' },
  sensitive_crime: { ja: '要配慮（犯罪歴）', en: 'criminal record (sensitive)' },
  id_document_image: { ja: '本人確認書類等の画像', en: 'ID document image' },
};

/** `my_number` → 個人番号（マイナンバー）; `phone+name` → 電話番号＋氏名; an unknown id is kept. */
export function identifierJa(basis: string): string {
  const names = DETECTOR_NAMES as Record<string, { ja: string } | undefined>;
  return basis
    .split('+')
    .map((id) => names[id]?.ja ?? names[id === 'name' ? 'person_name' : id]?.ja ?? id)
    .join('＋');
}
