// 通知カード (the paper card sent with the My Number until 2020): the number, name, address and birth date.
import type { DocumentKind } from './kind.js';

export const notificationCard: DocumentKind = {
  id: 'notification_card',
  label: '通知カード',
  en: 'My Number notification card',
  appi: 'specific_personal_information',
  signals: [
    { re: /通知カード/, weight: 5 },
    { re: /個人番号/, weight: 1 },
    { re: /氏名/, weight: 1 },
    { re: /住所/, weight: 1 },
    { re: /生年月日/, weight: 1 },
  ],
  threshold: 5,
  fields: ['my_number', 'name', 'birth_date', 'address'],
};
