// iam-password-policy-weak: the account password policy is missing, allows passwords shorter than 14 characters, or
// does not prevent reuse.
import type { AccountCheck } from './types.js';

export const MIN_PASSWORD_LENGTH = 14;

export const iamPasswordPolicyWeak: AccountCheck = {
  id: 'iam-password-policy-weak',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: 'パスワードポリシーが弱い（14文字未満、又は再利用を防止しない）',
    en: 'The password policy is weak (shorter than 14 characters, or reuse allowed)',
  },
  description: {
    ja:
      `IAM のパスワードポリシーが設定されていない場合、最小文字数が ${MIN_PASSWORD_LENGTH} 文字未満の場合、又はパスワードの再利用を防止していない場合に検出します。` +
      'ポリシーがなければ AWS の既定（8文字以上、再利用の防止なし）が適用されます。コンソールにパスワードでサインインできる IAM ユーザーがいない場合は重要度を「低」にします。',
    en:
      `Detects an account without an IAM password policy, or whose policy allows passwords shorter than ${MIN_PASSWORD_LENGTH} ` +
      "characters or does not prevent reuse. Without a policy AWS's defaults apply (8 characters, no reuse prevention). The " +
      'severity is low when no IAM user has a console password.',
  },
  remediation: {
    aws: {
      ja:
        `パスワードポリシーで最小文字数を ${MIN_PASSWORD_LENGTH} 文字以上にし、パスワードの再利用防止（例: 直近 24 個）を設定してください` +
        '（コマンドで指定しなかった項目は既定に戻るため、現在の設定とあわせて指定してください）。' +
        'あわせて MFA を必須にし、可能であれば IAM ユーザーのパスワードをやめて IAM Identity Center に移行してください。',
      en:
        `Set the password policy's minimum length to ${MIN_PASSWORD_LENGTH} or more and prevent reuse (e.g. the last 24) ` +
        '(options left out of the command return to their defaults, so add the current ones). Require MFA too, and where possible replace IAM user passwords with IAM Identity Center.',
      commands: [`aws iam update-account-password-policy --minimum-password-length ${MIN_PASSWORD_LENGTH} --password-reuse-prevention 24`],
    },
  },
  duties: ['APPI-23', 'GL-10-6-2'],
  runAccount(account) {
    const policy = account.passwordPolicy;
    if (!account.collected || policy === null) return [];
    const ja: string[] = [];
    const en: string[] = [];
    if (!policy.present) {
      ja.push('パスワードポリシーが設定されていません（既定: 8文字以上、再利用の防止なし）');
      en.push('no password policy is set (defaults: 8 characters, no reuse prevention)');
    } else {
      if (policy.minimumLength === null || policy.minimumLength < MIN_PASSWORD_LENGTH) {
        ja.push(`最小文字数が ${policy.minimumLength ?? '未設定'} です（${MIN_PASSWORD_LENGTH} 文字未満）`);
        en.push(`the minimum length is ${policy.minimumLength ?? 'unset'} (under ${MIN_PASSWORD_LENGTH})`);
      }
      if (policy.reusePrevention === null || policy.reusePrevention < 1) {
        ja.push('パスワードの再利用を防止していません');
        en.push('password reuse is not prevented');
      }
    }
    if (ja.length === 0) return [];
    const consoleUsers = account.users === null ? null : account.users.filter((u) => u.consoleAccess === true).length;
    return [
      {
        severity: consoleUsers === 0 ? 'low' : undefined,
        evidence: [
          {
            effect: 'info',
            source: 'identity',
            ref: 'GetAccountPasswordPolicy',
            message: policy.present
              ? `MinimumPasswordLength=${policy.minimumLength ?? 'unset'}, PasswordReusePrevention=${policy.reusePrevention ?? 'unset'}`
              : 'NoSuchEntity: the account has no password policy',
            messageJa: policy.present
              ? `MinimumPasswordLength=${policy.minimumLength ?? '未設定'}、PasswordReusePrevention=${policy.reusePrevention ?? '未設定'}`
              : 'NoSuchEntity: アカウントにパスワードポリシーがありません',
          },
        ],
        detail: {
          ja: `アカウント ${account.account} のパスワードポリシー: ${ja.join('。')}。` + (consoleUsers === null ? '' : `コンソールにパスワードでサインインできる IAM ユーザーは ${consoleUsers} 人です。`),
          en: `Password policy of account ${account.account}: ${en.join('; ')}.` + (consoleUsers === null ? '' : ` ${consoleUsers} IAM user(s) can sign in to the console with a password.`),
        },
      },
    ];
  },
};
