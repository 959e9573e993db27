// 健康保険証 (被保険者証): 記号・番号, the insured person's name and birth date, 保険者番号 and 保険者名称.
import type { DocumentKind } from './kind.js';

export const healthInsuranceCard: DocumentKind = {
  id: 'health_insurance_card',
  label: '保険証',
  en: 'health insurance card',
  appi: 'personal',
  signals: [
    { re: /被保険者証/, weight: 3 },
    { re: /健康保険/, weight: 2 },
    { re: /保険者番号/, weight: 2 },
    { re: /保険者名称/, weight: 1 },
    { re: /記号/, weight: 1 },
    { re: /資格取得年月日/, weight: 1 },
  ],
  threshold: 4,
  fields: ['name', 'birth_date', 'address'],
};
