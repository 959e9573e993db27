// public-acl-write: anyone can change the ACLs (S3 WRITE_ACP, GCS setIamPolicy), i.e. grant themselves anything.
import type { Check } from './types.js';
import { exposureDrafts, makePrivateRemediation } from './helpers.js';

export const publicAclWrite: Check = {
  id: 'public-acl-write',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'critical',
  title: {
    ja: 'バケットのアクセス権限（ACL）を誰でも変更できる',
    en: "Anyone can change the bucket's access control (ACL)",
  },
  description: {
    ja: '誰でも（匿名の利用者、又は任意のアカウントの認証済み主体）がバケットやオブジェクトの ACL・IAM ポリシーを変更できる設定（S3 の WRITE_ACP、GCS の setIamPolicy）を検出します。',
    en: 'Detects a configuration under which anyone (an anonymous caller, or any authenticated principal of any account) can change the ACL or IAM policy of the bucket or its objects (S3 WRITE_ACP, GCS setIamPolicy).',
  },
  remediation: makePrivateRemediation('aclWrite', {
    ja: '修正後、ACL・IAM ポリシーに身に覚えのない付与が追加されていないか確認してください。',
    en: 'After the fix, check the ACLs and IAM policy for grants nobody in your organization added.',
  }),
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run: (resource) =>
    exposureDrafts(resource, 'aclWrite', (name, refs) => ({
      ja:
        `「${name}」のアクセス権限は誰でも変更できる状態です（根拠: ${refs.ja}）。` +
        '第三者が自分自身に読取・書込の権限を与えられるため、現時点で読取が公開されていなくても、実質的に公開されているのと同じです。',
      en:
        `Anyone can change the access control of "${name}" (evidence: ${refs.en}). Others can grant themselves read ` +
        'and write access, so even if reads are not public today, the bucket is effectively public.',
    })),
};
