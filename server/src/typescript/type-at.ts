import type ts from 'typescript';

/**
 * The type of `node`, or undefined when the checker fails on it: on broken code (a half-typed call)
 * TypeScript can fail an internal assertion, and one such node must not end the file's analysis.
 */
export function typeAt(checker: ts.TypeChecker, node: ts.Node): ts.Type | undefined {
  try {
    return checker.getTypeAtLocation(node);
  } catch {
    return undefined;
  }
}
