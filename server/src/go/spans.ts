/** Go syntax nodes as the back end sees them: spans of text, and flow steps on them. */
import type { FlowStep, TextSpan } from '../analysis/finding';
import type { GoNode } from './syntax';

export function spanOf(node: GoNode): TextSpan {
  return { file: node.file.fileName, start: node.start, end: node.end };
}

export function stepAt(node: GoNode, note: string): FlowStep {
  return { ...spanOf(node), note };
}
