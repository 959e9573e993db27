// マイナンバーカード (個人番号カード) front: the title, the holder's name, address, birth date, sex and photo. The
// number is on the back.
import type { DocumentKind } from './kind.js';

export const myNumberCardFront: DocumentKind = {
  id: 'my_number_card_front',
  label: 'マイナンバーカード',
  en: 'My Number card (front)',
  appi: 'specific_personal_information',
  signals: [
    { re: /個人番号カード/, weight: 4 },
    { re: /氏名/, weight: 1 },
    { re: /住所/, weight: 1 },
    { re: /生年月日/, weight: 1 },
    { re: /性別/, weight: 1 },
    { re: /まで有効/, weight: 1 },
  ],
  threshold: 5,
  fields: ['name', 'birth_date', 'address', 'my_number'],
};
