// gcs-soft-delete-off: soft delete is off, or keeps deleted objects for less than 7 days (Google's default), so a
// deleted or overwritten object may not be restorable in time.
import type { Check } from './types.js';
import { settingEvidence } from './helpers.js';

/** Google's default soft delete retention, and the shortest kumoscan accepts. */
export const MIN_SOFT_DELETE_DAYS = 7;

export const gcsSoftDeleteOff: Check = {
  id: 'gcs-soft-delete-off',
  providers: ['gcp'],
  severity: 'low',
  title: {
    ja: '論理削除（ソフトデリート）が無効又は保持期間が7日未満',
    en: 'Soft delete is off or keeps deleted objects for less than 7 days',
  },
  description: {
    ja:
      'Cloud Storage の論理削除（softDeletePolicy）が無効、又は保持期間が既定の7日より短いバケットを検出します。' +
      '削除・上書きされたオブジェクトを保持期間内なら復元できますが、無効だと誤操作や不正アクセスで削除された個人データを復元できません。' +
      'バージョニングも無効な場合は重要度を「中」にします。',
    en:
      'Detects Cloud Storage buckets whose soft delete (softDeletePolicy) is off or shorter than the default 7 days. Soft ' +
      'delete lets you restore deleted and overwritten objects within the retention period; without it, personal data ' +
      'deleted by mistake or by unauthorized access cannot be restored. Severity is medium when versioning is off too.',
  },
  remediation: {
    gcp: {
      ja:
        '論理削除を7日以上の保持期間で有効にしてください。' +
        '保持期間中の削除済みオブジェクトにも保管料金がかかり、個人データの削除方針（本人からの消去の請求への対応を含む）とも整合させる必要があるため、期間は両方を考慮して決めてください。',
      en:
        'Enable soft delete with a retention of 7 days or more. ' +
        'Soft-deleted objects are billed for storage during retention, and the period must fit your policy for deleting ' +
        'personal data (including requests from the persons for deletion): choose it with both in mind.',
      commands: ['gcloud storage buckets update gs://{bucket} --soft-delete-duration=7d'],
    },
  },
  duties: ['APPI-23', 'GL-10-3-4'],
  run(resource) {
    if (resource.provider !== 'gcp') return [];
    const days = resource.softDeleteDays;
    if (resource.softDelete === null || days === null || days === undefined) return [];
    if (days >= MIN_SOFT_DELETE_DAYS) return [];
    const name = resource.name;
    const off = days === 0;
    const noVersions = resource.versioning === false;
    const evidence = [settingEvidence('softDeleteDays', days, { en: off ? 'soft delete is off' : `soft delete keeps deleted objects for less than ${MIN_SOFT_DELETE_DAYS} days`, ja: off ? '論理的な削除が無効です' : `論理的な削除で削除済みオブジェクトを保持する期間が ${MIN_SOFT_DELETE_DAYS} 日未満です` })];
    if (noVersions) evidence.push(settingEvidence('versioning', false, { en: 'no noncurrent versions either', ja: '非現行バージョンもありません' }));
    const versions = noVersions
      ? { ja: 'バージョニングも無効のため、削除・上書きされたオブジェクトを復元する手段がありません。', en: 'Versioning is off too, so nothing can bring back a deleted or overwritten object.' }
      : { ja: '', en: '' };
    return [
      {
        ...(off && noVersions ? { severity: 'medium' as const } : {}),
        evidence,
        detail: {
          ja: off
            ? `バケット「${name}」では論理削除が無効です。${versions.ja}個人データの滅失・毀損は法第26条の「漏えい等」に含まれます。`
            : `バケット「${name}」の論理削除の保持期間は${days}日で、既定の${MIN_SOFT_DELETE_DAYS}日より短いため、削除に気付くまでに復元できなくなるおそれがあります。${versions.ja}`,
          en: off
            ? `Bucket "${name}" has soft delete off. ${versions.en}${versions.en ? ' ' : ''}Loss and damage (滅失・毀損) of personal data are part of 漏えい等 under APPI Art. 26.`
            : `Bucket "${name}" keeps soft-deleted objects for ${days} days, less than the default ${MIN_SOFT_DELETE_DAYS}, so a deletion noticed late may no longer be restorable.${versions.en ? ` ${versions.en}` : ''}`,
        },
      },
    ];
  },
};
