// personal-data-bucket-many-readers: more identities of the account than the threshold (--max-readers, default 10)
// can read a bucket that holds personal data. Until sampling marks personal data on every resource, a bucket counts as
// personal data when its tags say so (data-class=personal …) or its data profile found personal data.
import type { Evidence } from '../src/model.js';
import { personalDataMark } from './helpers.js';
import type { Check } from './types.js';
import { DEFAULT_CHECK_SETTINGS } from './types.js';

/** How many identity ARNs the detail names before "…". */
const NAMED = 20;

export const personalDataBucketManyReaders: Check = {
  id: 'personal-data-bucket-many-readers',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: '個人データのバケットを読み取れる IAM ユーザー・ロールが多すぎる',
    en: 'Too many IAM users and roles can read a personal-data bucket',
  },
  description: {
    ja:
      '個人データを含むバケットについて、読み取れる当アカウントの IAM ユーザー・ロールの数がしきい値（--max-readers、既定 10）を超える場合に検出します。' +
      '個人データを含むかどうかは、データのサンプリング結果、又はタグ（data-class=personal 等）で判定します（サンプリングが未実施のバケットはタグで判定）。' +
      '条件付きの許可も数に含めます（条件は評価していません）。',
    en:
      'Detects a bucket with personal data that more IAM users and roles of the account can read than the threshold ' +
      '(--max-readers, default 10). Personal data is known from the sampled data profile, or from tags (data-class=personal …) ' +
      'where the bucket was not sampled. Conditional grants count too (their conditions are not evaluated).',
  },
  remediation: {
    aws: {
      ja:
        '個人データを取り扱う業務に必要なユーザー・ロールだけが読み取れるように、アイデンティティベースのポリシーの対象リソースを絞ってください。' +
        'バケットポリシーに aws:PrincipalArn で許可した主体以外を拒否する Deny を加えると、IAM 側の過大な権限があっても読み取りを防げます。' +
        '読み取れる主体の一覧を定期的に確認し、取扱者の範囲を記録してください（組織的安全管理措置）。',
      en:
        'Narrow the resources of identity-based policies so that only the users and roles whose work needs the personal ' +
        'data can read it. A Deny in the bucket policy for every principal except those allowed by aws:PrincipalArn stops ' +
        'reads even where IAM grants too much. Review the list of readers regularly and record who handles the data.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  run(resource, ctx) {
    const mark = personalDataMark(resource);
    if (mark === null || !resource.principals) return [];
    const max = ctx?.settings.maxReaders ?? DEFAULT_CHECK_SETTINGS.maxReaders;
    const readers = [...new Set(resource.principals.read.map((g) => g.id))].sort();
    if (readers.length <= max) return [];
    const named = readers.slice(0, NAMED).join(', ') + (readers.length > NAMED ? `, … (+${readers.length - NAMED})` : '');
    const evidence: Evidence[] = [
      { effect: 'info', source: 'resource', ref: 'personal data', message: `counted as personal data by ${mark}`, messageJa: `個人データとして数えた根拠: ${mark}` },
      ...resource.principals.read.map((g) => ({
        capability: 'read' as const,
        effect: 'grants' as const,
        source: g.policyType === 'resource' ? 'bucket-policy' : 'identity-policy',
        ref: `${g.id} ${g.policyType === 'managed' ? g.policy : g.policyType === 'inline' ? `inline ${g.policy}` : 'bucket policy'} ${g.statement}`,
        message: `${g.kind} ${g.id} can read${g.via ? ` (group ${g.via})` : ''}${g.conditions.length > 0 ? ` under ${g.conditions.join(', ')}` : ''}`,
        messageJa: `${g.kind === 'user' ? 'IAM ユーザー' : 'IAM ロール'} ${g.id} は読み取れます${g.via ? `（グループ ${g.via} 経由）` : ''}${g.conditions.length > 0 ? `（条件 ${g.conditions.join('、')} 付き）` : ''}`,
      })),
    ];
    return [
      {
        evidence,
        detail: {
          ja: `個人データのバケット「${resource.name}」（判定: ${mark}）は、当アカウントの IAM ユーザー・ロール ${readers.length} 件が読み取れます（しきい値 ${max}）: ${named}。`,
          en: `Personal-data bucket "${resource.name}" (by ${mark}) can be read by ${readers.length} IAM users and roles of the account (threshold ${max}): ${named}.`,
        },
      },
    ];
  },
};
