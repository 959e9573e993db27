// One log object's bytes → text: gunzipped when it is gzip (bounded: a gzip bomb is an error, not a crash),
// then UTF-8. The text stays in memory for the parse and is dropped.
import { gunzipSync } from 'node:zlib';

export class LogObjectError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

export function logText(bytes: Uint8Array, maxDecompressedBytes: number): string {
  let plain = bytes;
  if (isGzip(bytes)) {
    try {
      plain = gunzipSync(bytes, { maxOutputLength: maxDecompressedBytes });
    } catch (err) {
      const e = err as { code?: string };
      if (e.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        throw new LogObjectError('DecompressedTooLarge', `decompresses to more than ${maxDecompressedBytes} bytes (gzip-bomb protection)`);
      }
      throw new LogObjectError('CorruptGzip', `not a complete gzip stream (${(err as Error).message.slice(0, 120)})`);
    }
  }
  return new TextDecoder('utf-8').decode(plain);
}
