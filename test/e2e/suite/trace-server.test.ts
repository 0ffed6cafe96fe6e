import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait-for';
import { workspaceFile } from './workspace';

/** The text of the first file named `name` under `folder`, or undefined while there is none. */
function logText(folder: string, name: string): string | undefined {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return undefined;
}

/**
 * `cardinal.trace.server` alone turns the trace on, as its description says: the language client's
 * own rule (trace only at the Trace log level of its channel) would ignore it at the default level.
 */
describe('cardinal.trace.server', () => {
  after(() => vscode.workspace.getConfiguration('cardinal').update('trace.server', undefined, vscode.ConfigurationTarget.Global));

  it('logs the messages with the server in the Cardinal Trace channel', async () => {
    const logs = process.env.CARDINAL_E2E_LOGS;
    assert.ok(logs, 'the harness names the editor\'s log folder');
    await vscode.workspace.getConfiguration('cardinal').update('trace.server', 'messages', vscode.ConfigurationTarget.Global);
    const audit = workspaceFile('src/audit.ts');
    const document = await vscode.workspace.openTextDocument(audit);
    await vscode.window.showTextDocument(document);
    const traced = () => {
      void vscode.commands.executeCommand('vscode.executeHoverProvider', audit, new vscode.Position(0, 0));
      const text = logText(logs, 'Cardinal Trace.log');
      return text !== undefined && /Sending request 'textDocument\/hover/.test(text) ? text : undefined;
    };
    await waitFor('a hover request in the Cardinal Trace log', traced);
  });
});
