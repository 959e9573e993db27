// `kumoscan diff A.json B.json`: findings new, resolved and unchanged from report A (before) to report B (after),
// and severity changes. Exit 1 when B has new findings at or above --fail-on (default high), else 0; 2 on bad input.
// What the diff runs is imported when it runs (src/cli.ts: fast start-up).
import { Option, type Command } from 'commander';
import type { Lang } from '../reports/render/table.js';
import { EXIT } from './errors.js';
import { writeFileAtomic } from './io/atomic-write.js';
import { checkOutputFile } from './io/output-paths.js';
import { langOption } from './lang-option.js';
import { SEVERITIES, type Severity } from './model.js';

interface DiffFlags {
  format: 'table' | 'json' | 'md';
  lang: Lang;
  out?: string;
  failOn: Severity | 'none';
}

const EXAMPLES = `
Examples:
  # what changed since last night's report
  $ kumoscan diff yesterday.json today.json

  # Markdown for a ticket, in Japanese; fail only on new critical findings
  $ kumoscan diff yesterday.json today.json --format md --lang ja --fail-on critical

"Resolved" means the later report covered the resource (or account) and no longer raises the finding; a finding
on something the later report did not cover (--buckets, another --shard, a failed listing) is "not covered".

Exit codes:
  0  no new finding at or above --fail-on
  1  new findings at or above --fail-on
  2  bad input (unreadable file, not a kumoscan report, reports of different providers)
`;

export function registerDiffCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('diff')
    .description('compare two JSON reports: findings new, resolved and unchanged, and severity changes')
    .argument('<before.json>', 'the earlier report (kumoscan scan --format json)')
    .argument('<after.json>', 'the later report')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .addOption(langOption('language of the table and Markdown'))
    .option('--out <file>', 'write the diff to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a NEW finding is at or above this severity').choices([...SEVERITIES, 'none']).default('high'))
    .addHelpText('after', EXAMPLES)
    .action(async (before: string, after: string, flags: DiffFlags) => {
      setExit(await runDiff(before, after, flags, write));
    });
}

export async function runDiff(before: string, after: string, flags: DiffFlags, write: (text: string) => void): Promise<number> {
  if (flags.out !== undefined) checkOutputFile(flags.out, '--out');
  const [{ diffReports, newAtOrAbove, renderDiffJson, renderDiffMarkdown, renderDiffTable }, { readReportFile }] = await Promise.all([import('../reports/diff.js'), import('../reports/render/load.js')]);
  const later = readReportFile(after);
  const diff = diffReports(readReportFile(before), later, { a: before, b: after });
  const text = flags.format === 'json' ? renderDiffJson(diff) : flags.format === 'md' ? renderDiffMarkdown(diff, flags.lang) : renderDiffTable(diff, flags.lang, later);
  if (flags.out !== undefined) await writeFileAtomic(flags.out, text);
  else write(text);
  return newAtOrAbove(diff, flags.failOn).length > 0 ? EXIT.FINDINGS : EXIT.OK;
}
