/**
 * What the flow learns from syntax alone: the facts of literal values, and the operands of a chain of
 * arithmetic.
 */
import ts from 'typescript';
import { bounded, type Facts, UNKNOWN } from '../analysis/value-facts';
import { listedSet } from '../analysis/value-sets';
import { asFunction } from './syntax';

const ARITHMETIC: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
]);

/**
 * The operands of a chain of arithmetic (`a + '/' + b - c`), gathered in one loop: generated code chains
 * thousands of them, and a trace that went one level deeper per operand would run out of depth budget.
 */
export function arithmeticOperands(node: ts.BinaryExpression): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let left: ts.Expression = node;
  while (ts.isBinaryExpression(left) && ARITHMETIC.has(left.operatorToken.kind)) {
    operands.push(left.right);
    left = left.left;
  }
  operands.push(left);
  return operands.reverse();
}

/** What a literal says about its value, or undefined when `node` is not one. */
export function literalFacts(node: ts.Expression): Facts | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return bounded('a literal', false, listedSet([JSON.stringify((node as ts.StringLiteralLike).text)]));
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
      return bounded('a literal', false, listedSet([node.getText()]));
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return bounded('a boolean', false, listedSet([node.getText()]));
    case ts.SyntaxKind.NullKeyword:
      return bounded('null', false, listedSet(['null']));
    default:
      return asFunction(node) || ts.isClassExpression(node) ? UNKNOWN : undefined;
  }
}
