import * as path from 'node:path';
import { CodeAction, ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { RulePages } from './rule-pages';
import { createTraceChannel } from './trace-channel';
import { withReasonSelection } from './suppression-reason';

/**
 * The server's entry, relative to the extension's folder: the bundled client (dist/client.js, what the
 * .vsix ships) starts the bundled server, the tsc-compiled client the compiled one. Choosing by where
 * this code runs, not by which file exists, keeps a stale bundle from shadowing fresh tsc output.
 */
export const SERVER_MODULE = path.basename(__dirname) === 'dist' ? path.join('dist', 'server.js') : path.join('server', 'out', 'server.js');

/** The client id; VS Code reads `cardinal.trace.server` because of it. */
const CLIENT_ID = 'cardinal';

/** Every language Cardinal may analyse, in files on disk. */
const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go'];

/** The language client, not yet started. The server runs in a Node process of its own, over IPC. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel, rulePages: RulePages): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const trace = createTraceChannel();
  context.subscriptions.push(trace);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    outputChannel: output,
    traceOutputChannel: trace,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((diagnostic) => rulePages.linked(diagnostic))),
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = (await next(document, range, context, token)) ?? [];
        const withSelection = actions.map((action) => (action instanceof CodeAction ? withReasonSelection(action, document.uri) : action));
        return [...withSelection, ...rulePages.documentationActions(context)];
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'Cardinal', serverOptions, clientOptions);
}
