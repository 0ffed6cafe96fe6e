import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

const ROUTE_PATTERN_FIX = 'Use the route pattern';
const ROUTE_PATTERN_WITH_FALLBACK = "req.route?.path ?? 'unmatched'";

/**
 * The incident from the report: `const lvs = [status, endpoint, method]; reqDuration.labels(...lvs)`
 * with `endpoint = req.path`. Each step waits for the editor's state, which the language server
 * updates asynchronously.
 */
describe('the incident middleware (src/middleware.ts)', () => {
  let middleware: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    middleware = workspaceFile('src/middleware.ts');
    document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
  });

  /** The finding on the spread of label values, if the Problems panel has it now. */
  function spreadFinding(): vscode.Diagnostic | undefined {
    return cardinalDiagnostics(middleware).find(
      (diagnostic) => ruleId(diagnostic) === 'raw-path-label' && document.getText(diagnostic.range) === '...lvs',
    );
  }

  it('flags `...lvs` and walks the flow back to `req.path`', async () => {
    const diagnostic = await waitFor('a raw-path-label diagnostic on `...lvs`', spreadFinding);
    assert.match(diagnostic.message, /endpoint/);
    const steps = (diagnostic.relatedInformation ?? []).map((info) => ({
      file: info.location.uri.toString(),
      text: document.getText(info.location.range),
      message: info.message,
    }));
    assert.ok(
      steps.some((step) => step.file === middleware.toString() && step.text === 'req.path'),
      `no related information at req.path: ${JSON.stringify(steps)}`,
    );
    await screenshot('incident-squiggle');
  });

  it('applies "Use the route pattern", after which the finding is gone', async () => {
    const diagnostic = await waitFor('a raw-path-label diagnostic on `...lvs`', spreadFinding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      middleware,
      diagnostic.range,
      undefined,
      10,
    );
    const fix = actions.find((action) => action.title.startsWith(ROUTE_PATTERN_FIX));
    assert.ok(fix?.edit, `no "${ROUTE_PATTERN_FIX}" action with an edit among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the editor refused the edit');
    const fixed = document.getText();
    assert.ok(fixed.includes(ROUTE_PATTERN_WITH_FALLBACK), `the fixed text lacks ${ROUTE_PATTERN_WITH_FALLBACK}:\n${fixed}`);
    assert.doesNotMatch(fixed, /req\.path/);
    await waitFor('the finding on `...lvs` to go away', () => (spreadFinding() ? undefined : true));
    await screenshot('incident-fixed');
  });

  it('reports the finding again once the fix is reverted', async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(document.isDirty, false);
    assert.match(document.getText(), /const endpoint = req\.path;/);
    await waitFor('the finding on `...lvs` to come back', spreadFinding);
  });
});
