// キャッシュカード: the bank, 支店 (branch) and 口座番号 (account), often the holder's name in Latin letters.
import type { DocumentKind } from './kind.js';

export const cashCard: DocumentKind = {
  id: 'cash_card',
  label: 'キャッシュカード',
  en: 'cash card',
  appi: 'personal',
  signals: [
    { re: /キャッシュカード/, weight: 3 },
    { re: /銀行|信用金庫|信用組合|労働金庫|農業協同組合/, weight: 2 },
    { re: /支店/, weight: 1 },
    { re: /口座番号/, weight: 2 },
    { re: /普通|当座/, weight: 1 },
  ],
  threshold: 4,
  fields: ['bank_account', 'name'],
};
