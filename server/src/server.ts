/**
 * The language server's executable entry: `node server/out/server.js --stdio` (or `--node-ipc`,
 * `--socket=PORT`, as vscode-languageserver reads the transport from the command line).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
