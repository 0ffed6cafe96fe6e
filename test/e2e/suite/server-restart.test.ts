import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { waitFor } from './wait-for';
import { cardinalDiagnostics, ruleId, workspaceFile } from './workspace';

/**
 * The language server's process id: the child of this extension host whose command line runs a
 * `server.js` (server/out/server.js from a checkout, dist/server.js from a package). Read from /proc,
 * so the test needs Linux, where the suite runs.
 */
function serverProcessId(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent's id is the 4th field of /proc/PID/stat, after the command name in parentheses.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && commandLine.some((argument) => argument.endsWith('server.js'))) return Number(entry);
    } catch {
      // The process ended while the table was read.
    }
  }
  return undefined;
}

/**
 * A server that dies is brought back by the client (vscode-languageclient restarts it up to 4 times
 * in 3 minutes), and the open documents get diagnostics from the new process.
 */
describe('a killed language server', () => {
  it('is restarted, and analyses the open documents again', async () => {
    const audit = workspaceFile('src/audit.ts');
    const document = await vscode.workspace.openTextDocument(audit);
    await vscode.window.showTextDocument(document);
    await waitFor('an unbounded-label diagnostic on src/audit.ts', () =>
      cardinalDiagnostics(audit).some((diagnostic) => ruleId(diagnostic) === 'unbounded-label') ? true : undefined,
    );
    const killed = await waitFor('the language server process', serverProcessId);

    process.kill(killed, 'SIGKILL');
    const restarted = await waitFor('a new language server process', () => {
      const current = serverProcessId();
      return current !== undefined && current !== killed ? current : undefined;
    });

    // Only a live server can report a label the text did not have before the kill.
    const original = document.getText();
    const line = document.lineAt(document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(audit, line, '\nexport function recordAuditPath(req: Request): void {\n  auditEvents.inc({ user: req.path });\n}\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'the editor refused the edit');
    try {
      await waitFor(`a diagnostic on the added label from the restarted server (pid ${restarted})`, () =>
        cardinalDiagnostics(audit).some((diagnostic) => document.getText(diagnostic.range) === 'req.path') ? true : undefined,
      );
      await screenshot('server-restarted');
    } finally {
      // Put the file back as it was, on disk too: whatever saved the edit, the checkout stays clean.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(audit, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
    }
  });
});
