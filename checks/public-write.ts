// public-write: anyone can create, overwrite or delete objects.
import type { Check } from './types.js';
import { exposureDrafts, makePrivateRemediation } from './helpers.js';

export const publicWrite: Check = {
  id: 'public-write',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'critical',
  title: {
    ja: 'バケットに誰でもオブジェクトを書き込める（上書き・削除を含む）',
    en: 'Anyone can write objects to the bucket (including overwrite and delete)',
  },
  description: {
    ja: '誰でも（匿名の利用者、又は任意のアカウントの認証済み主体）がオブジェクトを作成・上書き・削除できる設定を検出します。',
    en: 'Detects a configuration under which anyone (an anonymous caller, or any authenticated principal of any account) can create, overwrite or delete objects.',
  },
  remediation: makePrivateRemediation('write', {
    ja: '修正後、意図しないオブジェクトの追加・改ざん・削除がないかをアクセスログとバージョン履歴で確認してください。',
    en: 'After the fix, check the access logs and the version history for objects that were added, altered or deleted by someone else.',
  }),
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run: (resource) =>
    exposureDrafts(resource, 'write', (name, refs) => ({
      ja:
        `「${name}」には誰でもオブジェクトを書き込める状態です（根拠: ${refs.ja}）。` +
        '第三者が個人データを改ざん・削除（毀損・滅失）したり、マルウェアや違法なファイルを置いて配布に利用したりできます。' +
        '個人データの滅失・毀損も法第26条の「漏えい等」に含まれます。',
      en:
        `Anyone can write objects to "${name}" (evidence: ${refs.en}). Others can alter or delete personal data ` +
        '(毀損・滅失, damage and loss) or plant malware or illegal files and use the bucket to distribute them. Loss and ' +
        'damage of personal data are part of 漏えい等 under APPI Art. 26.',
    })),
};
