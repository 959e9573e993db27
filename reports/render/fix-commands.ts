// The commands of a finding's remediation, filled for its resource: what every format shows under "Remediation".
// The JSON report keeps the templates once per check (`checks[id].remediation[provider].commands`); this is the
// one place that turns them into the commands of one finding.
import { commandVariables, COMMAND_VARIABLES, fillCommands } from '../../checks/commands.js';
import type { Resource } from '../../src/model.js';
import type { Lang } from './view.js';
import type { ReportFinding } from './json.js';

/** The finding's commands, ready to paste: the resource's names filled in (none for a name that would need quoting). */
export function findingCommands(f: ReportFinding, resource: Resource | null | undefined): string[] {
  return fillCommands(f.remediation.commands, {
    provider: f.provider,
    account: resource?.account ?? null,
    name: resource?.name ?? null,
    resourceId: f.resourceId,
  });
}

/** `VARIABLE: meaning` for each shell variable the commands use (values only the reader knows). */
export function commandVariableLines(commands: readonly string[], lang: Lang): string[] {
  return commandVariables(commands).map((v) => `${v}: ${COMMAND_VARIABLES[v]?.[lang] ?? ''}`);
}
