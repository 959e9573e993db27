// `kumoscan checks`: every check with its severity, providers and the APPI duties it cites, in ja or en.
import type { CheckMeta } from '../../checks/types.js';
import { DUTIES } from '../appi/duties.js';
import { pad, type Lang } from './table.js';

export interface CheckListing {
  id: string;
  severity: string;
  providers: string[];
  scope: 'resource' | 'account' | 'policy';
  title: { ja: string; en: string };
  duties: { id: string; ja: string; en: string }[];
}

export function listChecks(resource: readonly CheckMeta[], account: readonly CheckMeta[], policy: readonly CheckMeta[] = []): CheckListing[] {
  const row = (c: CheckMeta, scope: CheckListing['scope']): CheckListing => ({
    id: c.id,
    severity: c.severity,
    providers: [...c.providers],
    scope,
    title: c.title,
    duties: c.duties.map((d) => ({ id: d, ja: DUTIES[d].name.ja, en: DUTIES[d].name.en })),
  });
  return [...resource.map((c) => row(c, 'resource')), ...account.map((c) => row(c, 'account')), ...policy.map((c) => row(c, 'policy'))];
}

export function renderChecksTable(rows: readonly CheckListing[], lang: Lang): string {
  const idW = Math.max(...rows.map((r) => r.id.length));
  const provW = Math.max(...rows.map((r) => r.providers.join(',').length));
  const lines = rows.map((r) => `${pad(r.id, idW)}  ${pad(r.severity, 8)}  ${pad(r.providers.join(','), provW)}  ${r.title[lang]}\n${' '.repeat(idW + 2)}${r.duties.map((d) => d.id).join(', ')}`);
  const head = lang === 'ja' ? `${rows.length} 件のチェック（ID・重大度・対象・名称／引用する義務）` : `${rows.length} checks (id, severity, providers, title / duties cited)`;
  return [head, '', ...lines, ''].join('\n');
}
