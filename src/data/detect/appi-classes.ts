// APPI classes of detections (PERSONAL-DATA.md table, APPI.md): my_number → specific_personal_information
// (特定個人情報), sensitive_* → sensitive (要配慮個人情報), credit_card → financial (規則第7条第2号),
// every other personal type → personal, a file with only corporate numbers → not_personal. Only
// high-confidence detections count: a low-confidence hit alone never decides a category.
import type { AppiClass, Detection, DetectorId } from '../types.js';

/** Detector order in profiles (strongest first). */
export const DETECTOR_ORDER: readonly DetectorId[] = [
  'my_number', 'credit_card', 'sensitive_health', 'sensitive_crime', 'id_document_image', 'drivers_license', 'passport', 'residence_card', 'pension_insurance',
  'bank_account', 'person_name', 'birth_date', 'postal_address', 'phone', 'email', 'corporate_number',
];

export const APPI_ORDER: readonly AppiClass[] = ['specific_personal_information', 'sensitive', 'financial', 'personal', 'not_personal'];

/** APPI classes from detections; `documentClass` is the class of an ID document named by the file name. */
export function classesOf(detections: readonly Detection[], documentClass?: AppiClass): AppiClass[] {
  const set = new Set<AppiClass>();
  let corporate = false;
  for (const d of detections) {
    if (d.type === 'corporate_number') {
      corporate = true;
      continue;
    }
    if (d.confidence !== 'high') continue;
    switch (d.type) {
      case 'my_number':
        set.add('specific_personal_information');
        break;
      case 'sensitive_health':
      case 'sensitive_crime':
        set.add('sensitive');
        break;
      case 'credit_card':
        set.add('financial');
        break;
      case 'id_document_image':
        set.add(documentClass ?? 'personal');
        break;
      default:
        set.add('personal');
    }
  }
  if (set.size === 0 && corporate) set.add('not_personal');
  return APPI_ORDER.filter((c) => set.has(c));
}
