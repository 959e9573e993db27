// iam-root-account-unprotected: the account's root user signs in without MFA, or has access keys.
// The root user can do everything in the account, including reading every bucket; it cannot be limited by IAM.
import type { Evidence } from '../src/model.js';
import type { AccountCheck } from './types.js';

export const iamRootAccountUnprotected: AccountCheck = {
  id: 'iam-root-account-unprotected',
  providers: ['aws'],
  severity: 'critical',
  title: {
    ja: 'ルートユーザーに MFA がない、又はアクセスキーがある',
    en: 'The root user has no MFA, or has access keys',
  },
  description: {
    ja:
      'AWS アカウントのルートユーザーに多要素認証（MFA）が設定されていない場合、又はルートユーザーのアクセスキーが存在する場合に検出します。' +
      'ルートユーザーは IAM で制限できず、すべてのバケットの個人データを読み取れるため、パスワードやキーの漏えいがそのまま個人データの漏えいにつながります。' +
      'GetAccountSummary（AccountMFAEnabled、AccountAccessKeysPresent）と認証情報レポートの <root_account> 行を根拠にします。',
    en:
      "Detects an AWS account whose root user has no multi-factor authentication (MFA), or has access keys. The root user " +
      'cannot be limited by IAM and can read the personal data in every bucket, so a leaked password or key is a leak of ' +
      'that data. Based on GetAccountSummary (AccountMFAEnabled, AccountAccessKeysPresent) and the <root_account> row of the credential report.',
  },
  remediation: {
    aws: {
      ja:
        'ルートユーザーに MFA（できればハードウェアキー又はパスキー）を設定し、ルートユーザーのアクセスキーは削除してください（IAM コンソールの「セキュリティ認証情報」）。' +
        '日常の作業には IAM Identity Center 又は IAM ロールを使い、ルートユーザーの認証情報は管理者を限定して保管してください。' +
        'AWS Organizations を使う場合は、メンバーアカウントのルートアクセスの一元管理も検討してください。',
      en:
        'Enable MFA for the root user (preferably a hardware key or passkey) and delete its access keys (IAM console, ' +
        '"Security credentials"). Use IAM Identity Center or IAM roles for daily work and keep the root credentials with ' +
        'a few named administrators. With AWS Organizations, consider centralized root access management for member accounts.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-2', 'GL-10-6-1'],
  runAccount(account) {
    if (!account.collected) return [];
    const { mfa, accessKeys } = account.root;
    const issues = { ja: [] as string[], en: [] as string[] };
    const evidence: Evidence[] = [];
    if (mfa === false) {
      issues.ja.push('MFA が設定されていません');
      issues.en.push('it has no MFA');
      evidence.push({ effect: 'info', source: 'identity', ref: 'root.mfa', message: 'root.mfa = false (GetAccountSummary AccountMFAEnabled = 0 / credential report mfa_active)', messageJa: 'root.mfa = false（GetAccountSummary の AccountMFAEnabled = 0／認証情報レポートの mfa_active）' });
    }
    if (accessKeys === true) {
      issues.ja.push('アクセスキーが存在します');
      issues.en.push('it has access keys');
      evidence.push({ effect: 'info', source: 'identity', ref: 'root.accessKeys', message: 'root.accessKeys = true (GetAccountSummary AccountAccessKeysPresent / credential report access_key_N_active)', messageJa: 'root.accessKeys = true（GetAccountSummary の AccountAccessKeysPresent／認証情報レポートの access_key_N_active）' });
    }
    if (evidence.length === 0) return [];
    return [
      {
        evidence,
        detail: {
          ja: `アカウント ${account.account} のルートユーザーは、${issues.ja.join('。また、')}。ルートユーザーはすべてのバケットの個人データを読み取れ、IAM では制限できません。`,
          en: `The root user of account ${account.account}: ${issues.en.join('; ')}. The root user can read the personal data in every bucket and cannot be limited by IAM.`,
        },
      },
    ];
  },
};
