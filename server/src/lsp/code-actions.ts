import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { Finding } from '../analysis';
import { FIX_ALL_KIND } from './capabilities';
import { changesToWorkspaceEdit, FileTexts, fixesOf, PositionMapper } from './convert';
import { combinePreferredFixes } from '../analysis';

/**
 * Whether the client asked for actions of `kind`. No `only` means every kind, except for source
 * actions when `explicitOnly` is set: editors ask for code actions on every cursor move, and fix-all
 * re-analyses the file, so it is computed only when asked for by name (on save, from a menu).
 */
export function isRequested(params: CodeActionParams, kind: string, explicitOnly = false): boolean {
  const only = params.context.only;
  if (!only) return !explicitOnly;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * One quick fix per fix of each Cardinal diagnostic in the request. The edits were computed when the
 * diagnostic was published and travel in its `data`, so the server keeps no table of fixes.
 */
export function quickFixes(params: CodeActionParams): CodeAction[] {
  return params.context.diagnostics.flatMap((diagnostic) =>
    fixesOf(diagnostic).map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: fix.preferred,
      edit: fix.edit,
    })),
  );
}

/** `source.fixAll.cardinal`: every preferred fix of the file's current findings, or none when there is nothing to fix. */
export function fixAllAction(findings: readonly Finding[], files: FileTexts): CodeAction | undefined {
  const changes = combinePreferredFixes(findings);
  if (changes.length === 0) return undefined;
  return {
    title: 'Fix all Cardinal findings',
    kind: FIX_ALL_KIND,
    edit: changesToWorkspaceEdit(changes, new PositionMapper(files)),
  };
}
