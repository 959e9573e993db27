// `kumoscan demo [--out-dir DIR]`: registered on the program by src/cli.ts. The demo itself (Azurite, the Azure
// SDK) is imported when it runs. What stops it (src/demo/demo-error.ts) is said in --lang: a bad --out-dir is a
// usage error (exit 2), anything else ends the demo with exit 3.
import type { Command } from 'commander';
import type { Lang } from '../model.js';
import { EXIT, UsageError } from '../errors.js';
import { langOption } from '../lang-option.js';
import { ReportedError } from '../log/cli-logging.js';
import { redact } from '../log/redact.js';
import { escapeControls } from '../text/sanitize.js';
import { DemoError } from './demo-error.js';

export function registerDemoCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('demo')
    .description('run the HR-system incident end to end with no cloud account: Azurite on 127.0.0.1 scanned live, plus the AWS and GCS example snapshots; writes an HTML report and JSON reports')
    .option('--out-dir <dir>', 'where to write the reports (default: a new folder ./kumoscan-demo-<timestamp>)')
    .addOption(langOption('language of what is printed (the HTML report has a switch)'))
    .action(async (flags: { outDir?: string; lang: Lang }) => {
      const { demoSummary, runDemo } = await import('./run.js');
      try {
        const result = await runDemo({ ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}), lang: flags.lang, progress: (line) => process.stderr.write(`kumoscan demo: ${line}\n`) });
        write(demoSummary(result, flags.lang));
        setExit(EXIT.OK);
      } catch (err) {
        if (!(err instanceof DemoError)) throw err;
        if (err.usage) throw new UsageError(err.text(flags.lang));
        process.stderr.write(`kumoscan demo: ${escapeControls(redact(err.text(flags.lang)))}\n`);
        throw new ReportedError(EXIT.INCOMPLETE);
      }
    });
}
