// 運転免許証: name and birth date (…日生), address, 交付, validity, the 12-digit number printed 第…号 (or labelled
// 免許証番号), the issuing 公安委員会.
import type { DocumentKind } from './kind.js';

export const driversLicense: DocumentKind = {
  id: 'drivers_license',
  label: '運転免許証',
  en: "driver's licence",
  appi: 'personal',
  signals: [
    { re: /運転免許証/, weight: 3 },
    { re: /免許証番号/, weight: 3 },
    { re: /公安委員会/, weight: 2 },
    { re: /第[0-9]{12}号/, weight: 3 },
    { re: /交付/, weight: 1 },
    { re: /まで有効/, weight: 1 },
    { re: /氏名/, weight: 1 },
  ],
  threshold: 4,
  fields: ['drivers_license', 'name', 'birth_date', 'address'],
};
