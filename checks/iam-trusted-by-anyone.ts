// iam-trusted-by-anyone: a role whose trust policy lets anyone assume it — `*`, {"AWS":"*"}, NotPrincipal, or a public
// web identity provider without a condition — unless a condition pins the caller to fixed accounts or an organization.
import type { AccountCheck, FindingDraft } from './types.js';

export const iamTrustedByAnyone: AccountCheck = {
  id: 'iam-trusted-by-anyone',
  providers: ['aws'],
  severity: 'critical',
  title: {
    ja: 'ロールを誰でも引き受けられる（信頼ポリシーが * を許可）',
    en: 'Anyone can assume a role (the trust policy admits *)',
  },
  description: {
    ja:
      '信頼ポリシーが任意の主体（"*"、{"AWS":"*"}、NotPrincipal、条件のない公開 ID プロバイダー）にロールの引き受けを許可している IAM ロールを検出します。' +
      'aws:PrincipalOrgID、aws:PrincipalAccount、aws:SourceAccount 等の固定値の条件で呼び出し元が限定されている場合は対象外です。' +
      'それ以外の条件（sts:ExternalId だけ等）がある場合は重要度を「高」にします。IAM ユーザーには信頼ポリシーがないため、この検査の対象はロールです。',
    en:
      'Detects IAM roles whose trust policy lets any principal assume them ("*", {"AWS":"*"}, NotPrincipal, a public web ' +
      'identity provider without a condition). Roles whose condition pins the caller to fixed values (aws:PrincipalOrgID, ' +
      'aws:PrincipalAccount, aws:SourceAccount …) are not reported. Other conditions (only sts:ExternalId, say) lower the ' +
      'severity to high. IAM users have no trust policy, so the check covers roles.',
  },
  remediation: {
    aws: {
      ja:
        '信頼ポリシーの Principal を、引き受けを認める特定のアカウント又はロールの ARN に置き換えてください（コマンドの trust-policy.json に新しい信頼ポリシーを書きます）。' +
        '組織内に限る場合は aws:PrincipalOrgID の条件を加え、外部の事業者には sts:ExternalId の条件を必須にしてください。不要なロールは削除してください。',
      en:
        "Replace the trust policy's Principal with the ARNs of the accounts or roles that may assume the role (write the new " +
        'trust policy into the trust-policy.json the command reads). To stay within your organization add an aws:PrincipalOrgID condition; require an ' +
        'sts:ExternalId condition for outside parties. Delete roles that are not needed.',
      commands: ['aws iam update-assume-role-policy --role-name {iam-name} --policy-document file://trust-policy.json'],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  runAccount(account) {
    if (!account.collected || account.roles === null) return [];
    const drafts: FindingDraft[] = [];
    for (const role of account.roles) {
      const open = role.trust.filter((t) => t.kind === 'anyone' && !t.pinned);
      if (open.length === 0) continue;
      const conditional = open.every((t) => t.conditions.length > 0);
      const what = open.map((t) => `${t.statement}: ${t.principal}${t.conditions.length > 0 ? ` (${t.conditions.join(', ')})` : ''}`);
      drafts.push({
        resourceId: role.id,
        severity: conditional ? 'high' : undefined,
        evidence: open.map((t) => ({
          effect: 'grants' as const,
          source: 'trust-policy',
          ref: t.statement,
          message: `trust admits ${t.principal}${t.conditions.length > 0 ? ` under ${t.conditions.join(', ')} (does not pin the caller)` : ' without condition'}`,
          messageJa: `信頼ポリシーは ${t.principal} を${t.conditions.length > 0 ? `条件 ${t.conditions.join('、')} 付きで受け入れます（呼び出し元を限定しません）` : '条件なしで受け入れます'}`,
        })),
        detail: {
          ja: `IAM ロール ${role.name}（${role.id}）の信頼ポリシーは、任意の主体による引き受けを許可しています（${what.join('、')}）。このロールが読み取れる個人データは、誰でも読み取れる状態です。`,
          en: `The trust policy of IAM role ${role.name} (${role.id}) lets anyone assume it (${what.join('; ')}). Any personal data the role can read is readable by anyone.`,
        },
      });
    }
    return drafts;
  },
};
