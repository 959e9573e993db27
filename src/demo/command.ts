// `kumoscan demo [--out-dir DIR]`: registered on the program by src/cli.ts.
import { Option, type Command } from 'commander';
import { EXIT } from '../errors.js';
import { demoSummary, runDemo } from './run.js';

function defaultLang(): 'ja' | 'en' {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.startsWith('ja') ? 'ja' : 'en';
}

export function registerDemoCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  program
    .command('demo')
    .description('run the HR-system incident end to end with no cloud account: Azurite on 127.0.0.1 scanned live, plus the AWS and GCS example snapshots; writes an HTML report and JSON reports')
    .option('--out-dir <dir>', 'where to write the reports (default: a new folder ./kumoscan-demo-<timestamp>)')
    .addOption(new Option('--lang <lang>', 'language of what is printed (the HTML report has a switch)').choices(['ja', 'en']).default(defaultLang()))
    .action(async (flags: { outDir?: string; lang: 'ja' | 'en' }) => {
      const result = await runDemo({ ...(flags.outDir !== undefined ? { outDir: flags.outDir } : {}), progress: (line) => process.stderr.write(`kumoscan demo: ${line}\n`) });
      write(demoSummary(result, flags.lang));
      setExit(EXIT.OK);
    });
}
