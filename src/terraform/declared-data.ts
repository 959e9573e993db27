// --data-declared BUCKET=CLASS[,CLASS…]: what a bucket will hold, before any byte exists, as an inventory declaration
// (the same as kumoscan.yml `inventory:`), so the APPI assessment of an exposed bucket runs on a plan. Pure.
import { DECLARABLE_CATEGORIES } from '../config/schema.js';
import type { DetectorId } from '../data/types.js';
import type { InventoryDeclaration } from '../../reports/policy/types.js';

/** Parses one value; a string is the reason it is wrong. */
export function parseDataDeclared(value: string, index: number): InventoryDeclaration | string {
  const i = value.lastIndexOf('=');
  const bucket = value.slice(0, i).trim();
  const classes = value.slice(i + 1).split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (i <= 0 || bucket === '' || classes.length === 0) return 'must be BUCKET=CLASS[,CLASS…], e.g. hr-exports=my_number,person_name';
  const bad = classes.filter((c) => !DECLARABLE_CATEGORIES.includes(c as DetectorId));
  if (bad.length > 0) return `unknown class ${bad.join(', ')} (one of: ${DECLARABLE_CATEGORIES.join(', ')})`;
  return { field: `--data-declared[${index}]`, buckets: [bucket], categories: classes as DetectorId[] };
}
