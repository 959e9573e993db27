// The redactor every log string goes through before it is written: credentials in any of the forms the three
// clouds' SDKs, connection strings and URLs carry them are replaced by a marker naming what was removed.
// Conservative by design: a false positive costs a few characters of a log line, a false negative a leak.

import { escapeControls } from '../text/sanitize.js';

const MARK = (what: string): string => `[REDACTED:${what}]`;

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const RULES: Rule[] = [
  // PEM private keys (GCP service-account keys, TLS keys), whole or cut, with real or JSON-escaped newlines.
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, replace: () => MARK('private-key') },
  // "private_key": "…" in a service-account JSON (escaped quotes inside are not expected).
  { pattern: /("private_key(?:_id)?"\s*:\s*")[^"]*(")/gi, replace: (_m, a, b) => `${a}${MARK('private-key')}${b}` },
  // URL user info: https://user:password@host
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"']+@/gi, replace: (_m, scheme) => `${scheme}${MARK('userinfo')}@` },
  // Query strings of URLs (SAS tokens, X-Amz-Signature, X-Amz-Security-Token, access_token=…): removed whole.
  { pattern: /\b((?:https?|wss?):\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi, replace: (_m, base) => `${base}?${MARK('query')}` },
  // Azure connection-string secrets.
  { pattern: /\b(AccountKey|SharedAccessKey|SharedAccessSignature)=[^;\s"']*/gi, replace: (_m, k) => `${k}=${MARK('azure-key')}` },
  // A SAS token outside a URL: sig=… (and the whole token's signature only; the other fields are not secret).
  { pattern: /\bsig=[^&\s"';]+/gi, replace: () => `sig=${MARK('sas-signature')}` },
  // Authorization headers: Bearer / Basic / SharedKey / AWS4-HMAC-SHA256 credentials.
  { pattern: /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g, replace: (_m, kind) => `${kind} ${MARK('token')}` },
  { pattern: /\b(SharedKey(?:Lite)?\s+[^:\s]+):[A-Za-z0-9+/=]+/g, replace: (_m, who) => `${who}:${MARK('azure-key')}` },
  { pattern: /\b(Signature|X-Amz-Signature)=[0-9a-f]{16,}/gi, replace: (_m, k) => `${k}=${MARK('signature')}` },
  // Named secrets in key=value, key: value or JSON form (aws_secret_access_key, SecretAccessKey, SessionToken,
  // AWS_SESSION_TOKEN, client_secret, password, access_token, refresh_token, api_key …).
  {
    pattern:
      /\b([A-Za-z_]*(?:secret[_-]?access[_-]?key|session[_-]?token|security[_-]?token|client[_-]?secret|password|passwd|access[_-]?token|refresh[_-]?token|id[_-]?token|api[_-]?key|secret))(["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi,
    replace: (_m, key, sep) => `${key}${sep}${MARK('secret')}`,
  },
  // AWS access key ids (long-term AKIA, temporary ASIA).
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: () => MARK('aws-access-key-id') },
  // Google OAuth access tokens and JWTs.
  { pattern: /\bya29\.[A-Za-z0-9_\-.]+/g, replace: () => MARK('token') },
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: () => MARK('token') },
  // Long base64 runs (session tokens, keys) and 40-character mixed-case base64 words (AWS secret keys; a bucket
  // name has no capitals, a hex digest no capitals either).
  { pattern: /[A-Za-z0-9+/]{80,}={0,2}/g, replace: () => MARK('token') },
  {
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/])/g,
    replace: (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9+/]/.test(m) ? MARK('secret') : m),
  },
];

/** Removes every credential form the rules know from one string. */
export function redact(text: string): string {
  let out = text;
  for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as (substring: string, ...args: string[]) => string);
  return out;
}

/** A message fit for one log line: first line, redacted, at most `max` characters. */
export function shortMessage(text: string, max = 240): string {
  const first = redact(text).split(/\r?\n/)[0] ?? '';
  const clean = escapeControls(first.trim());
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export type FieldValue = string | number | boolean | null | readonly FieldValue[] | { readonly [k: string]: FieldValue };

/** Redacts every string inside a value (arrays and objects included); numbers and booleans pass as they are. */
export function redactValue<T extends FieldValue>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: FieldValue) => redactValue(v)) as unknown as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, FieldValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, FieldValue>)) out[k] = redactValue(v);
    return out as T;
  }
  return value;
}
