// `kumoscan history runs|show`: read the exposure history (--history PATH|URL, or kumoscan.yml `history:`).
// Registered at start-up with commander only; the store and its driver are imported when a subcommand runs.
import { Option, type Command } from 'commander';
import type { Lang } from '../../reports/render/table.js';
import { escapeControls } from '../text/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import { langOption } from '../lang-option.js';
import type { HistoryTarget } from './target.js';
import { historyTargetFrom } from './history-flag.js';

interface HistoryFlags {
  history?: string;
  config?: string;
  format: 'table' | 'json';
  lang: Lang;
}

const EXAMPLES = `
Examples:
  $ kumoscan history runs --history kumoscan-history.db
  $ kumoscan history show hr-exports --history postgres://kumoscan@db.internal:5432/kumoscan
  $ PGPASSWORD=… kumoscan history show arn:aws:s3:::hr-exports --history postgres://kumoscan@db/kumoscan --format json

Exit codes:
  0  done
  2  usage error (no --history, a bad URL, an unknown or ambiguous resource)
  3  the history database could not be opened or read
`;

/** --history, else the configuration's `history:` (--config or ./kumoscan.yml). */
export async function historyTargetOf(flag: string | undefined, configFlag: string | undefined): Promise<HistoryTarget> {
  const target = await historyTargetFrom(flag, configFlag);
  if (target === undefined) throw new UsageError('give --history PATH|URL (or `history:` in kumoscan.yml)');
  return target;
}

function common(cmd: Command): Command {
  return cmd
    .option('--history <path|url>', 'the history: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST:PORT/DATABASE (password from the URL or PGPASSWORD)')
    .option('--config <file>', 'configuration file whose `history:` is used when --history is not given')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(langOption('language of the table'))
    .addHelpText('after', EXAMPLES);
}

export function registerHistoryCommand(program: Command, setExit: (code: number) => void, write: (text: string) => void): void {
  const history = program.command('history').description('the exposure history of earlier scans (kumoscan scan --history): runs, and when a resource was public');
  common(history.command('runs').description('list the stored runs, oldest first')).action(async (flags: HistoryFlags) => {
    setExit(await withHistory(flags, async (store) => {
      const { renderRunsTable, renderJsonValue } = await import('./render.js');
      const runs = await store.listRuns();
      write(flags.format === 'json' ? renderJsonValue({ runs }) : renderRunsTable(runs, flags.lang));
    }));
  });
  common(history.command('show').description('one resource\'s timeline: first and last seen public, resolved at, every exposure window with its bounds').argument('<resource>', 'resource id (arn:aws:s3:::NAME …) or name')).action(async (resource: string, flags: HistoryFlags) => {
    setExit(await withHistory(flags, async (store) => {
      const [{ renderTimelineTable, renderJsonValue }, { buildTimeline }] = await Promise.all([import('./render.js'), import('./timeline.js')]);
      const observations = await store.observations(resource);
      const ids = [...new Set(observations.map((o) => o.resourceId))];
      if (ids.length === 0) throw new UsageError(`no resource "${resource}" in the history ${store.label}`);
      if (ids.length > 1) throw new UsageError(`"${resource}" names ${ids.length} resources; give one id: ${ids.join(', ')}`);
      const timeline = buildTimeline(observations, await store.listRuns());
      if (timeline) write(flags.format === 'json' ? renderJsonValue({ timeline }) : renderTimelineTable(timeline, flags.lang));
    }));
  });
}

async function withHistory(flags: HistoryFlags, body: (store: import('./store.js').HistoryStore) => Promise<void>): Promise<number> {
  const target = await historyTargetOf(flags.history, flags.config);
  const { openHistoryStore, HistoryError } = await import('./open-store.js');
  try {
    const store = await openHistoryStore(target);
    try {
      await body(store);
    } finally {
      await store.close().catch(() => undefined);
    }
    return EXIT.OK;
  } catch (err) {
    if (err instanceof HistoryError) {
      process.stderr.write(`kumoscan: ${escapeControls(err.text(flags.lang))}\n`);
      return EXIT.INCOMPLETE;
    }
    throw err;
  }
}
