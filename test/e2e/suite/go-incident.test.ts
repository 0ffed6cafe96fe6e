import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

/**
 * The outage in its own language: the gin middleware of the incident report puts
 * `c.Request.URL.Path` into `endpoint`, then `lvs`, then `reqDuration.WithLabelValues(lvs...)`.
 */
describe('the incident middleware in Go (go/middleware.go)', () => {
  let middleware: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    middleware = workspaceFile('go/middleware.go');
    document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  function spreadFinding(): vscode.Diagnostic | undefined {
    return cardinalDiagnostics(middleware).find(
      (diagnostic) => ruleId(diagnostic) === 'raw-path-label' && document.getText(diagnostic.range) === 'lvs...',
    );
  }

  it('flags `lvs...` with the flow back to `c.Request.URL.Path`', async () => {
    const diagnostic = await waitFor('a raw-path-label diagnostic on `lvs...`', spreadFinding);
    const related = (diagnostic.relatedInformation ?? []).map((info) => document.getText(info.location.range));
    assert.ok(related.includes('c.Request.URL.Path'), `no related information at the source: ${JSON.stringify(related)}`);
    await screenshot('go-incident');
  });

  it('applies "Use the route pattern": `c.FullPath()` replaces the raw path', async () => {
    const diagnostic = await waitFor('a raw-path-label diagnostic on `lvs...`', spreadFinding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', middleware, diagnostic.range);
    const fix = actions.find((action) => action.title.startsWith('Use the route pattern'));
    assert.ok(fix?.edit, `no route-pattern action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the editor refused the edit');
    assert.match(document.getText(), /endpoint := c\.FullPath\(\)/);
    await waitFor('the finding on `lvs...` to go away', () => (spreadFinding() ? undefined : true));
  });
});
