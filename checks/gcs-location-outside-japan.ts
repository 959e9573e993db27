// gcs-location-outside-japan: the bucket stores its data outside Japan. Not a fault by itself (info); once
// personal data is found in it, the business must understand the foreign environment (GL 10-7, 外的環境の把握)
// and name the country when it discloses its security measures.
//
// In Japan: the regions asia-northeast1 (Tokyo) and asia-northeast2 (Osaka), the predefined dual-region asia1
// (Tokyo + Osaka), and configurable dual-regions whose dataLocations are both of those. Everything else —
// including the multi-region ASIA, which may place data in any Asian region — counts as outside Japan.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';
import type { I18n, Resource } from '../src/model.js';

export const JAPAN_REGIONS: ReadonlySet<string> = new Set(['asia-northeast1', 'asia-northeast2']);
export const JAPAN_LOCATIONS: ReadonlySet<string> = new Set([...JAPAN_REGIONS, 'asia1']);

/** The country (or area) of a GCS location, for the detail; undefined when kumoscan does not know it. */
const COUNTRIES: Readonly<Record<string, I18n>> = {
  'asia-east1': { ja: '台湾', en: 'Taiwan' },
  'asia-east2': { ja: '香港', en: 'Hong Kong' },
  'asia-northeast3': { ja: '韓国', en: 'South Korea' },
  'asia-south1': { ja: 'インド', en: 'India' },
  'asia-south2': { ja: 'インド', en: 'India' },
  'asia-southeast1': { ja: 'シンガポール', en: 'Singapore' },
  'asia-southeast2': { ja: 'インドネシア', en: 'Indonesia' },
  'australia-southeast1': { ja: 'オーストラリア', en: 'Australia' },
  'australia-southeast2': { ja: 'オーストラリア', en: 'Australia' },
  'europe-central2': { ja: 'ポーランド', en: 'Poland' },
  'europe-north1': { ja: 'フィンランド', en: 'Finland' },
  'europe-north2': { ja: 'スウェーデン', en: 'Sweden' },
  'europe-southwest1': { ja: 'スペイン', en: 'Spain' },
  'europe-west1': { ja: 'ベルギー', en: 'Belgium' },
  'europe-west2': { ja: '英国', en: 'United Kingdom' },
  'europe-west3': { ja: 'ドイツ', en: 'Germany' },
  'europe-west4': { ja: 'オランダ', en: 'Netherlands' },
  'europe-west6': { ja: 'スイス', en: 'Switzerland' },
  'europe-west8': { ja: 'イタリア', en: 'Italy' },
  'europe-west9': { ja: 'フランス', en: 'France' },
  'europe-west10': { ja: 'ドイツ', en: 'Germany' },
  'europe-west12': { ja: 'イタリア', en: 'Italy' },
  'me-central1': { ja: 'カタール', en: 'Qatar' },
  'me-central2': { ja: 'サウジアラビア', en: 'Saudi Arabia' },
  'me-west1': { ja: 'イスラエル', en: 'Israel' },
  'africa-south1': { ja: '南アフリカ', en: 'South Africa' },
  'northamerica-northeast1': { ja: 'カナダ', en: 'Canada' },
  'northamerica-northeast2': { ja: 'カナダ', en: 'Canada' },
  'northamerica-south1': { ja: 'メキシコ', en: 'Mexico' },
  'southamerica-east1': { ja: 'ブラジル', en: 'Brazil' },
  'southamerica-west1': { ja: 'チリ', en: 'Chile' },
  // Multi-regions and predefined dual-regions.
  us: { ja: '米国（マルチリージョン）', en: 'United States (multi-region)' },
  eu: { ja: 'EU 加盟国（マルチリージョン）', en: 'EU member states (multi-region)' },
  asia: { ja: 'アジアの複数の国・地域（マルチリージョン。日本以外に保存される場合があります）', en: 'several Asian countries (multi-region; data may be stored outside Japan)' },
  nam4: { ja: '米国（デュアルリージョン）', en: 'United States (dual-region)' },
  eur4: { ja: 'フィンランド・オランダ（デュアルリージョン）', en: 'Finland and the Netherlands (dual-region)' },
};

export function countryOf(location: string): I18n | undefined {
  const l = location.toLowerCase();
  if (COUNTRIES[l]) return COUNTRIES[l];
  if (l.startsWith('us-')) return { ja: '米国', en: 'United States' };
  return undefined;
}

/** true when every place the data is stored is in Japan; null when the location is unknown. */
export function storedInJapan(resource: Pick<Resource, 'region' | 'dataLocations'>): boolean | null {
  if (resource.dataLocations && resource.dataLocations.length > 0) return resource.dataLocations.every((l) => JAPAN_REGIONS.has(l.toLowerCase()));
  if (resource.region === null) return null;
  return JAPAN_LOCATIONS.has(resource.region.toLowerCase());
}

