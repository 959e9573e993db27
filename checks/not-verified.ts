// not-verified: settings the other checks need could not be determined. The other checks return nothing on an
// unknown (null) input — a check never guesses — and this check reports every such attribute, once per resource,
// with the calls that failed.
import type { Check } from './types.js';
import { joinI18n, unknownAttributes } from './helpers.js';
import type { Evidence } from '../src/model.js';

export const notVerified: Check = {
  id: 'not-verified',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'medium',
  title: {
    ja: '設定を確認できなかった項目がある',
    en: 'Some settings could not be verified',
  },
  description: {
    ja:
      '権限不足や API の未対応等により判定に必要な設定を取得できず、合格とも不合格とも判定できなかった項目を、失敗した API 呼び出しとともにリソースごとに報告します。' +
      '公開状態（読取・一覧・書込・ACL 変更）を確認できない場合は、誰でも読み取れる状態である可能性を否定できないため重要度を「高」にします。',
    en:
      'Reports, per resource, the settings that could not be read (missing permissions, an API the store does not ' +
      'implement …) and so were judged neither pass nor fail, with the calls that failed. When the public exposure ' +
      '(read, list, write, ACL change) cannot be verified, the resource might be readable by anyone, and the severity is high.',
  },
  remediation: {
    aws: {
      ja:
        'スキャンに使う IAM 主体に読取専用の権限を付与して再スキャンしてください' +
        '（s3:ListAllMyBuckets、s3:GetBucketLocation、s3:GetBucketPolicy、s3:GetBucketPolicyStatus、s3:GetBucketAcl、s3:GetBucketPublicAccessBlock、s3:GetAccountPublicAccessBlock、' +
        's3:GetBucketOwnershipControls、s3:GetEncryptionConfiguration、s3:GetBucketVersioning、s3:GetBucketLogging、s3:GetBucketObjectLockConfiguration、s3:GetBucketWebsite、' +
        's3:GetLifecycleConfiguration、s3:GetReplicationConfiguration、s3:GetBucketTagging）。' +
        '権限があっても拒否される場合は、バケットポリシーの明示的な Deny や SCP・アクセス許可の境界を確認してください。' +
        'S3 互換ストレージで NotImplemented となる項目は、その製品の管理画面や仕様で確認してください。',
      en:
        'Give the scanning IAM principal read-only permissions and scan again (s3:ListAllMyBuckets, s3:GetBucketLocation, ' +
        's3:GetBucketPolicy, s3:GetBucketPolicyStatus, s3:GetBucketAcl, s3:GetBucketPublicAccessBlock, ' +
        's3:GetAccountPublicAccessBlock, s3:GetBucketOwnershipControls, s3:GetEncryptionConfiguration, ' +
        's3:GetBucketVersioning, s3:GetBucketLogging, s3:GetBucketObjectLockConfiguration, s3:GetBucketWebsite, ' +
        's3:GetLifecycleConfiguration, s3:GetReplicationConfiguration, s3:GetBucketTagging). If calls ' +
        'are still denied, look for an explicit Deny in the bucket policy, an SCP or a permissions boundary. For ' +
        "S3-compatible stores, check items that return NotImplemented in the product's own console or documentation.",
    },
    default: {
      ja:
        'スキャンに使う主体に、バケットの設定を読み取る読取専用の権限を付与して再スキャンしてください。権限があっても拒否される場合は、組織のポリシー等による明示的な拒否を確認してください。',
      en:
        'Give the scanning principal read-only permission to read the bucket configuration and scan again. If calls are still denied, look for an explicit deny, e.g. from an organization policy.',
    },
  },
  duties: ['APPI-23', 'GL-10-3-3'],
  run(resource) {
    const unknown = unknownAttributes(resource);
    if (unknown.length === 0) return [];
    const mightBePublic = unknown.some((a) => a.exposure === true);
    const names = joinI18n(unknown.map((a) => a.name));
    const errors = resource.errors;
    const evidence: Evidence[] = [
      ...errors.map(
        (e): Evidence => ({ effect: 'unknown', source: 'collect', ref: e.call, message: `${e.code}: ${e.message}`, messageJa: e.messageJa ?? `${e.call} に失敗しました（${e.code}）: 「${e.message}」` }),
      ),
      // What normalize recorded about an undetermined verdict (e.g. a policy it could not parse).
      ...resource.exposure.evidence.filter((e) => e.effect === 'unknown'),
    ];
    const calls = errors.map((e) => `${e.call}（${e.code}）`).join('、');
    const callsEn = errors.map((e) => `${e.call} (${e.code})`).join(', ');
    const name = resource.name;
    return [
      {
        severity: mightBePublic ? 'high' : undefined,
        evidence,
        detail: {
          ja:
            `「${name}」について次の項目を確認できませんでした: ${names.ja}。` +
            (errors.length > 0
              ? `失敗した API 呼び出し: ${calls}。`
              : '失敗した API 呼び出しは記録されていません（判定できなかった理由は根拠を参照してください）。') +
            (mightBePublic ? '公開状態を確認できないため、誰でも読み取れる状態である可能性を否定できません。' : '') +
            'これらの項目は合格とも不合格とも判定していません。',
          en:
            `These settings of "${name}" could not be verified: ${names.en}. ` +
            (errors.length > 0
              ? `Failed calls: ${callsEn}. `
              : 'No failed call was recorded (see the evidence for why they could not be determined). ') +
            (mightBePublic ? 'Because the public exposure could not be verified, the resource might be readable by anyone. ' : '') +
            'They were judged neither pass nor fail.',
        },
      },
    ];
  },
};
