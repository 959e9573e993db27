// --severity LIST (and kumoscan.yml `scan.severity`): which severities the table and text outputs show, e.g.
// "critical,high". Only what is shown changes: the JSON report keeps every finding and --fail-on alone decides the
// exit code.
import { SEVERITIES, type Severity } from './model.js';

function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

/** "critical, high" -> ['critical', 'high'] (most severe first, de-duplicated); an unknown or empty list is an error message. */
export function parseSeverityList(value: string): Severity[] | string {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (names.length === 0) return `give at least one of ${SEVERITIES.join(', ')} (comma-separated)`;
  const unknown = names.filter((n) => !isSeverity(n));
  if (unknown.length > 0) return `unknown severit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `"${u}"`).join(', ')}; give one or more of ${SEVERITIES.join(', ')}, comma-separated (e.g. critical,high)`;
  return SEVERITIES.filter((s) => names.includes(s));
}
