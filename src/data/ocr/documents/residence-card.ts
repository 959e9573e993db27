// 在留カード: 在留カード番号 (AB12345678CD), name (in Latin letters), nationality, status and period of stay.
import type { DocumentKind } from './kind.js';

export const residenceCard: DocumentKind = {
  id: 'residence_card',
  label: '在留カード',
  en: 'residence card',
  appi: 'personal',
  signals: [
    { re: /在留カード/, weight: 4 },
    { re: /在留資格/, weight: 2 },
    { re: /在留期間/, weight: 1 },
    { re: /(?<![A-Z0-9])[A-Z]{2}[0-9]{8}[A-Z]{2}(?![A-Z0-9])/, weight: 2 },
    { re: /国籍/, weight: 1 },
    { re: /就労/, weight: 1 },
  ],
  threshold: 4,
  fields: ['residence_card', 'name', 'birth_date', 'address'],
};
