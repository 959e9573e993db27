// Where a resource stores its data, for GL 10-7 (外的環境の把握): inside Japan or not, and the country of each
// place when kumoscan knows it. Japan: AWS ap-northeast-1 (Tokyo) and ap-northeast-3 (Osaka); Google Cloud
// asia-northeast1 (Tokyo), asia-northeast2 (Osaka) and the dual-region asia1; Azure japaneast and japanwest.
// GCS locations reuse the table of checks/gcs-location-outside-japan.ts. A region kumoscan does not know (an
// S3-compatible store names its own) is outside the Japanese list: it is reported with "country unknown".
import type { I18n, Resource } from '../../src/model.js';
import { countryOf as gcsCountryOf } from '../../checks/gcs-location-outside-japan.js';

export const JAPAN_LOCATIONS: ReadonlySet<string> = new Set(['ap-northeast-1', 'ap-northeast-3', 'asia-northeast1', 'asia-northeast2', 'asia1', 'japaneast', 'japanwest']);

const US: I18n = { ja: '米国', en: 'United States' };

const COUNTRIES: Readonly<Record<string, I18n>> = {
  // AWS
  'af-south-1': { ja: '南アフリカ', en: 'South Africa' },
  'ap-east-1': { ja: '香港', en: 'Hong Kong' },
  'ap-east-2': { ja: '台湾', en: 'Taiwan' },
  'ap-northeast-2': { ja: '韓国', en: 'South Korea' },
  'ap-south-1': { ja: 'インド', en: 'India' },
  'ap-south-2': { ja: 'インド', en: 'India' },
  'ap-southeast-1': { ja: 'シンガポール', en: 'Singapore' },
  'ap-southeast-2': { ja: 'オーストラリア', en: 'Australia' },
  'ap-southeast-3': { ja: 'インドネシア', en: 'Indonesia' },
  'ap-southeast-4': { ja: 'オーストラリア', en: 'Australia' },
  'ap-southeast-5': { ja: 'マレーシア', en: 'Malaysia' },
  'ap-southeast-6': { ja: 'ニュージーランド', en: 'New Zealand' },
  'ap-southeast-7': { ja: 'タイ', en: 'Thailand' },
  'ca-central-1': { ja: 'カナダ', en: 'Canada' },
  'ca-west-1': { ja: 'カナダ', en: 'Canada' },
  'cn-north-1': { ja: '中国', en: 'China' },
  'cn-northwest-1': { ja: '中国', en: 'China' },
  'eu-central-1': { ja: 'ドイツ', en: 'Germany' },
  'eu-central-2': { ja: 'スイス', en: 'Switzerland' },
  'eu-north-1': { ja: 'スウェーデン', en: 'Sweden' },
  'eu-south-1': { ja: 'イタリア', en: 'Italy' },
  'eu-south-2': { ja: 'スペイン', en: 'Spain' },
  'eu-west-1': { ja: 'アイルランド', en: 'Ireland' },
  'eu-west-2': { ja: '英国', en: 'United Kingdom' },
  'eu-west-3': { ja: 'フランス', en: 'France' },
  'il-central-1': { ja: 'イスラエル', en: 'Israel' },
  'me-central-1': { ja: 'アラブ首長国連邦', en: 'United Arab Emirates' },
  'me-south-1': { ja: 'バーレーン', en: 'Bahrain' },
  'mx-central-1': { ja: 'メキシコ', en: 'Mexico' },
  'sa-east-1': { ja: 'ブラジル', en: 'Brazil' },
  // Azure
  eastus: US, eastus2: US, westus: US, westus2: US, westus3: US, centralus: US, northcentralus: US, southcentralus: US, westcentralus: US,
  canadacentral: { ja: 'カナダ', en: 'Canada' },
  canadaeast: { ja: 'カナダ', en: 'Canada' },
  brazilsouth: { ja: 'ブラジル', en: 'Brazil' },
  brazilsoutheast: { ja: 'ブラジル', en: 'Brazil' },
  mexicocentral: { ja: 'メキシコ', en: 'Mexico' },
  chilecentral: { ja: 'チリ', en: 'Chile' },
  northeurope: { ja: 'アイルランド', en: 'Ireland' },
  westeurope: { ja: 'オランダ', en: 'Netherlands' },
  uksouth: { ja: '英国', en: 'United Kingdom' },
  ukwest: { ja: '英国', en: 'United Kingdom' },
  francecentral: { ja: 'フランス', en: 'France' },
  francesouth: { ja: 'フランス', en: 'France' },
  germanywestcentral: { ja: 'ドイツ', en: 'Germany' },
  germanynorth: { ja: 'ドイツ', en: 'Germany' },
  switzerlandnorth: { ja: 'スイス', en: 'Switzerland' },
  switzerlandwest: { ja: 'スイス', en: 'Switzerland' },
  norwayeast: { ja: 'ノルウェー', en: 'Norway' },
  norwaywest: { ja: 'ノルウェー', en: 'Norway' },
  swedencentral: { ja: 'スウェーデン', en: 'Sweden' },
  polandcentral: { ja: 'ポーランド', en: 'Poland' },
  italynorth: { ja: 'イタリア', en: 'Italy' },
  spaincentral: { ja: 'スペイン', en: 'Spain' },
  eastasia: { ja: '香港', en: 'Hong Kong' },
  southeastasia: { ja: 'シンガポール', en: 'Singapore' },
  australiaeast: { ja: 'オーストラリア', en: 'Australia' },
  australiasoutheast: { ja: 'オーストラリア', en: 'Australia' },
  australiacentral: { ja: 'オーストラリア', en: 'Australia' },
  australiacentral2: { ja: 'オーストラリア', en: 'Australia' },
  centralindia: { ja: 'インド', en: 'India' },
  southindia: { ja: 'インド', en: 'India' },
  westindia: { ja: 'インド', en: 'India' },
  koreacentral: { ja: '韓国', en: 'South Korea' },
  koreasouth: { ja: '韓国', en: 'South Korea' },
  indonesiacentral: { ja: 'インドネシア', en: 'Indonesia' },
  malaysiawest: { ja: 'マレーシア', en: 'Malaysia' },
  newzealandnorth: { ja: 'ニュージーランド', en: 'New Zealand' },
  uaenorth: { ja: 'アラブ首長国連邦', en: 'United Arab Emirates' },
  uaecentral: { ja: 'アラブ首長国連邦', en: 'United Arab Emirates' },
  qatarcentral: { ja: 'カタール', en: 'Qatar' },
  israelcentral: { ja: 'イスラエル', en: 'Israel' },
  southafricanorth: { ja: '南アフリカ', en: 'South Africa' },
  southafricawest: { ja: '南アフリカ', en: 'South Africa' },
};

