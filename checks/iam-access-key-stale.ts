// iam-access-key-stale: an active access key older than 90 days, or not used for 90 days.
import type { AccountCheck, FindingDraft } from './types.js';

/** Days after which an active key is stale (age since creation or rotation; days without use). */
export const STALE_KEY_DAYS = 90;

export const iamAccessKeyStale: AccountCheck = {
  id: 'iam-access-key-stale',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: '90日を超えて更新されていない、又は使われていないアクセスキーがある',
    en: 'An access key is older than 90 days or unused for 90 days',
  },
  description: {
    ja:
      `有効なアクセスキーのうち、作成（ローテーション）から ${STALE_KEY_DAYS} 日を超えたもの、又は ${STALE_KEY_DAYS} 日を超えて使われていないもの（一度も使われていないキーは作成日から数えます）を、キーごとに検出します。` +
      '日数はスナップショットの取得時点で数えます（認証情報レポートの access_key_N_last_rotated と access_key_N_last_used_date）。長期間有効なキーは漏えいしても気付きにくく、不要なキーは攻撃の入口になります。',
    en:
      `Detects, per key, active access keys created or rotated more than ${STALE_KEY_DAYS} days ago, or unused for more than ` +
      `${STALE_KEY_DAYS} days (a key never used counts from its creation). Days are counted at the snapshot's collection time ` +
      '(credential report access_key_N_last_rotated and access_key_N_last_used_date). A long-lived key that leaks goes unnoticed; an unused key is an open door.',
  },
  remediation: {
    aws: {
      ja:
        '使われていないキーは無効化した上で削除してください（コマンドは無効化まで。削除は aws iam delete-access-key）。' +
        '必要なキーは新しいキーを作成して切り替え、古いキーを削除してください。可能であれば、アクセスキーの代わりに IAM ロール（EC2・ECS・Lambda のロール、IAM Roles Anywhere、IAM Identity Center）の一時的な認証情報を使ってください。',
      en:
        'Deactivate, then delete keys that are not used (the command deactivates; aws iam delete-access-key deletes). Rotate keys that are needed: create a new key, switch over, delete the old one. Where possible, ' +
        'use temporary credentials of IAM roles (EC2/ECS/Lambda roles, IAM Roles Anywhere, IAM Identity Center) instead of access keys.',
      commands: ['aws iam update-access-key --user-name {iam-name} --access-key-id "$ACCESS_KEY_ID" --status Inactive'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-2'],
  runAccount(account) {
    if (!account.collected || account.users === null) return [];
    const drafts: FindingDraft[] = [];
    for (const user of account.users) {
      for (const key of user.accessKeys ?? []) {
        if (!key.active) continue;
        const old = key.ageDays !== null && key.ageDays > STALE_KEY_DAYS;
        const idle = key.idleDays !== null && key.idleDays > STALE_KEY_DAYS;
        if (!old && !idle) continue;
        const ja: string[] = [];
        const en: string[] = [];
        if (old) {
          ja.push(`作成又はローテーションから ${key.ageDays} 日経過`);
          en.push(`created or rotated ${key.ageDays} days ago`);
        }
        if (idle) {
          ja.push(key.lastUsed ? `最後の使用から ${key.idleDays} 日経過` : `一度も使われないまま ${key.idleDays} 日経過`);
          en.push(key.lastUsed ? `last used ${key.idleDays} days ago` : `never used in ${key.idleDays} days`);
        }
        drafts.push({
          resourceId: user.id,
          suffix: `key-${key.slot}`,
          evidence: [
            {
              effect: 'info',
              source: 'credential-report',
              ref: `${user.name} access_key_${key.slot}`,
              message: `active; last rotated ${key.lastRotated ?? 'unknown'}; last used ${key.lastUsed ?? 'never'} (as of ${account.asOf ?? 'unknown'})`,
              messageJa: `有効。最終ローテーション ${key.lastRotated ?? '不明'}、最終使用 ${key.lastUsed ?? 'なし'}（${account.asOf ?? '不明'}現在）`,
            },
          ],
          detail: {
            ja: `IAM ユーザー ${user.name} のアクセスキー ${key.slot} は有効で、${ja.join('、')}しています（${account.asOf ?? '取得時点'}現在）。`,
            en: `Access key ${key.slot} of IAM user ${user.name} is active and was ${en.join(', and ')} (as of ${account.asOf ?? 'collection'}).`,
          },
        });
      }
    }
    return drafts;
  },
};
