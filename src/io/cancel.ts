// SIGINT (Ctrl-C) and SIGTERM (docker stop, a CI runner's timeout) stop any kumoscan command cleanly: the
// temporary files of writes under way are removed (the previous reports and snapshots stay as they were, since
// only a finished write is renamed over them), "cancelled" is printed on standard error, and the process exits
// 130 (SIGINT) or 143 (SIGTERM), as a shell reports a command killed by those signals.
import { removePendingTempFiles } from './atomic-write.js';
import type { Lang } from '../model.js';

const EXIT_FOR: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

/** What must be undone on the terminal before "cancelled" is printed (a progress bar: src/log/cli-logging.ts). */
const terminalCleanups = new Set<() => void>();

/** Runs `cleanup` (e.g. erasing the progress bar) when a signal cancels the command; returns the removal. */
export function onCancelClear(cleanup: () => void): () => void {
  terminalCleanups.add(cleanup);
  return () => terminalCleanups.delete(cleanup);
}

export function cancelMessage(signal: 'SIGINT' | 'SIGTERM', lang: Lang): string {
  return lang === 'ja' ? `kumoscan: 中断しました（${signal}）。書きかけのファイルは削除しました（書き終えていないファイルは以前のままです）。\n` : `kumoscan: cancelled (${signal}); no file was left half-written (files not yet written keep their previous content)\n`;
}

/** Installs the handlers; returns a function that removes them again. */
export function installCancelHandlers(lang: () => Lang, stderr: { write(chunk: string): unknown } = process.stderr, exit: (code: number) => void = process.exit): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): void => {
      removePendingTempFiles();
      try {
        // A progress bar is erased, not left above the message.
        for (const cleanup of terminalCleanups) cleanup();
        stderr.write(cancelMessage(signal, lang()));
      } catch {
        // standard error closed: exit anyway
      }
      exit(EXIT_FOR[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
