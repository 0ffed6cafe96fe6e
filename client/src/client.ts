import * as path from 'node:path';
import { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The server's entry, relative to the extension's folder. Packaging may point it at a bundle. */
export const SERVER_MODULE = path.join('server', 'out', 'server.js');

/** The client id; VS Code reads `cardinal.trace.server` because of it. */
const CLIENT_ID = 'cardinal';

/** Every language Cardinal may analyse, in files on disk. */
const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go'];

/** The language client, not yet started. The server runs in a Node process of its own, over IPC. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    outputChannel: output,
  };
  return new LanguageClient(CLIENT_ID, 'Cardinal', serverOptions, clientOptions);
}
