import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

/** The command a diagnostic's code links to in VS Code, as package.json declares it. */
const SHOW_RULE_DOCUMENTATION = 'cardinal.showRuleDocumentation';

/** The editor tab showing a rendered Markdown preview, if one is open. */
function markdownPreviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
}

/**
 * The Problems panel's rule link and the "Show documentation" quick fix open the rule's page shipped
 * inside the extension, rendered, not its Markdown source.
 */
describe('a rule page', () => {
  let diagnostic: vscode.Diagnostic;
  let document: vscode.TextDocument;

  before(async () => {
    const middleware = workspaceFile('src/middleware.ts');
    document = await vscode.workspace.openTextDocument(middleware);
    await vscode.window.showTextDocument(document);
    diagnostic = await waitFor('a raw-path-label diagnostic', () => cardinalDiagnostics(middleware).find((d) => ruleId(d) === 'raw-path-label'));
  });

  afterEach(async () => {
    const preview = markdownPreviewTab();
    if (preview) await vscode.window.tabGroups.close(preview);
  });

  it("links the diagnostic's code to the show command for its rule", () => {
    const code = diagnostic.code;
    assert.ok(typeof code === 'object', 'the diagnostic code carries no link');
    assert.equal(code.target.scheme, 'command');
    assert.equal(code.target.path, SHOW_RULE_DOCUMENTATION);
    assert.deepEqual(JSON.parse(code.target.query), ['raw-path-label']);
  });

  it('opens the rule page rendered in the Markdown preview', async () => {
    const code = diagnostic.code as { target: vscode.Uri };
    await vscode.commands.executeCommand(code.target.path, ...JSON.parse(code.target.query));
    const tab = await waitFor('a Markdown preview tab', markdownPreviewTab);
    assert.match(tab.label, /raw-path-label/);
    await screenshot('rule-page');
  });

  it('offers "Show documentation for raw-path-label" among the quick fixes', async () => {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const show = actions.find((action) => action.title === 'Show documentation for raw-path-label');
    assert.ok(show?.command, `no documentation action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(show.command.command, SHOW_RULE_DOCUMENTATION);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    await waitFor('a Markdown preview tab', markdownPreviewTab);
  });
});
