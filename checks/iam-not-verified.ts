// iam-not-verified: identity (IAM) calls failed, so the identity checks and the per-bucket principals could not be
// verified. Not reported when IAM was deliberately not collected (--no-iam, or a snapshot without IAM).
import type { Evidence } from '../src/model.js';
import { IAM_READ_PERMISSIONS } from './helpers.js';
import type { AccountCheck } from './types.js';

export const iamNotVerified: AccountCheck = {
  id: 'iam-not-verified',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: 'IAM の設定を確認できなかった項目がある',
    en: 'Some IAM settings could not be verified',
  },
  description: {
    ja:
      'IAM の読取（アカウントの認可の詳細、パスワードポリシー、アカウントの概要、認証情報レポート）が失敗し、ユーザー・ロールの検査やバケットごとのアクセス可能な主体を確認できなかった場合に、失敗した API 呼び出しとともに報告します。' +
      'これらの項目は合格とも不合格とも判定していません。',
    en:
      'Reports, with the failed calls, that IAM reads (account authorization details, password policy, account summary, ' +
      'credential report) failed, so the user and role checks and the per-bucket principals could not be verified. They ' +
      'were judged neither pass nor fail.',
  },
  remediation: {
    aws: {
      ja: `スキャンに使う IAM 主体に読取の権限（${IAM_READ_PERMISSIONS}）を付与して再スキャンしてください。権限があっても拒否される場合は、SCP やアクセス許可の境界による明示的な拒否を確認してください。`,
      en: `Give the scanning IAM principal the read permissions (${IAM_READ_PERMISSIONS}) and scan again. If calls are still denied, look for an explicit deny in an SCP or a permissions boundary.`,
    },
  },
  duties: ['APPI-23', 'GL-10-3-3'],
  runAccount(account) {
    if (!account.collected || account.errors.length === 0) return [];
    const unknown = { ja: [] as string[], en: [] as string[] };
    if (account.users === null || account.roles === null) {
      unknown.ja.push('ユーザー・ロールとバケットごとのアクセス可能な主体');
      unknown.en.push('users, roles and the principals that can reach each bucket');
    }
    if (account.passwordPolicy === null) {
      unknown.ja.push('パスワードポリシー');
      unknown.en.push('the password policy');
    }
    if (account.root.mfa === null || account.root.accessKeys === null) {
      unknown.ja.push('ルートユーザーの MFA・アクセスキー');
      unknown.en.push("the root user's MFA and access keys");
    }
    if ((account.users ?? []).some((u) => u.accessKeys === null)) {
      unknown.ja.push('コンソールのサインイン・MFA・アクセスキー（認証情報レポート）');
      unknown.en.push('console sign-in, MFA and access keys (credential report)');
    }
    const evidence: Evidence[] = account.errors.map((e) => ({ effect: 'unknown', source: 'collect', ref: e.call, message: `${e.code}: ${e.message}`, messageJa: `${e.call} に失敗しました（${e.code}）: 「${e.message}」` }));
    const calls = account.errors.map((e) => `${e.call}（${e.code}）`).join('、');
    const callsEn = account.errors.map((e) => `${e.call} (${e.code})`).join(', ');
    return [
      {
        evidence,
        detail: {
          ja: `アカウント ${account.account} の IAM の読取に失敗しました: ${calls}。` + (unknown.ja.length > 0 ? `確認できなかった項目: ${unknown.ja.join('、')}。` : '') + 'これらは合格とも不合格とも判定していません。',
          en: `IAM reads of account ${account.account} failed: ${callsEn}. ` + (unknown.en.length > 0 ? `Not verified: ${unknown.en.join(', ')}. ` : '') + 'They were judged neither pass nor fail.',
        },
      },
    ];
  },
};
