// id_document_image: images and PDFs whose file name or path says they are an identity document or a
// health record (マイナンバーカード, 運転免許証, 住民票, 健康診断, 保険証, passport, license …). Content is
// not read (no OCR): the extension and the name decide. The document kind sets the APPI class.
import type { AppiClass } from '../types.js';

export type IdDocumentKind = 'my_number_card' | 'drivers_license' | 'residence_record' | 'health_check' | 'health_insurance_card' | 'passport' | 'residence_card' | 'pension_book';

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'heif', 'webp', 'jp2', 'jfif']);

interface Rule {
  kind: IdDocumentKind;
  label: string;
  appi: AppiClass;
  re: RegExp;
}

// Order matters: the first rule that matches names the kind (マイナンバーカード before 保険証 …).
const RULES: readonly Rule[] = [
  { kind: 'my_number_card', label: 'マイナンバーカード', appi: 'specific_personal_information', re: /マイナンバー|個人番号|通知カード|my[_\-\s]?number|kojin[_\-]?bango/ },
  { kind: 'drivers_license', label: '運転免許証', appi: 'personal', re: /運転免許|免許証|drivers?[_\-\s]?licen[cs]e|driving[_\-\s]?licen[cs]e|menkyo/ },
  { kind: 'residence_card', label: '在留カード', appi: 'personal', re: /在留カード|residence[_\-\s]?card|zairyu/ },
  { kind: 'passport', label: 'パスポート', appi: 'personal', re: /パスポート|旅券|passport/ },
  { kind: 'residence_record', label: '住民票', appi: 'personal', re: /住民票|juminhyo|jyuminhyo/ },
  { kind: 'health_check', label: '健康診断', appi: 'sensitive', re: /健康診断|健診|人間ドック|診断書|health[_\-\s]?check|medical[_\-\s]?(check|exam|record|certificate)|kenshin/ },
  { kind: 'health_insurance_card', label: '保険証', appi: 'personal', re: /保険証|被保険者証|insurance[_\-\s]?card|hokensho|hokenshou/ },
  { kind: 'pension_book', label: '年金手帳', appi: 'personal', re: /年金手帳|基礎年金番号|pension[_\-\s]?book/ },
];

/** Lower-case extension of the last path component, '' when none. */
export function extensionOf(path: string): string {
  // the last component starts after the last '/' or '\\' (no array of components per call: it runs per file)
  const baseStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  const dot = path.lastIndexOf('.');
  return dot > baseStart ? path.slice(dot + 1).toLowerCase() : '';
}

export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(path));
}

/** The ID document an image or PDF path names, or null (other extensions: null). */
export function idDocumentOf(path: string): { kind: IdDocumentKind; label: string; appi: AppiClass } | null {
  const ext = extensionOf(path);
  if (!IMAGE_EXTENSIONS.has(ext) && ext !== 'pdf') return null;
  const p = path.normalize('NFKC').toLowerCase();
  for (const r of RULES) if (r.re.test(p)) return { kind: r.kind, label: r.label, appi: r.appi };
  // "license" alone: a photo named license.jpg is a licence; a PDF named license.pdf is usually a software licence.
  if (ext !== 'pdf' && /(?<![a-z])licen[cs]e(?![a-z])/.test(p)) return { kind: 'drivers_license', label: '運転免許証', appi: 'personal' };
  return null;
}

/** The ID documents named by several paths (a file and the members inside it), the strongest APPI class first. */
const RANK: readonly AppiClass[] = ['specific_personal_information', 'sensitive', 'financial', 'personal', 'not_personal'];

export function idDocumentsOf(paths: readonly string[]): { kind: IdDocumentKind; label: string; appi: AppiClass }[] {
  const out: { kind: IdDocumentKind; label: string; appi: AppiClass }[] = [];
  for (const p of paths) {
    const d = idDocumentOf(p);
    if (d !== null) out.push(d);
  }
  return out.length > 1 ? out.sort((a, b) => RANK.indexOf(a.appi) - RANK.indexOf(b.appi)) : out;
}
