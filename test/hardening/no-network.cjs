'use strict';
/**
 * Preload (`node --require test/hardening/no-network.cjs …`) that takes the network and
 * process spawning away: every way Node has to open a connection, resolve a name, fetch,
 * or start a program throws, and each attempt is appended to the file named by
 * NO_NETWORK_LOG (one line each) so that a test can tell that none was made even where
 * the code under test catches the error.
 */
const fs = require('node:fs');

const log = process.env.NO_NETWORK_LOG;

function blocked(name) {
  return function () {
    const line = `${name} ${process.pid} ${JSON.stringify(Array.from(arguments).map((a) => (typeof a === 'function' ? 'fn' : a)).slice(0, 2))}\n`;
    if (log) {
      try {
        fs.appendFileSync(log, line);
      } catch {
        /* the log is best effort */
      }
    }
    throw new Error(`no-network preload: ${name} is not allowed`);
  };
}

function stub(mod, modName, names) {
  for (const n of names) {
    if (typeof mod[n] === 'function') mod[n] = blocked(`${modName}.${n}`);
  }
}

stub(require('node:net'), 'net', ['connect', 'createConnection', 'createServer']);
stub(require('node:tls'), 'tls', ['connect', 'createServer']);
stub(require('node:http'), 'http', ['request', 'get', 'createServer']);
stub(require('node:https'), 'https', ['request', 'get', 'createServer']);
stub(require('node:http2'), 'http2', ['connect', 'createServer', 'createSecureServer']);
stub(require('node:dgram'), 'dgram', ['createSocket']);
stub(require('node:dns'), 'dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
stub(require('node:dns').promises, 'dns.promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
stub(require('node:child_process'), 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
globalThis.fetch = blocked('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');
// ES module imports of the built-in modules see the replaced functions too
require('node:module').syncBuiltinESMExports();
