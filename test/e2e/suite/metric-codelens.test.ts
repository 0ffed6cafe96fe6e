import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { workspaceFile } from './workspace';

/**
 * A CodeLens above each metric declaration gives its worst case; clicking it (its command) puts the
 * cursor on the metric and opens the hover with the breakdown.
 */
describe('CodeLens on a metric declaration', () => {
  it('says the worst case above the metric, and its command opens the breakdown', async () => {
    const middleware = workspaceFile('src/middleware.ts');
    const document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
    const name = document.positionAt(document.getText().indexOf("'http_request_duration_seconds'"));
    const lens = await waitFor('a Cardinal CodeLens on http_request_duration_seconds', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', middleware);
      return lenses.find((candidate) => candidate.range.start.line === name.line && candidate.command?.title.startsWith('Cardinal:'));
    });
    assert.equal(lens.command?.title, 'Cardinal: unbounded: endpoint ← req.path');
    assert.equal(lens.command?.command, 'cardinal.showSeriesBreakdown');
    await screenshot('metric-codelens', '.codelens-decoration');

    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), middleware.toString());
    assert.equal(active?.selection.active.line, name.line);
    await screenshot('metric-breakdown', '.monaco-hover .hover-contents');
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});
