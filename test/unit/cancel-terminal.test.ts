// Ctrl-C during a scan on a terminal: the progress bar is erased before "cancelled" is printed, so the terminal
// is left with the message only (not the bar above it). The terminal is a small screen model fed with what the
// command writes on standard error (carriage return, newline, cursor up, erase line / erase below).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { installCancelHandlers } from '../../src/io/cancel.js';
import { scanLogger } from '../../src/log/cli-logging.js';

/** The lines a terminal shows after `text` was written to it. */
function screen(text: string): string[] {
  const lines: string[] = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      col = 0;
      if (lines.length <= row) lines.push('');
    } else if (c === '\x1b') {
      const m = /^\x1b\[(\d*)([A-Za-z])/.exec(text.slice(i));
      if (!m) continue;
      i += m[0].length - 1;
      const n = Number(m[1] || '1');
      if (m[2] === 'A') row = Math.max(0, row - n);
      else if (m[2] === 'K') lines[row] = (lines[row] ?? '').slice(0, col);
      else if (m[2] === 'J') lines.splice(row, lines.length, (lines[row] ?? '').slice(0, col));
    } else {
      const line = (lines[row] ?? '').padEnd(col);
      lines[row] = line.slice(0, col) + c + line.slice(col + 1);
      col++;
    }
  }
  return lines.filter((l) => l.length > 0);
}

describe('Ctrl-C on a terminal', () => {
  for (const [signal, message] of [
    ['SIGINT', 'kumoscan: cancelled (SIGINT); no file was left half-written (files not yet written keep their previous content)'],
    ['SIGTERM', 'kumoscan: cancelled (SIGTERM); no file was left half-written (files not yet written keep their previous content)'],
  ] as const) {
    test(`${signal} while the progress bar is drawn leaves the message alone on the screen`, async () => {
      let written = '';
      const tty = { isTTY: true, columns: 80, write: (s: string) => (written += s) };
      const exits: number[] = [];
      const uninstall = installCancelHandlers(() => 'en', tty, (code) => exits.push(code));
      const log = scanLogger({ logFormat: 'auto', progress: true }, tty);
      let release = (): void => undefined;
      const running = log.run(async () => {
        log.start('aws', { concurrency: 8, buckets: [], sample: 'none', failOn: 'high', format: ['table'] });
        log.events({ event: 'collect.start', provider: 'aws' });
        log.events({ event: 'resource.done', provider: 'aws', name: 'hr-exports', done: 1, total: 4, errors: 0 });
        await new Promise<void>((resolve) => (release = resolve));
        return 0;
      });
      try {
        assert.match(screen(written).join('\n'), /aws/, 'the bar is on the screen while the scan runs');
        const handler = process.listeners(signal).at(-1) as () => void;
        handler();
        assert.deepEqual(exits, [signal === 'SIGINT' ? 130 : 143]);
        assert.deepEqual(screen(written), [message]);
      } finally {
        release();
        await running;
        uninstall();
      }
    });
  }

  test('without a bar (standard error not a terminal) the message is the only output, with no blank line', () => {
    let written = '';
    const pipe = { isTTY: false, write: (s: string) => (written += s) };
    const uninstall = installCancelHandlers(() => 'en', pipe, () => undefined);
    try {
      (process.listeners('SIGINT').at(-1) as () => void)();
      assert.equal(written, 'kumoscan: cancelled (SIGINT); no file was left half-written (files not yet written keep their previous content)\n');
    } finally {
      uninstall();
    }
  });
});
