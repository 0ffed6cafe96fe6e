import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

/**
 * The flow view: "Show the flow of this finding" on the incident's squiggle lists its steps in order,
 * from `req.path` to `...lvs`, and the command that dismisses it clears the view.
 */
describe('the flow view', () => {
  it('is offered on a finding and lists its steps from the source to the label', async () => {
    const middleware = workspaceFile('src/middleware.ts');
    const document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitFor('the incident finding', () => cardinalDiagnostics(middleware).find((d) => ruleId(d) === 'raw-path-label'));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', middleware, diagnostic.range);
    const showFlow = actions.find((action) => action.title === 'Show the flow of this finding');
    assert.ok(showFlow?.command, `actions: ${actions.map((action) => action.title).join(', ')}`);

    const notes = await vscode.commands.executeCommand<string[] | undefined>(showFlow.command.command, ...(showFlow.command.arguments ?? []));
    assert.ok(notes && notes.length >= 3, `steps: ${JSON.stringify(notes)}`);
    assert.match(notes[0], /req\.path/, 'the first step is the source');
    assert.match(notes[notes.length - 1], /endpoint/, 'the last step is the label');
    await screenshot('flow-view');
    await vscode.commands.executeCommand('cardinal.clearFlow');
  });
});
