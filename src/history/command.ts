// `kumoscan history runs|show|trend|prune`: read the exposure history (--history PATH|URL, or kumoscan.yml `history:`).
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
  format: 'table' | 'json' | 'html';
  lang: Lang;
  keepDays?: string;
}

const EXAMPLES = `
Examples:
  $ kumoscan history runs --history kumoscan-history.db
  $ kumoscan history show hr-exports --history postgres://kumoscan@db.internal:5432/kumoscan
  $ PGPASSWORD=… kumoscan history show arn:aws:s3:::hr-exports --history postgres://kumoscan@db/kumoscan --format json
  $ kumoscan history trend --history kumoscan-history.db --format html --lang ja > trend.html
  $ kumoscan history prune --keep-days 400 --history kumoscan-history.db

Exit codes:
  0  done
  2  usage error (no --history, a bad URL, an unknown or ambiguous resource, a bad --keep-days)
  3  the history database could not be opened or read
`;

/** --history, else the configuration's `history:` (--config or ./kumoscan.yml). */
export async function historyTargetOf(flag: string | undefined, configFlag: string | undefined): Promise<HistoryTarget> {
  const target = await historyTargetFrom(flag, configFlag);
  if (target === undefined) throw new UsageError('give --history PATH|URL (or `history:` in kumoscan.yml)');
  return target;
}

function common(cmd: Command, formats: readonly string[] = ['table', 'json']): Command {
  // A parsing error (a missing option or argument) reaches main() as a CommanderError: exit 2, as for every command.
  return cmd
    .exitOverride()
    .option('--history <path|url>', 'the history: a SQLite file (PATH or sqlite:PATH) or postgres://USER@HOST:PORT/DATABASE (password from the URL or PGPASSWORD)')
    .option('--config <file>', 'configuration file whose `history:` is used when --history is not given')
    .addOption(new Option('--format <format>', 'output format').choices([...formats]).default('table'))
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
      const { runs, observations } = await store.resourceHistory(resource);
      const ids = [...new Set(observations.map((o) => o.resourceId))];
      if (ids.length === 0) throw new UsageError(`no resource "${resource}" in the history ${store.label}`);
      if (ids.length > 1) throw new UsageError(`"${resource}" names ${ids.length} resources; give one id: ${ids.join(', ')}`);
      const timeline = buildTimeline(observations, runs);
      if (timeline) write(flags.format === 'json' ? renderJsonValue({ timeline }) : renderTimelineTable(timeline, flags.lang));
    }));
  });
  common(history.command('trend').description('per run: findings by severity, new and resolved findings, exposed resources with personal data'), ['table', 'json', 'html']).action(async (flags: HistoryFlags) => {
    setExit(await withHistory(flags, async (store) => {
      const [{ trendRowsOfCounts }, render, { renderJsonValue }] = await Promise.all([import('./trend.js'), import('./trend-render.js'), import('./render.js')]);
      const trend = trendRowsOfCounts(await store.trendCounts());
      write(flags.format === 'json' ? renderJsonValue({ trend }) : flags.format === 'html' ? render.renderTrendHtml(trend, flags.lang) : render.renderTrendTable(trend, flags.lang));
    }));
  });
  common(history.command('prune').description('delete the runs collected more than N days ago, with their rows, in one transaction').requiredOption('--keep-days <n>', 'keep the runs of the last N days (a positive whole number)')).action(async (flags: HistoryFlags) => {
    const { parseKeepDays, pruneCutoff, renderPruneText, pruneJson } = await import('./prune.js');
    const keepDays = parseKeepDays(flags.keepDays ?? '');
    if (typeof keepDays === 'string') throw new UsageError(keepDays);
    setExit(await withHistory(flags, async (store) => {
      const before = pruneCutoff(keepDays, new Date());
      const result = { keepDays, before, ...(await store.pruneRuns(before)) };
      write(flags.format === 'json' ? (await import('./render.js')).renderJsonValue(pruneJson(result)) : renderPruneText(result, flags.lang));
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
