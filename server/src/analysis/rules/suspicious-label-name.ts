/**
 * `suspicious-label-name`: a label whose name usually holds unbounded values (`path`, `user_id`,
 * `email`, `ip`, `request_id`, …) receives a value Cardinal cannot follow. It is a hint, not a claim:
 * nothing shows the value is unbounded, but the name says it probably is.
 */
import { labelPhrase } from '../step-notes';
import type { LabelNoun } from '../sink-site';
import type { Rule } from './rule';

export const suspiciousLabelName = {
  id: 'suspicious-label-name',
  defaultSeverity: 'hint',
  summary: 'A label name that usually holds unbounded values, with no evidence either way.',
  documentation: `A label whose name usually holds unbounded values (\`path\`, \`url\`, \`user_id\`, \`email\`, \`ip\`,
\`request_id\`, \`trace_id\`, \`session_id\`, …) receives a value Cardinal cannot follow: the parameter of
an exported function nobody in the workspace calls, or the result of a library it does not model.
When the value's own name says it is the id of something that grows with use (\`projectId\`,
\`order.id\`, \`userID\`), that is evidence, and the finding is \`unbounded-label\` instead.

Check that the value is bounded. If it is, a suppression comment with the reason documents it for the
next reader; if Cardinal should know where the value comes from, list the function in
\`cardinal.config.json\` (\`sources\` or \`sanitizers\`).`,
} as const satisfies Rule;

export function suspiciousNameMessage(noun: LabelNoun, label: string): string {
  return `${labelPhrase(noun, label)} usually holds unbounded values, and Cardinal cannot see where this one comes from: make sure it is bounded`;
}
