// `kumoscan report r.json | head -1`: when the reader of standard output (or standard error) goes away, a write
// fails with EPIPE, emitted as an 'error' event that would end the process with a stack trace. Here the closed
// stream is noted and left alone: the command finishes quietly with its own exit code. Any other error on standard
// output (a full disk behind a redirection) is one line on standard error and exit 2.

let guarded = false;

function quiet(code: string | undefined): boolean {
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

export function guardStandardStreams(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): void {
  if (guarded) return;
  guarded = true;
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (quiet(err.code)) return;
    try {
      stderr.write(`kumoscan: cannot write to standard output: ${err.code ?? err.message}\n`);
    } finally {
      process.exit(2);
    }
  });
  stderr.on('error', () => {
    // Nowhere left to say anything: carry on and exit with the command's code.
  });
}
