/** The fixture workspace (test/e2e/workspace) as the tests see it, and Cardinal's diagnostics in it. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The source Cardinal's language server sets on its diagnostics. */
export const DIAGNOSTIC_SOURCE = 'cardinal';

/** A file of the workspace folder the editor has open. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Cardinal's diagnostics for `uri`, as the Problems panel has them now. */
export function cardinalDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** The rule id of a diagnostic, whether `code` is plain or carries a link to the rule's docs. */
export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Whether the editor has loaded `uri` as a document (an editor, a language feature or another extension). */
export function isLoaded(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
}
