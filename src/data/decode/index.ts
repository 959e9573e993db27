// The public API of decoding: bytes (a file, a buffer, a stream, a range GET's prefix) → Segments → FileProfile.
export { classifyBytes, classifyDecoded, classifyFile, classifyFileDetailed, unreadableProfile, type ClassifyOptions } from './classify.js';
export { decodeFile, decodeStream, type DecodedStream, type DecodeOptions, type DecodeStats } from './decode-stream.js';
export { detectEncoding, StreamTextDecoder, type EncodingGuess, type EncodingName } from './encoding.js';
export { DEFAULT_LIMITS, resolveLimits, type DecodeLimits } from './limits.js';
export { FORMATS, recognize } from './formats/index.js';
export type { Env as FormatEnv, FormatSpec, Inner as DecodedInner, Sniff } from './formats/types.js';
export type { ImageInput, ImageText, ImageTextReader, ImageTextRequest } from './image-text.js';
export { sniffMagic, type Magic } from './magic.js';
export { detectTextFormat, type TextFormat, type TextFormatGuess } from './text-format.js';
export type { ByteInput } from './byte-source.js';
