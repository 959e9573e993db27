// SIGINT (Ctrl-C) and SIGTERM (docker stop, a CI runner's timeout) stop any kumoscan command cleanly: the
// temporary files of writes under way are removed (the previous reports and snapshots stay as they were, since
// only a finished write is renamed over them), "cancelled" is printed on standard error, and the process exits
// 130 (SIGINT) or 143 (SIGTERM), as a shell reports a command killed by those signals.
import { removePendingTempFiles } from './atomic-write.js';

export type CancelLang = 'ja' | 'en';

const EXIT_FOR: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

export function cancelMessage(signal: 'SIGINT' | 'SIGTERM', lang: CancelLang): string {
  return lang === 'ja' ? `kumoscan: 中断しました（${signal}）。書きかけのファイルは削除しました（書き終えていないファイルは以前のままです）。\n` : `kumoscan: cancelled (${signal}); no file was left half-written (files not yet written keep their previous content)\n`;
}

/** Installs the handlers; returns a function that removes them again. */
export function installCancelHandlers(lang: () => CancelLang, stderr: NodeJS.WritableStream = process.stderr): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): void => {
      removePendingTempFiles();
      try {
        // A progress bar may be on the line: start a new one.
        stderr.write(`${(stderr as { isTTY?: boolean }).isTTY ? '\n' : ''}${cancelMessage(signal, lang())}`);
      } catch {
        // standard error closed: exit anyway
      }
      process.exit(EXIT_FOR[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
