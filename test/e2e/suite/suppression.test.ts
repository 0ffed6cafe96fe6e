import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

/** "Ignore this label here" writes the directive and selects its reason, for the user to type over. */
describe('a suppression quick fix', () => {
  it('selects the reason it wrote', async () => {
    const middleware = workspaceFile('src/middleware.ts');
    const document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor('the incident finding', () => cardinalDiagnostics(middleware).find((d) => ruleId(d) === 'raw-path-label'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', middleware, diagnostic.range);
    for (const title of ['Ignore this label here', 'Ignore raw-path-label in this file']) {
      const ignore = actions.find((action) => action.title === title);
      assert.ok(ignore?.edit && ignore.command, `${title}: ${actions.map((action) => `${action.title}${action.command ? ' (+command)' : ''}`).join(', ')}`);
      try {
        assert.ok(await vscode.workspace.applyEdit(ignore.edit));
        await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.getText(editor.selection), 'reason: why this value is bounded', title);
        await screenshot(title === 'Ignore this label here' ? 'suppression-next-line' : 'suppression-file');
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });
});
