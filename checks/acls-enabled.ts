// acls-enabled: ACLs take effect (AWS: Object Ownership is not BucketOwnerEnforced; GCS: uniform bucket-level access off).
import type { Check } from './types.js';
import { BUCKET_OWNER_ENFORCED_COMMAND, GCS_UNIFORM_ACCESS_COMMAND, settingEvidence } from './helpers.js';

export const aclsEnabled: Check = {
  id: 'acls-enabled',
  providers: ['aws', 'gcp'],
  severity: 'low',
  title: {
    ja: 'ACL が有効になっている',
    en: 'ACLs are enabled',
  },
  description: {
    ja:
      'バケットやオブジェクトの ACL が有効な設定を検出します（S3: オブジェクト所有者が「バケット所有者の強制」（BucketOwnerEnforced）でない、GCS: 均一なバケットレベルのアクセスが無効）。' +
      'ACL が有効だと、ポリシーとは別にオブジェクト単位で権限を付与でき、アクセス権限の全体を一か所で把握できません。',
    en:
      'Detects buckets where bucket and object ACLs take effect (S3: Object Ownership is not BucketOwnerEnforced; GCS: ' +
      'uniform bucket-level access is off). With ACLs on, permissions can be granted per object outside the policy, so ' +
      'no single place shows who can access the data.',
  },
  remediation: {
    aws: {
      ja:
        'オブジェクト所有者を「バケット所有者の強制」（BucketOwnerEnforced）にして ACL を無効化してください。' +
        'バケット ACL が所有者以外に権限を付与していると変更は失敗する（InvalidBucketAclWithObjectOwnership）ため、必要な権限は先にバケットポリシーへ移してください。',
      en:
        'Set Object Ownership to BucketOwnerEnforced to disable ACLs. ' +
        'The change fails (InvalidBucketAclWithObjectOwnership) while the bucket ACL grants anything to someone other ' +
        'than the owner: move the permissions still needed to the bucket policy first.',
      commands: [BUCKET_OWNER_ENFORCED_COMMAND],
    },
    gcp: {
      ja: '均一なバケットレベルのアクセスを有効にしてください。ACL で付与していた権限のうち必要なものは、先に IAM のバインディングへ移してください。',
      en: 'Enable uniform bucket-level access. Move the permissions still needed from ACLs to IAM bindings first.',
      commands: [GCS_UNIFORM_ACCESS_COMMAND],
    },
    default: {
      ja: 'ACL を無効化し、アクセス権限をポリシー（IAM）に一元化してください。',
      en: 'Disable ACLs and manage all access in the policy (IAM) alone.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-1'],
  run(resource) {
    if (resource.guards.aclsEnabled !== true) return [];
    const name = resource.name;
    const evidence = [settingEvidence('guards.aclsEnabled', true, { en: 'bucket and object ACLs take effect', ja: 'バケットとオブジェクトの ACL が有効に働きます' })];
    if (resource.provider === 'aws') {
      // No OwnershipControls at all means the legacy default, ObjectWriter.
      const ownership = resource.guards.objectOwnership ?? null;
      evidence.push(settingEvidence('guards.objectOwnership', ownership, { en: 'not BucketOwnerEnforced', ja: 'BucketOwnerEnforced ではありません' }));
      const shown = ownership ?? 'ObjectWriter';
      return [
        {
          evidence,
          detail: {
            ja:
              `バケット「${name}」ではオブジェクト所有者が ${shown} のため ACL が有効です。` +
              'バケットポリシーとは別に、バケットや個々のオブジェクトの ACL で権限（AllUsers への READ 付与による公開を含む）を与えられるため、誰がデータにアクセスできるかをポリシーだけでは確認できません。',
            en:
              `Bucket "${name}" has Object Ownership ${shown}, so ACLs take effect. Permissions, including making an ` +
              'object public by granting READ to AllUsers, can be given in bucket and object ACLs outside the bucket policy, ' +
              'so the policy alone does not show who can access the data.',
          },
        },
      ];
    }
    return [
      {
        evidence,
        detail: {
          ja:
            `バケット「${name}」では均一なバケットレベルのアクセスが無効で、ACL が有効です。` +
            'IAM とは別にオブジェクト単位の ACL で権限（allUsers への READER 付与による公開を含む）を与えられるため、誰がデータにアクセスできるかを IAM だけでは確認できません。',
          en:
            `Bucket "${name}" has uniform bucket-level access off, so ACLs take effect. Permissions, including making an ` +
            'object public by granting READER to allUsers, can be given in object ACLs outside IAM, so IAM alone does not ' +
            'show who can access the data.',
        },
      },
    ];
  },
};
