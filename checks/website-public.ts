// website-public: the bucket is served as a static website and readable by anyone.
import type { Check } from './types.js';
import { exposureEvidence, grantRefsText, settingEvidence } from './helpers.js';

export const websitePublic: Check = {
  id: 'website-public',
  providers: ['aws', 'gcp', 'azure'],
  severity: 'high',
  title: {
    ja: '静的ウェブサイトとして誰でも閲覧できる',
    en: 'Served as a static website that anyone can read',
  },
  description: {
    ja:
      '静的ウェブサイトホスティングが有効で、かつ誰でもオブジェクトを読み取れるバケットを検出します。' +
      'ウェブサイトとして公開されたバケットは検索エンジン等に収集されやすく、個人データが紛れ込むと広く閲覧されるおそれがあります。',
    en:
      'Detects buckets that have static website hosting on and whose objects anyone can read. A bucket published as a ' +
      'website is easily picked up by search engines and crawlers, so personal data that slips into it can be read widely.',
  },
  remediation: {
    aws: {
      ja:
        'ウェブサイト用のバケットには公開してよいファイルだけを置き、個人データを扱うバケットとは分けてください。' +
        'ウェブサイトホスティングが不要なら無効にし、公開設定も解除してください。' +
        '必要な場合も、S3 のウェブサイトエンドポイントは HTTPS に対応していないため、バケットを非公開にして CloudFront のオリジンアクセスコントロール（OAC）経由で配信することを推奨します。',
      en:
        'Keep only files meant to be public in a website bucket, separate from buckets with personal data. If website ' +
        'hosting is not needed, turn it off and remove the public ' +
        'setting. If it is, note that S3 website endpoints do not support HTTPS: make the bucket private and serve it ' +
        'through CloudFront with origin access control (OAC).',
      commands: ['aws s3api delete-bucket-website --bucket {bucket}'],
    },
    azure: {
      ja:
        '静的 Web サイト（$web コンテナー）には公開してよいファイルだけを置いてください。$web コンテナーは BLOB の匿名アクセスの設定にかかわらず Web エンドポイントから誰でも読み取れます。' +
        '不要なら静的 Web サイトを無効にしてください。',
      en:
        'Keep only files meant to be public in the static website container ($web): it is readable by anyone through the ' +
        'web endpoint whatever the anonymous blob access setting. Turn the static website off if not needed.',
      commands: ['az storage blob service-properties update --account-name {storage-account} --static-website false --auth-mode login'],
    },
    default: {
      ja: 'ウェブサイトとして公開するバケットには公開してよいファイルだけを置き、個人データを扱うバケットとは分けてください。不要ならウェブサイト設定と公開設定を解除してください。',
      en: 'Keep only files meant to be public in a bucket published as a website, separate from buckets with personal data. If it is not needed, remove the website configuration and the public setting.',
    },
  },
  duties: ['APPI-23', 'GL-10-6-1', 'GL-10-6-2'],
  run(resource) {
    if (resource.website !== true || resource.exposure.read !== true) return [];
    const read = exposureEvidence(resource, 'read');
    const refs = grantRefsText(read);
    const name = resource.name;
    return [
      {
        evidence: [settingEvidence('website', true, { en: 'static website hosting is on', ja: '静的ウェブサイトのホスティングが有効です' }), ...read],
        detail: {
          ja:
            `「${name}」は静的ウェブサイトとして公開されており、オブジェクトを誰でも読み取れます（根拠: ${refs.ja}）。` +
            'ウェブサイトは検索エンジン等に収集されやすいため、個人データを含むファイルが置かれていないか確認してください。',
          en:
            `"${name}" is served as a static website and anyone can read its objects (evidence: ${refs.en}). Websites are ` +
            'easily picked up by search engines and crawlers: check that no file in it holds personal data.',
        },
      },
    ];
  },
};
