// How a finding's remediation is shown in a card: the prose, then the commands filled for the resource (a code
// block the reader copies), with the shell variables to set first.
import type { Resource } from '../../../src/model.js';
import { COMMAND_VARIABLES, commandVariables } from '../../../checks/commands.js';
import type { ReportFinding } from '../json.js';
import { findingCommands } from '../fix-commands.js';
import { esc, t, tt } from './text.js';

export function remediationPart(f: ReportFinding, resource: Resource | null): string {
  const commands = findingCommands(f, resource);
  const vars = commandVariables(commands);
  const varsPart = vars.length
    ? `<p class="small">${tt('先に設定する変数', 'Set first')}: ${vars.map((v) => `<code>${esc(v)}</code> ${t(COMMAND_VARIABLES[v] ?? { ja: '', en: '' })}`).join(' · ')}</p>`
    : '';
  const commandsPart = commands.length ? `${varsPart}<pre class="commands"><code>${commands.map(esc).join('\n')}</code></pre>` : '';
  return `<div class="remediation"><span class="label">${tt('対処', 'Remediation')}</span> ${t(f.remediation)}${commandsPart}</div>`;
}
