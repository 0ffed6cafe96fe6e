/** Syntax nodes as the back end sees them: spans of text, and flow steps on them. */
import type * as ts from 'typescript';
import type { FlowStep, TextSpan } from '../analysis/finding';

export function spanOf(node: ts.Node): TextSpan {
  return { file: node.getSourceFile().fileName, start: node.getStart(), end: node.getEnd() };
}

export function stepAt(node: ts.Node, note: string): FlowStep {
  return { ...spanOf(node), note };
}
