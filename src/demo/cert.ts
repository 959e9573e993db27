// A throwaway self-signed certificate for 127.0.0.1 and localhost, made in memory with node:crypto (an ECDSA P-256
// key and a DER-encoded X.509 v3 certificate), so the demo needs no openssl binary. HTTPS is needed because the Azure
// SDK sends bearer tokens over HTTPS only and Azurite accepts them (OAuth) over HTTPS only. The certificate is its
// own CA (basicConstraints CA:TRUE): a process trusts it through NODE_EXTRA_CA_CERTS, or an https.Agent's `ca`.
import { DemoError } from './demo-error.js';
import { X509Certificate, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalCert {
  /** PEM files (for Azurite's --cert/--key and NODE_EXTRA_CA_CERTS). */
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

// --- DER, just what a certificate needs -------------------------------------------------------------------

function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const seq = (...c: Buffer[]): Buffer => tlv(0x30, ...c);
const set = (...c: Buffer[]): Buffer => tlv(0x31, ...c);
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const explicit = (n: number, c: Buffer): Buffer => tlv(0xa0 + n, c);

function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.from([unusedBits]), bytes);
}

/** A positive INTEGER from big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && ((b[1] ?? 0) & 0x80) === 0) b = b.subarray(1);
  if (((b[0] ?? 0) & 0x80) !== 0) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out: number[] = [a * 40 + b];
  for (const n of rest) {
    const groups: number[] = [];
    let v = n;
    do {
      groups.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime (years 1950–2049), YYMMDDHHMMSSZ. */
function utcTime(d: Date): Buffer {
  const p = (n: number): string => String(n).padStart(2, '0');
  return tlv(0x17, Buffer.from(`${p(d.getUTCFullYear() % 100)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`, 'ascii'));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

function pem(label: string, der: Buffer): Buffer {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return Buffer.from(`-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`, 'ascii');
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** A self-signed certificate for 127.0.0.1 and localhost, valid from an hour ago for `days` days. */
export function makeLocalCert(opts: { dir?: string; days?: number; commonName?: string; now?: Date } = {}): LocalCert {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'kumoscan-tls-'));
  const now = opts.now ?? new Date();
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = seq(set(seq(oid('2.5.4.3'), utf8(opts.commonName ?? 'kumoscan local 127.0.0.1'))));
  const algorithm = seq(oid(ECDSA_WITH_SHA256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    algorithm,
    name,
    seq(utcTime(new Date(now.getTime() - 3600_000)), utcTime(new Date(now.getTime() + (opts.days ?? 2) * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq(bool(true))), // basicConstraints CA:TRUE
        extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 2)), // keyUsage digitalSignature, keyCertSign
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage serverAuth
        extension('2.5.29.17', false, seq(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost', 'ascii')))), // subjectAltName
      ),
    ),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, algorithm, bitString(signature));
  const cert = pem('CERTIFICATE', der);
  const key = Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  // Parse it back: a malformed certificate fails here, not in a TLS handshake later.
  const x509 = new X509Certificate(cert);
  if (!x509.verify(publicKey) || x509.checkIP('127.0.0.1') === undefined) throw new DemoError('certificate');
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  writeFileSync(certPath, cert);
  writeFileSync(keyPath, key, { mode: 0o600 });
  return { certPath, keyPath, cert, key };
}
