import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { DIAGNOSTIC_SOURCE, workspaceFile } from './workspace';

/** A rule id with a typo: the schema rejects the key and Cardinal suggests the rule it meant. */
const MISSPELT_CONFIG = '{\n  "rules": {\n    "unbounded-lable": "off"\n  }\n}\n';

/**
 * Editing cardinal.config.json: the schema the extension contributes makes VS Code's JSON support
 * flag an unknown key, and Cardinal's own diagnostic sits on the same key with its suggestion.
 */
describe('cardinal.config.json', () => {
  it('is validated by the contributed schema and gets Cardinal\'s diagnostics at the key', async () => {
    const config = workspaceFile('cardinal.config.json');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(MISSPELT_CONFIG));
    try {
      const document = await vscode.workspace.openTextDocument(config);
      await vscode.window.showTextDocument(document);
      const key = new vscode.Range(document.positionAt(MISSPELT_CONFIG.indexOf('"unbounded-lable"')), document.positionAt(MISSPELT_CONFIG.indexOf('"unbounded-lable"') + '"unbounded-lable"'.length));
      const seen = () => JSON.stringify(vscode.languages.getDiagnostics(config).map((d) => ({ source: d.source, message: d.message, line: d.range.start.line })));
      const diagnostics = await waitFor(() => `a schema diagnostic and a Cardinal diagnostic on the misspelt rule (${document.languageId}; the editor has ${seen()})`, () => {
        const onKey = vscode.languages.getDiagnostics(config).filter((diagnostic) => diagnostic.range.intersection(key) !== undefined);
        const cardinal = onKey.find((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
        const schema = onKey.find((diagnostic) => diagnostic.source !== DIAGNOSTIC_SOURCE);
        return cardinal && schema ? { cardinal, schema } : undefined;
      });
      assert.match(diagnostics.cardinal.message, /did you mean "unbounded-label"/);
      assert.match(diagnostics.schema.message, /not allowed/i);
      await screenshot('config-schema');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(config);
    }
  });
});
