// iam-console-user-without-mfa: an IAM user with a console password and no MFA device.
import type { AccountCheck, FindingDraft } from './types.js';

export const iamConsoleUserWithoutMfa: AccountCheck = {
  id: 'iam-console-user-without-mfa',
  providers: ['aws'],
  severity: 'high',
  title: {
    ja: 'コンソールにパスワードでサインインできる IAM ユーザーに MFA がない',
    en: 'An IAM user signs in to the console with a password and no MFA',
  },
  description: {
    ja:
      'コンソールのパスワードが有効で、MFA デバイスが有効になっていない IAM ユーザーを、ユーザーごとに検出します（認証情報レポートの password_enabled と mfa_active）。' +
      'パスワードの使い回しやフィッシングで、そのユーザーが読み取れる個人データがそのまま漏えいします。',
    en:
      'Detects, per user, IAM users with a console password and no active MFA device (credential report password_enabled ' +
      'and mfa_active). A reused or phished password then exposes every piece of personal data the user can read.',
  },
  remediation: {
    aws: {
      ja:
        'このユーザーに MFA デバイス（パスキー、ハードウェアキー又は認証アプリ）を割り当ててください。' +
        'MFA なしの操作を拒否するポリシー（aws:MultiFactorAuthPresent が false のとき Deny）を付けることも有効です。' +
        '可能であれば IAM ユーザーのパスワードをやめ、IAM Identity Center（MFA 必須）に移行してください。使っていないユーザーはコンソールのパスワードを削除してください。',
      en:
        'Assign an MFA device (passkey, hardware key or authenticator app) to this user. A policy that denies actions ' +
        'without MFA (Deny when aws:MultiFactorAuthPresent is false) helps too. Where possible, replace IAM user passwords ' +
        'with IAM Identity Center (with MFA required), and delete the console password of users who do not use it.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-2'],
  runAccount(account) {
    if (!account.collected || account.users === null) return [];
    const drafts: FindingDraft[] = [];
    for (const user of account.users) {
      if (user.consoleAccess !== true || user.mfa !== false) continue;
      const lastUsed = user.passwordLastUsed ?? 'never / unknown';
      drafts.push({
        resourceId: user.id,
        evidence: [
          { effect: 'info', source: 'credential-report', ref: `${user.name} password_enabled`, message: 'password_enabled = true (console sign-in with a password)', messageJa: 'password_enabled = true（パスワードでコンソールにサインイン可能）' },
          { effect: 'info', source: 'credential-report', ref: `${user.name} mfa_active`, message: `mfa_active = false; password last used: ${lastUsed}`, messageJa: `mfa_active = false、パスワードの最終使用: ${user.passwordLastUsed ?? 'なし又は不明'}` },
        ],
        detail: {
          ja: `IAM ユーザー ${user.name}（${user.id}）はコンソールにパスワードでサインインでき、MFA が設定されていません（パスワードの最終使用: ${user.passwordLastUsed ?? 'なし又は不明'}）。`,
          en: `IAM user ${user.name} (${user.id}) can sign in to the console with a password and has no MFA (password last used: ${lastUsed}).`,
        },
      });
    }
    return drafts;
  },
};
