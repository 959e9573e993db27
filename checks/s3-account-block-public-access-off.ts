// s3-account-block-public-access-off: the account-level Block Public Access leaves flags off that this bucket
// does not set itself, so the bucket really depends on the account setting for them.
//
// Why per bucket: a check sees one resource at a time and the registry does not deduplicate findings across
// resources, so an "account setting is off" finding would be repeated, identically, on every bucket of the
// account (and fire even for buckets whose own setting makes the account setting irrelevant). Instead this check
// fires on a bucket only when the account leaves a flag off AND the bucket does not set that flag either, and it
// names exactly those flags. Every finding is therefore a real gap of that bucket; turning the flags on at the
// account (or on the bucket) closes it. The bucket's own setting is reported by s3-block-public-access-off.
import type { Check } from './types.js';
import { ACCOUNT_BPA_COMMAND, bpaFlagsOff, bpaFlagsText, joinList, settingEvidence } from './helpers.js';

export const s3AccountBlockPublicAccessOff: Check = {
  id: 's3-account-block-public-access-off',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: 'アカウントのブロックパブリックアクセスが無効で、バケット側でも補われていない',
    en: 'Account-level Block Public Access is off and the bucket does not make up for it',
  },
  description: {
    ja:
      'アカウント単位の S3 ブロックパブリックアクセスで無効な項目のうち、バケット単位でも有効になっていない（＝このバケットの保護がアカウント設定に依存している）項目をバケットごとに検出します。',
    en:
      'For each bucket, detects the account-level S3 Block Public Access flags that are off and that the bucket does not ' +
      'turn on itself either (that is, the bucket depends on the account setting for them).',
  },
  remediation: {
    aws: {
      ja:
        'アカウントのブロックパブリックアクセスの4項目をすべて有効にしてください。' +
        'アカウントのすべてのバケットに効くため、意図して公開しているバケット（静的ウェブサイト等）があれば、先に CloudFront のオリジンアクセスコントロール（OAC）経由の配信に切り替えてください。' +
        'AWS Organizations を使っている場合は、SCP で s3:PutAccountPublicAccessBlock を拒否して設定の変更を防ぐことも検討してください。',
      en:
        'Turn on all four account-level Block Public Access flags. ' +
        'This applies to every bucket of the account: move buckets that are public on purpose (static websites etc.) to ' +
        'CloudFront with origin access control (OAC) first. With AWS Organizations, consider an SCP that denies ' +
        's3:PutAccountPublicAccessBlock so the setting cannot be changed back.',
      commands: [ACCOUNT_BPA_COMMAND],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  run(resource) {
    const account = resource.guards.accountBlockPublicAccess;
    const bucket = resource.guards.bucketBlockPublicAccess;
    // Either side unknown: whether the bucket depends on the account cannot be told (not-verified reports it).
    if (!account || !bucket) return [];
    const dependent = bpaFlagsOff(account).filter((f) => bucket[f] !== true);
    if (dependent.length === 0) return [];
    const flags = bpaFlagsText(dependent);
    return [
      {
        evidence: [
          settingEvidence('guards.accountBlockPublicAccess', account, { en: `account-level flags off: ${joinList(bpaFlagsOff(account), 'en')}`, ja: `アカウントで無効な項目: ${joinList(bpaFlagsOff(account), 'ja')}` }),
          settingEvidence('guards.bucketBlockPublicAccess', bucket, { en: `not set on the bucket either: ${joinList(dependent, 'en')}`, ja: `バケットでも有効になっていない項目: ${joinList(dependent, 'ja')}` }),
        ],
        detail: {
          ja:
            `アカウント ${resource.account} のブロックパブリックアクセスで無効な次の項目は、バケット「${resource.name}」でも有効になっていないため、このバケットでは実際に無効です: ${flags.ja}。`,
          en:
            `These Block Public Access flags are off at account ${resource.account} and bucket "${resource.name}" does not ` +
            `turn them on either, so they are really off for this bucket: ${flags.en}.`,
        },
      },
    ];
  },
};
