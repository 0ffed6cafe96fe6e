import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
  });
});
