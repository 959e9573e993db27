// E-mail messages (.eml, RFC 5322 / MIME) parsed with mailparser: the Subject, From, To, Cc and Reply-To headers
// and the text body (else the HTML body) as text — any charset mailparser knows (ISO-2022-JP, Shift_JIS, UTF-8 …),
// base64 and quoted-printable; attachments (and attached messages) decoded as members through the registry.
// The message is read whole, bounded before parsing (MAX_MAIL_BYTES and the object's limits).
import { note } from '../note-messages.js';
import type { Segment } from '../../types.js';
import { chunksOf } from '../byte-source.js';
import { formatBytes, MiB } from '../limits.js';
import { HtmlSegmenter } from '../markup.js';
import { TextChunkSegmenter } from '../text-chunks.js';
import { notDecoded, readWhole, unread } from './common.js';
import { bufferCap } from './limits.js';
import { memberBatches, type Member } from './members.js';
import type { FormatSpec } from './types.js';

/** The largest message parsed (mailparser holds it, its bodies and attachments in memory). */
export const MAX_MAIL_BYTES = 32 * MiB;

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;
const MAIL_ID = new Set(['mime-version', 'received', 'message-id', 'return-path', 'delivered-to']);

/** A block of RFC 5322 header lines with From, a mail-transport header and Subject/To/Date, then a blank line. */
export function looksLikeMail(head: Buffer): boolean {
  const lines = head.toString('latin1', 0, Math.min(head.length, 32 * 1024)).split(/\r?\n/);
  const names = new Set<string>();
  for (let i = 0; i < Math.min(lines.length, 400); i++) {
    const line = lines[i] as string;
    if (line === '') break;
    if (/^[ \t]/.test(line) && i > 0) continue; // a folded header
    if (!HEADER_LINE.test(line)) return false;
    names.add(line.slice(0, line.indexOf(':')).toLowerCase());
  }
  return names.has('from') && [...names].some((n) => MAIL_ID.has(n)) && (names.has('subject') || names.has('to') || names.has('date'));
}

interface Address {
  text?: string;
}

function addressText(v: Address | Address[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : [v];
  const text = list.map((a) => a.text ?? '').filter((t) => t !== '').join(', ');
  return text === '' ? undefined : text;
}

/** The first charset the message declares (for the profile's encoding; mailparser decodes each part by its own). */
function declaredCharset(raw: Buffer): string {
  const m = /charset\s*=\s*"?([A-Za-z0-9_.:-]+)/i.exec(raw.toString('latin1', 0, Math.min(raw.length, 256 * 1024)));
  return m ? (m[1] as string).toLowerCase() : 'us-ascii';
}

export const emlFormat: FormatSpec = {
  id: 'eml',
  title: 'e-mail (.eml, MIME): headers, text/HTML body, attachments as members',
  extensions: ['eml'],
  // A .eml needs only to start with a header line (a hand-written message without transport headers).
  byExtension: (head) => HEADER_LINE.test(head.toString('latin1', 0, 200)),
  magic: looksLikeMail,
  nesting: 'container',
  depthLimited: true,
  async open(input, _sniff, env) {
    const { ctx } = env;
    const cap = Math.min(bufferCap(ctx), MAX_MAIL_BYTES);
    const read = await readWhole(input.stream, cap);
    if (read.over) ctx.cut(note('larger-than', { stream: 'e-mail', limit: formatBytes(cap) }));
    if (read.error !== undefined) ctx.cut(note('read-error', { error: read.error }));
    const { simpleParser } = await import('mailparser');
    let mail: Awaited<ReturnType<typeof simpleParser>>;
    try {
      mail = await simpleParser(read.bytes, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true, keepCidLinks: true });
    } catch {
      unread(env, note('eml-unparsed'), true);
      return notDecoded('eml', 'binary');
    }
    const charset = declaredCharset(read.bytes);
    const encodings = new Set<string>();
    const parsed = mail;
    async function* batches(): AsyncGenerator<Segment[]> {
      const headers: [string, string | undefined][] = [
        ['Subject', parsed.subject],
        ['From', addressText(parsed.from)],
        ['To', addressText(parsed.to)],
        ['Cc', addressText(parsed.cc)],
        ['Reply-To', addressText(parsed.replyTo)],
      ];
      const head = headers.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}\n`).join('');
      const body = typeof parsed.text === 'string' && parsed.text.trim() !== '' ? new TextChunkSegmenter() : typeof parsed.html === 'string' ? new HtmlSegmenter((n) => ctx.note(n)) : null;
      const out: Segment[] = [];
      const chunks = new TextChunkSegmenter();
      chunks.write(head, out);
      chunks.end(false, out);
      if (body !== null) {
        body.write(body instanceof TextChunkSegmenter ? (parsed.text as string) : (parsed.html as string), out);
        body.end(read.over, out);
      }
      if (out.length > 0) yield out;
      const members = (async function* (): AsyncGenerator<Member> {
        let i = 0;
        for (const a of parsed.attachments) {
          i++;
          if (ctx.stopped) return;
          yield { name: a.filename !== undefined && a.filename !== '' ? a.filename : `attachment-${i}`, data: chunksOf(a.content) };
        }
      })();
      yield* memberBatches(members, env, encodings);
    }
    return { encoding: () => charset, format: () => 'eml', decoded: true, batches: batches(), close: () => Promise.resolve() };
  },
};
