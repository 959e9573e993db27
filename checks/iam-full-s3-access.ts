// iam-full-s3-access: an IAM user or role allowed every S3 action (`s3:*` or `*`) on every resource — every bucket,
// including every bucket of personal data, now and in the future.
import type { BroadGrant, Evidence, Severity } from '../src/model.js';
import type { AccountCheck, FindingDraft } from './types.js';

function grantText(g: BroadGrant): string {
  const where = g.policyType === 'managed' ? g.policy : `inline ${g.policy}`;
  return `${where} ${g.statement}${g.via ? ` (group ${g.via})` : ''}`;
}

function severityOf(grants: readonly BroadGrant[]): Severity | undefined {
  if (grants.every((g) => g.limitedByBoundary === true)) return 'low';
  if (grants.every((g) => g.conditions.length > 0)) return 'medium';
  return undefined;
}

export const iamFullS3Access: AccountCheck = {
  id: 'iam-full-s3-access',
  providers: ['aws'],
  severity: 'high',
  title: {
    ja: 'すべてのリソースに対して s3:* 又は * を許可された IAM ユーザー・ロールがある',
    en: 'An IAM user or role is allowed s3:* or * on all resources',
  },
  description: {
    ja:
      'アイデンティティベースのポリシー（グループ経由を含む）で、すべての S3 操作（"s3:*"、"*"、S3 を除外しない NotAction）をすべてのリソース（"*"、"arn:aws:s3:::*"）に許可されている IAM ユーザー・ロールを検出します。' +
      'そのアカウントのすべてのバケット（将来作られるものを含む）の個人データを読み書きできるため、アクセス制御（必要最小限の権限）の観点で見直しが必要です。' +
      '条件付きの許可だけの場合は「中」、アクセス許可の境界で制限されている場合は「低」にします。',
    en:
      'Detects IAM users and roles whose identity-based policies (including their groups\') allow every S3 action ("s3:*", ' +
      '"*", a NotAction that leaves S3 in) on every resource ("*", "arn:aws:s3:::*"). They can read and write the personal ' +
      'data of every bucket of the account, including buckets created later: review against least privilege. Only ' +
      'conditional grants lower the severity to medium; a permissions boundary that limits them, to low.',
  },
  remediation: {
    aws: {
      ja:
        '必要なバケット（arn:aws:s3:::バケット名、arn:aws:s3:::バケット名/プレフィックス/*）と操作（s3:GetObject 等）に絞ったポリシーに置き換えてください。' +
        'AdministratorAccess 等の広い権限が必要な管理者は人数を限定し、MFA を必須にし、個人データのバケットにはバケットポリシーで aws:PrincipalArn による明示的な Deny を設けることも検討してください。' +
        'IAM Access Analyzer の未使用アクセスの分析やポリシー生成も利用できます。',
      en:
        'Replace the policy with one limited to the buckets (arn:aws:s3:::BUCKET, arn:aws:s3:::BUCKET/PREFIX/*) and ' +
        'actions (s3:GetObject …) needed. Keep administrators with broad policies such as AdministratorAccess few and ' +
        'MFA-protected, and consider an explicit Deny on aws:PrincipalArn in the bucket policy of personal-data buckets. ' +
        "IAM Access Analyzer's unused-access findings and policy generation can help.",
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  runAccount(account) {
    if (!account.collected) return [];
    const drafts: FindingDraft[] = [];
    const identities = [
      ...(account.users ?? []).map((u) => ({ id: u.id, name: u.name, kind: { ja: 'IAM ユーザー', en: 'IAM user' }, grants: u.broadGrants })),
      ...(account.roles ?? []).map((r) => ({ id: r.id, name: r.name, kind: { ja: 'IAM ロール', en: 'IAM role' }, grants: r.broadGrants })),
    ];
    for (const identity of identities) {
      if (identity.grants.length === 0) continue;
      const refs = identity.grants.map(grantText);
      const evidence: Evidence[] = identity.grants.map((g) => ({
        effect: 'grants',
        source: 'identity-policy',
        ref: grantText(g),
        message:
          `Allow ${g.actions.join(', ')} on all resources` +
          (g.conditions.length > 0 ? ` under ${g.conditions.join(', ')} (not evaluated)` : '') +
          (g.limitedByBoundary === true ? '; limited by the permissions boundary' : g.limitedByBoundary === null ? '; the permissions boundary could not be read' : ''),
        messageJa:
          `すべてのリソースに ${g.actions.join('、')} を許可` +
          (g.conditions.length > 0 ? `（条件 ${g.conditions.join('、')} 付き。評価していません）` : '') +
          (g.limitedByBoundary === true ? '。アクセス許可の境界で制限されています' : g.limitedByBoundary === null ? '。アクセス許可の境界を読み取れませんでした' : ''),
      }));
      const bounded = identity.grants.every((g) => g.limitedByBoundary === true);
      drafts.push({
        resourceId: identity.id,
        severity: severityOf(identity.grants),
        evidence,
        detail: {
          ja:
            `${identity.kind.ja} ${identity.name}（${identity.id}）は、すべてのリソースに対するすべての S3 操作を許可されています（根拠: ${refs.join('、')}）。` +
            (bounded ? 'ただし、アクセス許可の境界によって制限されています。' : 'このアカウントのすべてのバケットの個人データを読み書きできます。'),
          en:
            `${identity.kind.en} ${identity.name} (${identity.id}) is allowed every S3 action on all resources (evidence: ${refs.join('; ')}). ` +
            (bounded ? 'Its permissions boundary limits this, though.' : 'It can read and write the personal data in every bucket of the account.'),
        },
      });
    }
    return drafts;
  },
};
