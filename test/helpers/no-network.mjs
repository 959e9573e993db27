// Preloaded (node --import) into a child process, its worker threads included: every way out to the network
// throws and is logged on stderr as "NETWORK ATTEMPT". Used by test/unit/ocr-offline.test.ts.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const deny = (what) => () => {
  process.stderr.write(`NETWORK ATTEMPT ${what}\n`);
  throw new Error(`network denied (${what})`);
};
globalThis.fetch = deny('fetch');
http.request = deny('http.request');
http.get = deny('http.get');
https.request = deny('https.request');
https.get = deny('https.get');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
net.Socket.prototype.connect = deny('socket.connect');
tls.connect = deny('tls.connect');
dns.lookup = deny('dns.lookup');