function describe(location: string): I18n {
  const c = countryOf(location);
  return c
    ? { ja: `${location}（${c.ja}）`, en: `${location} (${c.en})` }
    : { ja: `${location}（国・地域は kumoscan の表にないため、Google Cloud のロケーション一覧で確認してください）`, en: `${location} (a country kumoscan does not know: look it up in Google Cloud's list of locations)` };
}

export const gcsLocationOutsideJapan: Check = {
  id: 'gcs-location-outside-japan',
  providers: ['gcp'],
  severity: 'info',
  title: {
    ja: 'バケットのデータが日本国外に保存されている',
    en: "The bucket's data is stored outside Japan",
  },
  description: {
    ja:
      'データの保存場所（ロケーション）が日本国外の Cloud Storage バケットを検出します。日本国内とみなすのは asia-northeast1（東京）、asia-northeast2（大阪）、デュアルリージョン asia1 と、この2つのリージョンだけを使う構成可能なデュアルリージョンです。' +
      '個人データを保存する場合は、その国の個人情報保護制度を把握したうえで安全管理措置を講じ（外的環境の把握、通則ガイドライン10-7）、保有個人データの安全管理措置として国名を本人の知り得る状態に置く必要があります。',
    en:
      'Detects Cloud Storage buckets whose location is outside Japan. kumoscan counts as Japan the regions asia-northeast1 ' +
      '(Tokyo) and asia-northeast2 (Osaka), the dual-region asia1, and configurable dual-regions made of those two only. ' +
      "Storing personal data there requires understanding that country's personal-data regime when taking security " +
      'measures (外的環境の把握, General Guidelines 10-7) and naming the country where the persons can learn of the measures.',
  },
  remediation: {
    gcp: {
      ja:
        '個人データを保存するバケットは日本国内のロケーション（asia-northeast1、asia-northeast2、asia1）に作成し直し、データを移してください（ロケーションは作成後に変更できません）。' +
        '国外に置き続ける場合は、その国の制度を調査して記録し、保有個人データの安全管理措置の公表事項に国名と制度の概要を記載してください。',
      en:
        'Recreate buckets that hold personal data in a location in Japan (asia-northeast1, asia-northeast2, asia1) and move ' +
        'the data (a location cannot be changed after creation). If the data ' +
        "stays abroad, research and record that country's regime and name the country and an outline of its regime in the " +
        'security measures you make known to the persons.',
      commands: [
        'gcloud storage buckets create gs://"$NEW_BUCKET" --project={project} --location=asia-northeast1',
        'gcloud storage cp --recursive gs://{bucket}/* gs://"$NEW_BUCKET"/',
      ],
    },
  },
  duties: ['APPI-23', 'GL-10-7'],
  run(resource) {
    if (resource.provider !== 'gcp') return [];
    if (resource.region === null || storedInJapan(resource) !== false) return [];
    const places = resource.dataLocations && resource.dataLocations.length > 0 ? resource.dataLocations : [resource.region];
    const described = places.map(describe);
    const where: I18n = { ja: described.map((d) => d.ja).join('、'), en: described.map((d) => d.en).join(', ') };
    const name = resource.name;
    const dual = resource.dataLocations && resource.dataLocations.length > 0 ? { ja: `（${resource.region} の構成可能なデュアルリージョン）`, en: ` (a configurable dual-region of ${resource.region})` } : { ja: '', en: '' };
    return [
      {
        evidence: [settingEvidence('region', resource.region, { en: 'the bucket location', ja: 'バケットのロケーション' }), ...(resource.dataLocations ? [settingEvidence('dataLocations', resource.dataLocations, { en: 'the regions that hold the data', ja: 'データを保管するリージョン' })] : [])],
        detail: {
          ja:
            `バケット「${name}」のデータは日本国外に保存されています: ${where.ja}${dual.ja}。` +
            '個人データが含まれる場合は、その国の個人情報保護制度を把握したうえで安全管理措置を講じ（外的環境の把握、通則ガイドライン10-7）、国名を本人の知り得る状態に置いてください。個人データが見つかっていない時点では参考情報です。',
          en:
            `The data of bucket "${name}" is stored outside Japan: ${where.en}${dual.en}. If it holds personal data, take ` +
            "security measures with that country's personal-data regime in mind (外的環境の把握, General Guidelines 10-7) and " +
            'name the country where the persons can learn of them. Until personal data is found this is for information only.',
        },
      },
    ];
  },
};
