// How a finding's remediation is shown in a card. One function on purpose: the remediation field's shape may grow
// (structured steps, commands); only this file then changes.
import type { ReportFinding } from '../json.js';
import { t, tt } from './text.js';

export function remediationPart(f: ReportFinding): string {
  return `<div class="remediation"><span class="label">${tt('対処', 'Remediation')}</span> ${t(f.remediation)}</div>`;
}
