/**
 * Quick fixes as plain text changes. The route-pattern fix edits the raw read where it happens (which
 * may be in another file than the label), so every label fed from it is fixed at once; the suppression
 * fix inserts a directive above the label's line.
 */
import ts from 'typescript';
import type { Taint } from './facts';
import type { Fix, RuleId, TextChange } from '../analysis/finding';
import { suppressionComment } from '../analysis/suppression';

/** Parents under which an expression can be replaced by `a ?? b` without parentheses. */
const LOOSE_PARENTS = new Set([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.ArrayLiteralExpression,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.TemplateSpan,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.ShorthandPropertyAssignment,
]);

/** The preferred fix for raw-path taints: every raw read becomes the route pattern, a fallback becomes a constant. */
export function routePatternFix(taints: readonly Taint[]): Fix | undefined {
  const changes: TextChange[] = [];
  let usesPattern = false;
  for (const taint of taints) {
    const node = taint.node;
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node) && !ts.isCallExpression(node)) return undefined;
    const file = node.getSourceFile();
    let replacement: string;
    if (taint.fallback) {
      replacement = quoted(file, 'unmatched');
    } else if (taint.fix) {
      const template = taint.fix.pattern.template.replace(/'unmatched'/g, quoted(file, 'unmatched'));
      replacement = template.replace('$receiver', taint.fix.receiver.getText());
      if (taint.fix.pattern.withFallback && needsParentheses(node)) replacement = `(${replacement})`;
      usesPattern = true;
    } else {
      return undefined;
    }
    changes.push({ file: file.fileName, start: node.getStart(), end: node.getEnd(), newText: replacement });
  }
  if (changes.length === 0) return undefined;
  const first = changes[0].newText;
  return {
    kind: usesPattern ? 'route-pattern' : 'constant-fallback',
    title: usesPattern ? `Use the route pattern: ${first}` : `Use a constant for unmatched routes: ${first}`,
    preferred: true,
    changes,
  };
}

/** Inserts `// cardinal-ignore-next-line <rule> -- reason` above the line of `position`, at that line's indentation. */
export function suppressionFix(file: ts.SourceFile, position: number, rule: RuleId): Fix {
  const line = file.getLineAndCharacterOfPosition(position).line;
  const lineStart = file.getLineStarts()[line];
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return {
    kind: 'suppress',
    title: 'Ignore this label here',
    preferred: false,
    changes: [{ file: file.fileName, start: lineStart, end: lineStart, newText: `${indent}${suppressionComment(rule)}${eol}` }],
  };
}

function needsParentheses(node: ts.Node): boolean {
  const parent = node.parent;
  if (!LOOSE_PARENTS.has(parent.kind)) return true;
  // As a callee or receiver (`req.path.replace(…)` is a property access parent, handled above), never loose.
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node;
}

/** `'text'` in the file's own quote style. */
function quoted(file: ts.SourceFile, text: string): string {
  const single = (file.text.match(/'[^'\n]*'/g) ?? []).length;
  const double = (file.text.match(/"[^"\n]*"/g) ?? []).length;
  return double > single ? `"${text}"` : `'${text}'`;
}
