import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, isLoaded, ruleId, workspaceFile } from './workspace';

describe('Cardinal: Scan Workspace', () => {
  it('reports findings in files the editor never opened', async () => {
    const audit = workspaceFile('src/audit.ts');
    assert.equal(isLoaded(audit), false, 'src/audit.ts must stay unopened for this test to mean anything');
    const summary = await vscode.commands.executeCommand<unknown>('cardinal.scanWorkspace');
    const diagnostics = await waitFor(`Cardinal diagnostics for src/audit.ts (scan: ${JSON.stringify(summary)})`, () => {
      const found = cardinalDiagnostics(audit);
      return found.length > 0 ? found : undefined;
    });
    assert.ok(
      diagnostics.some((diagnostic) => ruleId(diagnostic) === 'unbounded-label'),
      `expected an unbounded-label finding, got ${JSON.stringify(diagnostics.map(ruleId))}`,
    );
    await screenshot('scan-problems');
  });

  it('gives the focus back to the editor, scan after scan, and keeps a closed file\'s findings', async () => {
    const middleware = workspaceFile('src/middleware.ts');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(middleware));
    for (let run = 0; run < 2; run++) {
      await vscode.commands.executeCommand('cardinal.scanWorkspace');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), middleware.toString(), `the editor has the focus after scan ${run + 1}`);
    }
    const found = await waitFor('the scan\'s findings for src/middleware.ts', () => (cardinalDiagnostics(middleware).length > 0 ? cardinalDiagnostics(middleware) : undefined));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Give the server time to react to the close before looking.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(cardinalDiagnostics(middleware).length, found.length, 'the findings of a file the scan covered stay once it is closed');
    await screenshot('scan-kept-after-close');
  });
});

