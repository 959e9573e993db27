// 健康診断 result sheets (健康診断結果通知書, 健診結果): name, birth date, 受診日, measurements and the verdicts
// (要精密検査 …) — health data, a special-care category.
import type { DocumentKind } from './kind.js';

export const healthCheck: DocumentKind = {
  id: 'health_check',
  label: '健康診断',
  en: 'health check result',
  appi: 'sensitive',
  signals: [
    { re: /健康診断/, weight: 3 },
    { re: /健診/, weight: 2 },
    { re: /受診日/, weight: 1 },
    { re: /身長/, weight: 1 },
    { re: /体重/, weight: 1 },
    { re: /血圧/, weight: 1 },
    { re: /判定/, weight: 1 },
    { re: /所見/, weight: 1 },
  ],
  threshold: 4,
  fields: ['name', 'birth_date', 'address'],
};
