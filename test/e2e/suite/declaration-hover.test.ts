import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { workspaceFile } from './workspace';

/** The text of every hover VS Code would show at `position`. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * Hover on a `labelNames` entry answers from the whole workspace: the incident's raw path in
 * src/middleware.ts, and the bounded use in src/route-timing.ts, a file never opened.
 */
describe('hover on a metric declaration', () => {
  it('lists every place in the workspace that writes the label, and whether each is bounded', async () => {
    const middleware = workspaceFile('src/middleware.ts');
    const document = await vscode.workspace.openTextDocument(middleware);
    const editor = await vscode.window.showTextDocument(document);
    const position = document.positionAt(document.getText().indexOf("'endpoint'") + 1);
    const text = await waitFor('a hover listing the uses of `endpoint`', async () => {
      const hover = await hoverText(middleware, position);
      return /Written at \d+ places/.test(hover) ? hover : undefined;
    });
    assert.match(text, /\[src\/middleware\.ts:\d+\]\([^)]*\): \*\*Unbounded\*\*: the raw request path `req\.path`/);
    assert.match(text, /\[src\/route-timing\.ts:\d+\]\([^)]*\): Bounded/);

    const name = await hoverText(middleware, document.positionAt(document.getText().indexOf("'http_request_duration_seconds'") + 1));
    assert.match(name, /\*\*Metric `http_request_duration_seconds`\*\*/);
    assert.match(name, /`status`: written at 2 places/);

    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('declaration-hover', '.monaco-hover .hover-contents');
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});
