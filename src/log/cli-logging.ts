// The glue between `kumoscan scan` and the logger: picks the mode from the flags and the stream, emits the
// events only the command line knows (start, report written, end) and turns an error that stops the scan into
// a fatal event — as a JSON line in json mode (then main() prints nothing more), as main()'s usual
// "kumoscan: …" line otherwise.
import { EXIT, UsageError } from '../errors.js';
import { VERSION } from '../package-info.js';
import type { ScanOutcome } from '../scan.js';
import type { ScanEvent, ScanEventSink } from './events.js';
import { Logger, chooseLogMode, type LogFormat, type LogStream } from './logger.js';
import { shortMessage } from './redact.js';
import { onCancelClear } from '../io/cancel.js';

export type { LogFormat } from './logger.js';

/** An error already written to the log (json mode); main() only returns its exit code. */
export class ReportedError extends Error {
  constructor(readonly exitCode: number) {
    super('reported');
  }
}

export interface LoggingFlags {
  logFormat: LogFormat;
  progress: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** The scan flags the start event shows: what shapes the scan, nothing that authenticates it. */
export interface StartFlags {
  input?: string;
  concurrency: number;
  buckets: string[];
  probe?: boolean;
  sample: string;
  failOn: string;
  format: readonly string[];
}

export interface ScanLogging {
  logger: Logger;
  events: ScanEventSink;
  start(provider: string | undefined, flags: StartFlags): void;
  /** Erases the bar before the report goes to standard output (the same terminal, often). */
  clear(): void;
  end(outcome: ScanOutcome, formats: readonly string[], written: readonly string[]): void;
  run(body: () => Promise<number>): Promise<number>;
}

/** How long the collect.start line (and scan.start) may wait for the next event. */
export const COLLECT_LINE_DELAY_MS = 1000;

export function scanLogger(flags: LoggingFlags, stream: LogStream, now: () => Date = () => new Date()): ScanLogging {
  const logger = new Logger(
    stream,
    {
      mode: chooseLogMode(flags.logFormat, stream, flags.progress),
      progress: flags.progress,
      ...(flags.quiet ? { quiet: true } : {}),
      ...(flags.verbose ? { verbose: true } : {}),
    },
    now,
  );
  const startedAt = now();
  const started = startedAt.getTime();
  // scan.start waits for the next event (with its own time): a scan that stops on a usage error before reading
  // anything leaves only the usual one-line error in text mode. collect.start waits too, but at most
  // COLLECT_LINE_DELAY_MS: an error found at once (bad flags, no credentials) still leaves one line, while a scan
  // that runs long or hangs on its first calls shows that it started.
  let pending: ScanEvent | undefined;
  let collecting: { event: ScanEvent; at: Date } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending) logger.emit(pending, startedAt);
    pending = undefined;
    if (collecting) logger.emit(collecting.event, collecting.at);
    collecting = undefined;
  };
  const drop = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  const events: ScanEventSink = (event) => {
    if (event.event === 'collect.start') {
      collecting = { event, at: now() };
      timer = setTimeout(flush, COLLECT_LINE_DELAY_MS);
      timer.unref();
      return;
    }
    flush();
    logger.emit(event);
  };
  return {
    logger,
    events,
    start(provider, f) {
      pending = {
        event: 'scan.start',
        version: VERSION,
        provider: provider ?? null,
        source: f.input ? 'snapshot' : 'live',
        concurrency: f.concurrency,
        bucketFilters: f.buckets,
        probe: f.probe === true,
        sample: f.input ? 'none' : f.sample,
        failOn: f.failOn,
        formats: [...f.format],
      };
      // The bar shows at once (it is erased before an error line anyway).
      if (logger.mode === 'bar') flush();
    },
    clear() {
      logger.close();
    },
    end(outcome, formats, written) {
      flush();
      const format = formats[0] ?? 'table';
      if (written.length === 0) logger.emit({ event: 'report.written', path: '-', format });
      else if (written.length === 1 && formats.length === 1) logger.emit({ event: 'report.written', path: written[0] ?? '-', format });
      else written.forEach((path, i) => logger.emit({ event: 'report.written', path, format: formats[i] ?? format }));
      const { summary } = outcome.report;
      logger.emit({
        event: 'scan.end',
        provider: outcome.report.scope.provider,
        durationMs: Math.max(0, now().getTime() - started),
        resources: summary.resources,
        findings: { ...summary.findings },
        errors: summary.errors,
        complete: summary.complete,
        exitCode: outcome.exitCode,
      });
      logger.close();
    },
    async run(body) {
      // Ctrl-C / SIGTERM erase the bar before "cancelled" (src/io/cancel.ts).
      const forget = onCancelClear(() => logger.close());
      try {
        return await body();
      } catch (err) {
        logger.close();
        if (logger.mode !== 'json') {
          drop();
          throw err;
        }
        flush();
        const exitCode = err instanceof UsageError ? EXIT.USAGE : EXIT.INCOMPLETE;
        const message = err instanceof Error ? err.message : String(err);
        logger.emit({ event: 'fatal', message: shortMessage(err instanceof UsageError ? message : `scan failed: ${message}`, 500), exitCode });
        throw new ReportedError(exitCode);
      } finally {
        forget();
      }
    },
  };
}
