// gcs-public-access-prevention-off: Public Access Prevention does not protect the bucket — neither enforced on the
// bucket nor, with "inherited", by the org policy constraint storage.publicAccessPrevention.
// Unknown (the org policy could not be read): not-verified reports it.
import type { Check } from './types.js';
import { GCS_PREVENT_PUBLIC_COMMAND, settingEvidence } from './helpers.js';
import type { I18n } from '../src/model.js';

export const gcsPublicAccessPreventionOff: Check = {
  id: 'gcs-public-access-prevention-off',
  providers: ['gcp'],
  severity: 'medium',
  title: {
    ja: 'パブリックアクセスの防止が適用されていない',
    en: 'Public Access Prevention is not enforced',
  },
  description: {
    ja:
      'Cloud Storage のパブリックアクセスの防止が、バケットでも（バケットが「inherited」の場合は）組織ポリシー storage.publicAccessPrevention でも適用されていないバケットを検出します。' +
      '適用されていると allUsers・allAuthenticatedUsers への IAM バインディングや ACL は効果を持たず、誤って公開する設定ができません。',
    en:
      'Detects Cloud Storage buckets on which Public Access Prevention is enforced neither by the bucket nor (when the ' +
      'bucket says "inherited") by the org policy constraint storage.publicAccessPrevention. Where it is enforced, IAM ' +
      'bindings and ACLs for allUsers and allAuthenticatedUsers have no effect, so nobody can make the data public by mistake.',
  },
  remediation: {
    gcp: {
      ja:
        'バケットでパブリックアクセスの防止を適用してください。' +
        '組織全体で防ぐには、組織又はフォルダで組織ポリシーの制約 storage.publicAccessPrevention を適用してください' +
        '（gcloud org-policies set-policy に、「name」が organizations/組織ID/policies/storage.publicAccessPrevention で spec.rules が [{enforce: true}] のポリシーファイルを渡します）。' +
        '意図して公開しているバケット（ウェブサイト等）は、適用の前に Cloud CDN・ロードバランサ経由の配信等に切り替えてください。',
      en:
        'Enforce Public Access Prevention on the bucket. ' +
        'To prevent public buckets organization-wide, enforce the org policy constraint storage.publicAccessPrevention on the ' +
        'organization or a folder (gcloud org-policies set-policy with a policy file whose name is ' +
        'organizations/ORGANIZATION_ID/policies/storage.publicAccessPrevention and whose spec.rules is [{enforce: true}]). Move buckets that ' +
        'are public on purpose (websites …) behind Cloud CDN or a load balancer first.',
      commands: [GCS_PREVENT_PUBLIC_COMMAND],
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run(resource) {
    if (resource.provider !== 'gcp') return [];
    if (resource.guards.publicAccessPrevention !== false) return [];
    const setting = resource.guards.bucketPublicAccessPrevention ?? 'inherited';
    const org = resource.guards.orgPublicAccessPrevention;
    const name = resource.name;
    const exposed = resource.exposure.read === true || resource.exposure.list === true || resource.exposure.write === true;
    const note: I18n = exposed
      ? {
          ja: 'このバケットは現に公開されています（public-read 等の指摘を参照）。適用すると既存の公開設定も直ちに無効になります。',
          en: 'This bucket is public today (see public-read and related findings); enforcing it switches the existing public settings off at once.',
        }
      : {
          ja: '現時点で公開の設定はありませんが、allUsers への権限付与一つで誰でもアクセスできる状態になります。',
          en: 'Nothing in it is public today, but a single grant to allUsers would make it readable by anyone.',
        };
    return [
      {
        evidence: [
          settingEvidence('guards.bucketPublicAccessPrevention', setting, { en: 'the bucket does not enforce Public Access Prevention', ja: 'バケットでパブリックアクセスの防止が適用されていません' }),
          settingEvidence('guards.orgPublicAccessPrevention', org ?? null, { en: 'the effective org policy storage.publicAccessPrevention is not enforced', ja: '有効な組織のポリシー storage.publicAccessPrevention が適用されていません' }),
        ],
        detail: {
          ja:
            `バケット「${name}」のパブリックアクセスの防止は「${setting}」で、プロジェクト ${resource.account} に適用される組織ポリシー storage.publicAccessPrevention も適用されていないため、公開を防ぐ仕組みがありません。${note.ja}`,
          en:
            `Bucket "${name}" has Public Access Prevention "${setting}", and the org policy storage.publicAccessPrevention in ` +
            `effect for project ${resource.account} is not enforced, so nothing prevents it from being made public. ${note.en}`,
        },
      },
    ];
  },
};