/** Lower case, no spaces (Azure display names such as "Japan East" become japaneast). */
export function normalizeLocation(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

/** The country (or area) of a region or location; undefined when kumoscan does not know it. */
export function countryOfLocation(provider: Resource['provider'], location: string): I18n | undefined {
  const l = normalizeLocation(location);
  if (provider === 'gcp') return gcsCountryOf(l);
  if (COUNTRIES[l]) return COUNTRIES[l];
  if (provider === 'aws' && l.startsWith('us-')) return US; // us-east-1 … and us-gov-*
  if (provider === 'aws' && l.startsWith('cn-')) return { ja: '中国', en: 'China' };
  return undefined;
}

export interface StorageLocation {
  /** true: every place is in Japan; false: at least one is not; null: the location is unknown. */
  inJapan: boolean | null;
  /** The places outside Japan, with their country when known. */
  abroad: { location: string; country?: I18n }[];
}

export function storageLocation(r: Pick<Resource, 'provider' | 'region' | 'dataLocations'>): StorageLocation {
  const places = r.dataLocations && r.dataLocations.length > 0 ? r.dataLocations : r.region !== null ? [r.region] : [];
  if (places.length === 0) return { inJapan: null, abroad: [] };
  const abroad = places
    .filter((p) => !JAPAN_LOCATIONS.has(normalizeLocation(p)))
    .map((location) => {
      const country = countryOfLocation(r.provider, location);
      return country ? { location, country } : { location };
    });
  return { inJapan: abroad.length === 0, abroad };
}
