/**
 * Membership checks that bound a value: `ALLOWED.has(x) ? x : 'other'`, `ROUTES.includes(x) ? x : …`,
 * `x in TABLE ? x : …`, `x === 'a' || x === 'b' ? x : …`, `LIST.indexOf(x) !== -1`. Where a check
 * has passed, the value can only be a member of a finite set: in the branch of a conditional or an
 * `if` that runs when it passed, on the right of `check && …`, and after
 * `if (!check) return;` (or `throw`, `continue`, `break`).
 */
import ts from 'typescript';
import { skipOuter } from './syntax';

const MEMBERSHIP_METHODS = new Set(['has', 'includes', 'hasOwnProperty']);

/** The values a condition tests for membership, and whether the condition holds when they are members. */
interface Membership {
  readonly tested: readonly ts.Expression[];
  readonly whenMember: boolean;
}

/** Which branch of a conditional the guard bounds, if any. */
export function finiteSetGuard(checker: ts.TypeChecker, node: ts.ConditionalExpression): 'whenTrue' | 'whenFalse' | undefined {
  const membership = membershipOf(node.condition);
  if (!membership) return undefined;
  const branch = membership.whenMember ? node.whenTrue : node.whenFalse;
  return membership.tested.some((t) => sameReference(checker, t, skipOuter(branch))) ? (membership.whenMember ? 'whenTrue' : 'whenFalse') : undefined;
}

/** Whether a read of a variable sits where a membership check of that same variable has passed. */
export function isGuardedUse(checker: ts.TypeChecker, use: ts.Identifier): boolean {
  // In `{ format }` the name stands for the variable, whose symbol is not the property's.
  const symbol = ts.isShorthandPropertyAssignment(use.parent) ? checker.getShorthandAssignmentValueSymbol(use.parent) : checker.getSymbolAtLocation(use);
  if (!symbol) return false;
  const tests = (membership: Membership | undefined, whenMember: boolean) =>
    membership !== undefined && membership.whenMember === whenMember && membership.tested.some((t) => isReadOf(checker, t, symbol));
  for (let node: ts.Node = use; node.parent; node = node.parent) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) && node !== parent.expression) {
      if (tests(membershipOf(parent.expression), node === parent.thenStatement)) return true;
    } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && node === parent.right) {
      if (tests(membershipOf(parent.left), true)) return true;
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      const statements = parent.statements;
      for (let i = statements.indexOf(node as ts.Statement) - 1; i >= 0; i--) {
        const statement = statements[i];
        if (ts.isIfStatement(statement) && !statement.elseStatement && leaves(statement.thenStatement) && tests(membershipOf(statement.expression), false)) return true;
      }
    }
  }
  return false;
}

function membershipOf(expression: ts.Expression): Membership | undefined {
  let condition = skipOuter(expression);
  let whenMember = true;
  while (ts.isPrefixUnaryExpression(condition) && condition.operator === ts.SyntaxKind.ExclamationToken) {
    whenMember = !whenMember;
    condition = skipOuter(condition.operand);
  }
  const indexed = indexOfComparison(condition);
  if (indexed) return { tested: indexed.tested, whenMember: indexed.whenMember === whenMember };
  const tested = testedValues(condition);
  return tested.length > 0 ? { tested, whenMember } : undefined;
}

/** `LIST.indexOf(x) !== -1`, `>= 0`, `> -1` hold for members; `=== -1`, `< 0` for the others. */
function indexOfComparison(condition: ts.Expression): Membership | undefined {
  if (!ts.isBinaryExpression(condition)) return undefined;
  const call = skipOuter(condition.left);
  const bound = skipOuter(condition.right);
  if (!ts.isCallExpression(call) || call.arguments.length < 1) return undefined;
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'indexOf') return undefined;
  const value = ts.isPrefixUnaryExpression(bound) && bound.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(bound.operand) ? -Number(bound.operand.text) : ts.isNumericLiteral(bound) ? Number(bound.text) : undefined;
  if (value === undefined) return undefined;
  const operator = condition.operatorToken.kind;
  const tested = [call.arguments[0]];
  if ((operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) && value === -1) return { tested, whenMember: true };
  if ((operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) && value === -1) return { tested, whenMember: false };
  if (operator === ts.SyntaxKind.GreaterThanEqualsToken && value === 0) return { tested, whenMember: true };
  if (operator === ts.SyntaxKind.GreaterThanToken && value === -1) return { tested, whenMember: true };
  if (operator === ts.SyntaxKind.LessThanToken && value === 0) return { tested, whenMember: false };
  return undefined;
}

/** The expressions whose membership a condition checks (when it holds). */
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

/** A statement that never falls through: `return`, `throw`, `continue`, `break`, or a block ending in one. */
function leaves(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && leaves(last);
  }
  return false;
}

function isLiteral(node: ts.Expression): boolean {
  const expression = skipOuter(node);
  return ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression);
}

function isReadOf(checker: ts.TypeChecker, node: ts.Expression, symbol: ts.Symbol): boolean {
  const expression = skipOuter(node);
  return ts.isIdentifier(expression) && checker.getSymbolAtLocation(expression) === symbol;
}

function sameReference(checker: ts.TypeChecker, a: ts.Expression, b: ts.Expression): boolean {
  const left = skipOuter(a);
  if (ts.isIdentifier(left) && ts.isIdentifier(b)) {
    const symbol = checker.getSymbolAtLocation(left);
    return symbol !== undefined && symbol === checker.getSymbolAtLocation(b);
  }
  return left.getText() === b.getText();
}
