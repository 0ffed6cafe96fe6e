/**
 * The VS Code extension: starts the Cardinal language server and adds its commands and status item.
 * All analysis happens in the server; this side only presents it.
 */
import { ExtensionContext, window } from 'vscode';
import { createLanguageClient } from './client';
import { COMMANDS, registerCommands } from './commands';
import { FlowView } from './flow-view';
import { RulePages } from './rule-pages';
import { registerReasonSelection } from './suppression-reason';
import { CardinalStatus } from './status';

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Cardinal', { log: true });
  const status = new CardinalStatus(COMMANDS.showOutput);
  const rulePages = new RulePages(context.extensionUri);
  const languageClient = createLanguageClient(context, output, rulePages);
  // Disposing the client (on deactivation) stops the server.
  context.subscriptions.push(
    languageClient,
    output,
    status,
    new FlowView(),
    registerReasonSelection(),
    languageClient.onDidChangeState((event) => status.setState(event.newState)),
    ...registerCommands(languageClient, output, rulePages),
  );
  try {
    await languageClient.start();
  } catch (error) {
    status.setFailed();
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
