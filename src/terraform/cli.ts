// The `kumoscan scan terraform PLAN.json` subcommand: its options, parsed, then command.ts.
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../model.js';
import { parseSeverityList } from '../severity-list.js';
import { UsageError } from '../errors.js';
import { FORMAT_HELP, formatList } from '../../reports/render/format-option.js';
import { langOption } from '../lang-option.js';
import { parseAssumption, type Assumptions } from './assumptions.js';
import { parseDataDeclared } from './declared-data.js';
import type { InventoryDeclaration } from '../../reports/policy/types.js';
import type { TerraformScanFlags } from './command.js';
import { findConfig } from '../config/load.js';
import { configFlagValues, withConfigDefaults } from '../config/flags.js';

function assumption(value: string, previous: Assumptions): Assumptions {
  try {
    return parseAssumption(value, previous);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof UsageError ? err.message : String(err));
  }
}

function dataDeclared(value: string, previous: InventoryDeclaration[]): InventoryDeclaration[] {
  const parsed = parseDataDeclared(value, previous.length);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return [...previous, parsed];
}

function severities(value: string): Severity[] {
  const parsed = parseSeverityList(value);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

/**
 * `scan` has options of the same names (--format, --lang, --fail-on …) and commander gives them to `scan` wherever
 * they stand: a value given on the command line there is this command's.
 */
function withParentFlags<F extends object>(own: F, cmd: Command): F {
  const parent = cmd.parent;
  if (!parent) return own;
  const given = parent.opts();
  const out: Record<string, unknown> = { ...(own as Record<string, unknown>) };
  for (const key of cmd.options.map((o) => o.attributeName())) if (parent.getOptionValueSource(key) === 'cli') out[key] = given[key];
  return out as F;
}

/**
 * The configuration's `scan:` defaults (fail-on, formats, out-dir, lang, severity, details) for the options of this
 * command not given on the command line — as `kumoscan scan` takes them.
 */
function withScanDefaults<F extends { config?: string }>(flags: F, cmd: Command): F {
  const loaded = findConfig(flags.config);
  if (!loaded) return flags;
  const own = new Set(cmd.options.map((o) => o.attributeName()));
  const values = Object.fromEntries(Object.entries(configFlagValues(loaded.config, undefined)).filter(([flag]) => own.has(flag)));
  const explicit = (flag: string): boolean => cmd.getOptionValueSource(flag) === 'cli' || cmd.parent?.getOptionValueSource(flag) === 'cli';
  return withConfigDefaults(flags as F & Record<string, unknown>, values, explicit);
}

const EXAMPLES = `
Examples:
  $ terraform plan -out plan.out && terraform show -json plan.out > plan.json
  $ kumoscan scan terraform plan.json
  $ kumoscan scan terraform plan.json --assume account-bpa=on --format sarif --out kumoscan.sarif
  $ kumoscan scan terraform plan.json --data-declared hr-exports=my_number,person_name --format json

Exit codes: as for kumoscan scan (0, 1 findings at or above --fail-on, 2 usage, 3 incomplete: a value known only
after apply, or a setting outside the plan, decides a verdict).
`;

export function registerTerraformCommand(scan: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  scan
    .command('terraform')
    .description('evaluate a Terraform / OpenTofu plan (terraform show -json plan.out) before it is applied')
    .argument('<plan.json>', 'the JSON plan')
    .addOption(new Option('--format <formats>', FORMAT_HELP).argParser(formatList).default(['table'], 'table'))
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option('--out-dir <dir>', 'write each format into DIR as kumoscan-report.<ext>')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .addOption(langOption('language of the table'))
    .addOption(new Option('--severity <list>', 'severities the table shows, comma-separated').argParser(severities))
    .option('--details', 'the table lists every finding on its own line')
    .option('--config <file>', 'configuration file (default: ./kumoscan.yml or ./kumoscan.yaml when present)')
    .option('--assume <key=value>', 'a setting outside the plan: account-bpa=on|off, aws-account-id=ID, gcp-project=ID, azure-subscription=UUID (repeatable)', assumption, {})
    .option('--tf-dir <dir>', 'the root module\'s folder, to point findings at .tf files (default: the plan\'s folder)')
    .option('--data-declared <bucket=classes>', 'personal-data classes a bucket will hold, e.g. hr-exports=my_number,person_name (repeatable; a name, glob or address)', dataDeclared, [])
    .option('--save-snapshot <file>', 'also write the snapshot translated from the plan (kumoscan scan --input reads it)')
    .addHelpText('after', EXAMPLES)
    // A bad option value is a CommanderError for main() (exit 2), as on every other command.
    .exitOverride()
    .action(async (plan: string, own: Omit<TerraformScanFlags, 'entrustee'>, cmd: Command) => {
      const { runTerraformScan } = await import('./command.js');
      const flags = withParentFlags(own, cmd);
      setExit(await runTerraformScan(plan, { ...withScanDefaults(flags, cmd), entrustee: [] }, write));
    });
}
