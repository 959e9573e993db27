// A throw-away self-signed certificate for 127.0.0.1, made with openssl for one test run. HTTPS is needed where
// the Azure SDK sends a bearer token (it refuses to over plain HTTP) and where Azurite accepts one (OAuth needs HTTPS).
// The child processes under test trust it through NODE_EXTRA_CA_CERTS.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCert {
  certPath: string;
  keyPath: string;
  cert: Buffer;
  key: Buffer;
}

export function makeTestCert(): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'kumoscan-tls-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    { stdio: 'ignore' },
  );
  return { certPath, keyPath, cert: readFileSync(certPath), key: readFileSync(keyPath) };
}
