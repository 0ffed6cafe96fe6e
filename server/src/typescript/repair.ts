/**
 * How a raw read would be rewritten in TypeScript or JavaScript, for the back end's route-pattern fix:
 * the catalog's route-pattern template with the receiver it was read from (in parentheses where the
 * read sits in an expression that needs them), and `'unmatched'` in the file's own quote style.
 */
import ts from 'typescript';
import type { SourceRepair } from '../analysis/value-facts';
import type { RoutePatternFix } from './catalog/model';

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

const UNMATCHED = 'unmatched';
const quoteStyles = new WeakMap<ts.SourceFile, string>();

/**
 * The rewrite of a raw read at `node`, when it is a property read or a call (the shapes a constant or
 * a pattern can replace); `fix` and `receiver` give the route pattern, when the catalog knows one.
 */
export function repairOf(node: ts.Node, fix: RoutePatternFix | undefined, receiver: ts.Expression | undefined, mounts: RouterMounts = 'none'): SourceRepair | undefined {
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node) && !ts.isCallExpression(node)) return undefined;
  const unmatched = quoted(node.getSourceFile(), UNMATCHED);
  if (!fix || !receiver) return { unmatched };
  const template = mounts === 'static' && fix.underMounts ? fix.underMounts : fix.template;
  let pattern = template.replace(/'unmatched'/g, unmatched).replace(/\$receiver/g, receiver.getText());
  if (fix.withFallback && needsParentheses(node)) pattern = `(${pattern})`;
  if (mounts === 'with-parameters' && fix.underMounts) return { pattern, unmatched, unsafe: 'a router is mounted under a path with parameters, so the pattern lacks its prefix' };
  return { pattern, unmatched };
}

/** How the program mounts routers under paths: not at all, under static paths only, or under one with parameters. */
export type RouterMounts = 'none' | 'static' | 'with-parameters';

export function needsParentheses(node: ts.Node): boolean {
  const parent = node.parent;
  if (!LOOSE_PARENTS.has(parent.kind)) return true;
  // As a callee or receiver (`req.path.replace(…)` is a property access parent, handled above), never loose.
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node;
}

/** `'text'` in the file's own quote style (counted once per file). */
export function quoted(file: ts.SourceFile, text: string): string {
  let quote = quoteStyles.get(file);
  if (quote === undefined) {
    const single = (file.text.match(/'[^'\n]*'/g) ?? []).length;
    const double = (file.text.match(/"[^"\n]*"/g) ?? []).length;
    quote = double > single ? '"' : "'";
    quoteStyles.set(file, quote);
  }
  return `${quote}${text}${quote}`;
}
