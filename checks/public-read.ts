// public-read: anyone (anonymous, or any authenticated principal of any account) can read object data.
import type { Check } from './types.js';
import { LEAK_NOTE, exposureDrafts, makePrivateRemediation } from './helpers.js';

export const publicRead: Check = {
  id: 'public-read',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'critical',
  title: {
    ja: 'バケット内のオブジェクトを誰でも読み取れる',
    en: 'Anyone can read objects in the bucket',
  },
  description: {
    ja:
      'インターネット上の誰でも（匿名の利用者、又は任意のアカウントの認証済み主体）がオブジェクトのデータを取得できる設定を検出します。' +
      'ブロックパブリックアクセス等のガードと明示的な拒否（Deny）を評価した後の、実際に有効なアクセスで判定します。',
    en:
      'Detects a configuration under which anyone on the internet (an anonymous caller, or any authenticated principal of ' +
      'any account) can fetch object data. The verdict is the access that really takes effect after guards such as ' +
      'Block Public Access and explicit Denies are applied.',
  },
  remediation: makePrivateRemediation('read', {
    ja: '個人データが含まれていた可能性がある場合は、修正とあわせてアクセスログ（AWS では CloudTrail データイベント、サーバーアクセスログ）を保全し、第三者による読取の有無を調査してください。',
    en: 'If personal data may have been in it, preserve the access logs (on AWS, CloudTrail data events and server access logs) while fixing it, and investigate whether anyone else read the data.',
  }),
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run: (resource) =>
    exposureDrafts(resource, 'read', (name, refs) => ({
      ja: `「${name}」のオブジェクトは誰でも読み取れる状態です（根拠: ${refs.ja}）。${LEAK_NOTE.ja}`,
      en: `Objects in "${name}" can be read by anyone (evidence: ${refs.en}). ${LEAK_NOTE.en}`,
    })),
};
