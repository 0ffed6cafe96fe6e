/**
 * After an "Ignore …" quick fix inserts a suppression directive, its reason is selected, so the user
 * types the real reason over the placeholder (the LSP edit itself cannot place a selection).
 */
import { CodeAction, commands, Disposable, Range, Selection, TextEditorRevealType, Uri, window } from 'vscode';

export const SELECT_SUPPRESSION_REASON = 'cardinal.selectSuppressionReason';

const DIRECTIVE = /\/\/\s*cardinal-ignore-(?:next-line|file)\b.*?\s--\s/;

/** Gives Cardinal's suppression fixes the command that selects the reason they wrote. */
export function withReasonSelection(action: CodeAction, uri: Uri): CodeAction {
  if (!action.edit || !/^Ignore /.test(action.title) || action.command) return action;
  action.command = { command: SELECT_SUPPRESSION_REASON, title: 'Select the reason', arguments: [uri] };
  return action;
}

export function registerReasonSelection(): Disposable {
  return commands.registerCommand(SELECT_SUPPRESSION_REASON, (uri: Uri) => selectReason(uri));
}

/** Selects the reason of the directive nearest the cursor in `uri`'s editor. */
function selectReason(uri: Uri): boolean {
  const editor = window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
  if (!editor) return false;
  const document = editor.document;
  const cursor = editor.selection.active.line;
  let best: Range | undefined;
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const match = DIRECTIVE.exec(text);
    if (!match) continue;
    const range = new Range(line, match.index + match[0].length, line, text.length);
    if (!best || Math.abs(line - cursor) < Math.abs(best.start.line - cursor)) best = range;
  }
  if (!best) return false;
  editor.selection = new Selection(best.start, best.end);
  editor.revealRange(best, TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
