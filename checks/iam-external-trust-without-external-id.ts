// iam-external-trust-without-external-id: a role that another AWS account may assume, with no sts:ExternalId condition
// (the confused-deputy protection AWS recommends for roles given to a third party, such as a vendor's maintenance ID).
import type { AccountCheck, FindingDraft } from './types.js';

export const iamExternalTrustWithoutExternalId: AccountCheck = {
  id: 'iam-external-trust-without-external-id',
  providers: ['aws'],
  severity: 'high',
  title: {
    ja: '他の AWS アカウントが外部 ID なしで引き受けられるロールがある',
    en: 'Another AWS account can assume a role without an external ID',
  },
  description: {
    ja:
      '信頼ポリシーが他の AWS アカウント（又はそのロール・ユーザー）に引き受けを許可し、sts:ExternalId の条件がない IAM ロールを検出します。' +
      '保守事業者等の第三者に渡すロールでは、外部 ID がないと「混乱した代理」の問題により、その事業者の他の顧客等がロールを利用できるおそれがあります。' +
      'aws:PrincipalOrgID 等で自組織内に限定されている場合は重要度を「低」にします。',
    en:
      'Detects IAM roles whose trust policy lets another AWS account (or its roles or users) assume them without an ' +
      "sts:ExternalId condition. For a role given to a third party such as a maintenance vendor, no external ID leaves the " +
      "confused-deputy problem open: others served by that party could use the role. Trust pinned to your organization " +
      '(aws:PrincipalOrgID …) lowers the severity to low.',
  },
  remediation: {
    aws: {
      ja:
        '第三者に渡すロールの信頼ポリシーに、その事業者が顧客ごとに発行する外部 ID の条件（"Condition": {"StringEquals": {"sts:ExternalId": "<ID>"}}）を加えてください。' +
        'あわせて、ロールの権限を必要なバケット・プレフィックス・操作に絞り、委託先であれば委託契約と監督（法第25条）を文書化してください。自社の別アカウントであれば aws:PrincipalOrgID で組織内に限定してください。',
      en:
        "Add the external ID the vendor issues for you to the role's trust policy (\"Condition\": {\"StringEquals\": " +
        '{"sts:ExternalId": "<ID>"}}). Narrow the role\'s permissions to the buckets, prefixes and actions it needs, and if the ' +
        'party is an entrustee (委託先), document the contract and supervision (APPI Art. 25). For your own other accounts, pin the trust with aws:PrincipalOrgID.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  runAccount(account) {
    if (!account.collected || account.roles === null) return [];
    const drafts: FindingDraft[] = [];
    for (const role of account.roles) {
      const open = role.trust.filter((t) => t.external && (t.kind === 'aws-account' || t.kind === 'aws-iam') && !t.externalId);
      if (open.length === 0) continue;
      const accounts = [...new Set(open.map((t) => t.account ?? t.principal))];
      drafts.push({
        resourceId: role.id,
        severity: open.every((t) => t.pinned) ? 'low' : undefined,
        evidence: open.map((t) => ({
          effect: 'grants' as const,
          source: 'trust-policy',
          ref: t.statement,
          message: `trust admits ${t.principal} (account ${t.account ?? 'unknown'}) without sts:ExternalId${t.conditions.length > 0 ? `; conditions: ${t.conditions.join(', ')}` : ''}`,
          messageJa: `信頼ポリシーは ${t.principal}（アカウント ${t.account ?? '不明'}）を sts:ExternalId なしで受け入れます${t.conditions.length > 0 ? `。条件: ${t.conditions.join('、')}` : ''}`,
        })),
        detail: {
          ja: `IAM ロール ${role.name}（${role.id}）は、他の AWS アカウント ${accounts.join('、')} から外部 ID（sts:ExternalId）なしで引き受けられます。`,
          en: `IAM role ${role.name} (${role.id}) can be assumed from other AWS account(s) ${accounts.join(', ')} without an external ID (sts:ExternalId).`,
        },
      });
    }
    return drafts;
  },
};
