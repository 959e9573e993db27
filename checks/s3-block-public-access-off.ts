// s3-block-public-access-off: the bucket's own Block Public Access leaves flags off.
//
// Block Public Access exists at two levels, and a flag takes effect when the account OR the bucket sets it.
// The account level is reported by a separate check, s3-account-block-public-access-off (see that file for why
// it is phrased per bucket). This check reports only the bucket's own setting. When the account setting covers
// every flag the bucket leaves off, the bucket is protected today and the finding is lowered to `low`
// (defence in depth: the bucket would be unprotected as soon as the account setting changed).
import type { Check } from './types.js';
import { BUCKET_BPA_COMMAND, bpaFlagsOff, bpaFlagsText, joinList, settingEvidence } from './helpers.js';
import type { Evidence } from '../src/model.js';

export const s3BlockPublicAccessOff: Check = {
  id: 's3-block-public-access-off',
  providers: ['aws'],
  severity: 'medium',
  title: {
    ja: 'バケットのブロックパブリックアクセスが一部又は全部無効',
    en: 'Bucket-level Block Public Access is partly or fully off',
  },
  description: {
    ja:
      'バケット単位の S3 ブロックパブリックアクセスの4項目（BlockPublicAcls、IgnorePublicAcls、BlockPublicPolicy、RestrictPublicBuckets）のうち無効なものを検出します。' +
      '各項目はアカウント又はバケットのどちらかで有効なら効果を持ちます。アカウント側の設定は s3-account-block-public-access-off で扱います。',
    en:
      'Detects which of the four bucket-level S3 Block Public Access flags (BlockPublicAcls, IgnorePublicAcls, ' +
      'BlockPublicPolicy, RestrictPublicBuckets) are off. A flag takes effect when either the account or the bucket ' +
      'sets it; the account setting is covered by s3-account-block-public-access-off.',
  },
  remediation: {
    aws: {
      ja:
        '4項目をすべて有効にしてください。' +
        '有効にすると既存の公開 ACL・公開バケットポリシーによるアクセスも止まるため、意図して公開しているコンテンツがあれば、先に CloudFront のオリジンアクセスコントロール（OAC）経由の配信に切り替えてください。',
      en:
        'Turn on all four flags. ' +
        'This also stops access through existing public ACLs and public bucket policies: move content that is public on ' +
        'purpose to CloudFront with origin access control (OAC) first.',
      commands: [BUCKET_BPA_COMMAND],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  run(resource) {
    const bucket = resource.guards.bucketBlockPublicAccess;
    if (!bucket) return []; // null: unknown (not-verified reports it); undefined: not an S3 bucket
    const off = bpaFlagsOff(bucket);
    if (off.length === 0) return [];
    const account = resource.guards.accountBlockPublicAccess;
    const evidence: Evidence[] = [
      settingEvidence('guards.bucketBlockPublicAccess', bucket, { en: `bucket-level flags off: ${joinList(off, 'en')}`, ja: `バケットで無効な項目: ${joinList(off, 'ja')}` }),
    ];
    if (account) {
      const accountOff = bpaFlagsOff(account);
      evidence.push(
        settingEvidence(
          'guards.accountBlockPublicAccess',
          account,
          { en: accountOff.length === 0 ? 'account-level flags all on' : `account-level flags off: ${joinList(accountOff, 'en')}`, ja: accountOff.length === 0 ? 'アカウントの項目はすべて有効です' : `アカウントで無効な項目: ${joinList(accountOff, 'ja')}` },
        ),
      );
    }
    const flags = bpaFlagsText(off);
    const name = resource.name;
    if (account && off.every((f) => account[f] === true)) {
      return [
        {
          severity: 'low',
          evidence,
          detail: {
            ja:
              `バケット「${name}」のブロックパブリックアクセスで次の項目が無効です: ${flags.ja}。` +
              'いずれもアカウントの設定で有効になっているため現時点では保護されていますが、アカウントの設定が変更されるとこのバケットは保護を失います。',
            en:
              `Bucket "${name}" has these Block Public Access flags off: ${flags.en}. The account setting turns all of them ` +
              'on, so the bucket is protected today, but it loses that protection as soon as the account setting changes.',
          },
        },
      ];
    }
    const accountNote: { ja: string; en: string } = account
      ? {
          ja: 'アカウントの設定でも補われていない項目があり、その保護はこのバケットで実際に無効です（s3-account-block-public-access-off も参照）。',
          en: 'The account setting does not make up for all of them, so that protection is really off for this bucket (see also s3-account-block-public-access-off).',
        }
      : {
          ja: 'アカウントの設定は確認できなかったため、アカウント側で補われているかは不明です。',
          en: 'The account setting could not be read, so whether the account makes up for them is unknown.',
        };
    return [
      {
        evidence,
        detail: {
          ja: `バケット「${name}」のブロックパブリックアクセスで次の項目が無効です: ${flags.ja}。${accountNote.ja}`,
          en: `Bucket "${name}" has these Block Public Access flags off: ${flags.en}. ${accountNote.en}`,
        },
      },
    ];
  },
};
