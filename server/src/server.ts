/**
 * The language server's executable entry: `node server/out/server.js --stdio` (or `--node-ipc`,
 * `--socket=PORT`, as vscode-languageserver reads the transport from the command line). The code
 * cache goes first: what it speeds up is loading TypeScript, which the server requires.
 */
import { enableCodeCache } from './code-cache';

enableCodeCache();

// Required, not imported: an import would load TypeScript before the cache is enabled.
const { startServer } = require('./lsp/server') as typeof import('./lsp/server');
const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');

startServer(createConnection(ProposedFeatures.all));
