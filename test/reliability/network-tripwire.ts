/**
 * Preloaded (`node --require`) into the CLI and the server by the safety test: every way Node reaches
 * the network is replaced by a tripwire that appends what was attempted to the file named by
 * `CARDINAL_NETWORK_LOG`, then fails. A clean run leaves the file absent.
 */
// The modules themselves, not namespace copies: the tripwires must replace what every caller gets.
import dgram = require('node:dgram');
import dns = require('node:dns');
import fs = require('node:fs');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

const LOG = process.env.CARDINAL_NETWORK_LOG;

function trip(what: string): never {
  if (LOG !== undefined) fs.appendFileSync(LOG, `${process.pid} ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
}

// Pipes (stdio, IPC) are sockets too, but never connect: only connecting sockets are trapped.
net.Socket.prototype.connect = function connect(): never {
  return trip('net.Socket.connect');
};
for (const [module, names] of [
  [net, ['connect', 'createConnection']],
  [tls, ['connect']],
  [http, ['request', 'get']],
  [https, ['request', 'get']],
  [dns, ['lookup', 'resolve', 'resolve4', 'resolve6']],
  [dgram, ['createSocket']],
] as const) {
  for (const name of names) Object.defineProperty(module, name, { value: () => trip(name), configurable: true, writable: true });
}
globalThis.fetch = () => trip('fetch');
