// bank_account: a 7-digit account number (口座番号), optionally after a 3–4 digit branch number
// (支店番号-口座番号). Seven digits alone are everywhere (postal codes without the hyphen, ids), so the
// detector reports only with context: 口座番号, 普通, 当座, 支店, 銀行, 預金 within 300 characters, or a
// field / label naming an account.
import type { Found } from './found.js';
import { maskChars } from './mask.js';
import { isolated } from './normalize.js';

const RE = /(?<![0-9])(?:([0-9]{3,4})[ -])?([0-9]{7})(?![0-9])/g;

export function findBankAccounts(text: string, out: Found[]): void {
  RE.lastIndex = 0;
  for (let m = RE.exec(text); m !== null; m = RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isolated(text, start, end)) continue;
    const branch = m[1];
    const account = m[2] ?? '';
    const canonical = branch !== undefined ? `${branch}-${account}` : account;
    const masked = branch !== undefined ? `${'*'.repeat(branch.length)}-${maskChars(account)}` : maskChars(account);
    out.push({ type: 'bank_account', start, end, canonical, masked, rule: 'context' });
  }
}
