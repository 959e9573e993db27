// `kumoscan demo [--out-dir DIR]`: registered on the program by src/cli.ts. The demo itself (Azurite, the Azure
// SDK) is imported when it runs.
import type { Command } from 'commander';
import type { Lang } from '../model.js';
import { EXIT } from '../errors.js';
import { langOption } from '../lang-option.js';

export function registerDemoCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('demo')
    .description('run the HR-system incident end to end with no cloud account: Azurite on 127.0.0.1 scanned live, plus the AWS and GCS example snapshots; writes an HTML report and JSON reports')
    .option('--out-dir <dir>', 'where to write the reports (default: a new folder ./kumoscan-demo-<timestamp>)')
    .addOption(langOption('language of what is printed (the HTML report has a switch)'))
    .action(async (flags: { outDir?: string; lang: Lang }) => {
      const { demoSummary, runDemo } = await import('./run.js');
      const result = await runDemo({ ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}), lang: flags.lang, progress: (line) => process.stderr.write(`kumoscan demo: ${line}\n`) });
      write(demoSummary(result, flags.lang));
      setExit(EXIT.OK);
    });
}
