/**
 * Membership checks that bound a value: `ALLOWED.has(x) ? x : 'other'`, `ROUTES.includes(x) ? x : …`,
 * `x in TABLE ? x : …`, `x === 'a' || x === 'b' ? x : …`. The branch that only runs when the check
 * passed can hold only members of a finite set.
 */
import ts from 'typescript';
import { skipOuter } from './syntax';

const MEMBERSHIP_METHODS = new Set(['has', 'includes', 'hasOwnProperty']);

/** Which branch of a conditional the guard bounds, if any. */
export function finiteSetGuard(checker: ts.TypeChecker, node: ts.ConditionalExpression): 'whenTrue' | 'whenFalse' | undefined {
  let condition = skipOuter(node.condition);
  let negated = false;
  while (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    negated = !negated;
    condition = skipOuter(condition.operand);
  }
  const tested = testedValues(condition);
  if (tested.length === 0) return undefined;
  const branch = negated ? node.whenFalse : node.whenTrue;
  return tested.some((t) => sameReference(checker, t, skipOuter(branch))) ? (negated ? 'whenFalse' : 'whenTrue') : undefined;
}

/** The expressions whose membership a condition checks. */
function testedValues(condition: ts.Expression): ts.Expression[] {
  if (ts.isCallExpression(condition)) {
    const callee = skipOuter(condition.expression);
    if (ts.isPropertyAccessExpression(callee) && MEMBERSHIP_METHODS.has(callee.name.text) && condition.arguments.length >= 1) {
      return [condition.arguments[0]];
    }
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'hasOwn' && condition.arguments.length === 2) {
      return [condition.arguments[1]];
    }
    return [];
  }
  if (ts.isBinaryExpression(condition)) {
    const operator = condition.operatorToken.kind;
    if (operator === ts.SyntaxKind.InKeyword) return [condition.left];
    if (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) {
      if (isLiteral(condition.right)) return [condition.left];
      if (isLiteral(condition.left)) return [condition.right];
      return [];
    }
    if (operator === ts.SyntaxKind.BarBarToken) {
      const left = testedValues(skipOuter(condition.left));
      const right = testedValues(skipOuter(condition.right));
      return left.length > 0 && right.length > 0 ? [...left, ...right] : [];
    }
  }
  return [];
}

function isLiteral(node: ts.Expression): boolean {
  const expression = skipOuter(node);
  return ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression);
}

function sameReference(checker: ts.TypeChecker, a: ts.Expression, b: ts.Expression): boolean {
  const left = skipOuter(a);
  if (ts.isIdentifier(left) && ts.isIdentifier(b)) {
    const symbol = checker.getSymbolAtLocation(left);
    return symbol !== undefined && symbol === checker.getSymbolAtLocation(b);
  }
  return left.getText() === b.getText();
}
