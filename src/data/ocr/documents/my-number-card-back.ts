// マイナンバーカード back: 個人番号 and the 12-digit number (valid check digit), with the name and birth date in
// small print and a QR code.
import type { DocumentKind } from './kind.js';

export const myNumberCardBack: DocumentKind = {
  id: 'my_number_card_back',
  label: 'マイナンバーカード',
  en: 'My Number card (back)',
  appi: 'specific_personal_information',
  signals: [
    { re: /個人番号(?!カード)/, weight: 3 },
    { re: /(?<![0-9])[0-9]{4} ?[0-9]{4} ?[0-9]{4}(?![0-9])/, weight: 1 },
    { re: /氏名/, weight: 1 },
    { re: /生年月日/, weight: 1 },
  ],
  threshold: 3,
  requires: ['my_number'],
  fields: ['my_number', 'name', 'birth_date'],
};
