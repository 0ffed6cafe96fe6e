/**
 * `unused-suppression`: a `cardinal-ignore-next-line` or `cardinal-ignore-file` directive that
 * suppresses nothing. Either it names a rule that does not exist (a typo silences nothing), or no
 * finding of its rules is where it points any more. A stale directive would silently hide the next
 * real finding on that line, so it is reported, as ESLint reports unused disable directives.
 */
import { quote } from '../step-notes';
import type { Rule } from './rule';

export const unusedSuppression = {
  id: 'unused-suppression',
  defaultSeverity: 'warning',
  summary: 'A suppression directive that suppresses nothing: an unknown rule id, or no finding where it points.',
  documentation: `A suppression directive suppresses nothing:

- it names a rule that does not exist, such as \`raw-path-lable\`: a typo silences nothing, and the
  message suggests the rule you probably meant;
- or no finding of the rules it names is on the line it covers (the code was fixed, or moved).

A stale directive hides the next real finding on that line, so remove it, or correct the rule id.
Directives for rules turned \`off\` in the configuration are not reported.

**Directives**

\`\`\`ts
// cardinal-ignore-next-line raw-path-label -- three fixed URLs behind a strict router
hits.inc({ path: req.path });

// cardinal-ignore-file unbounded-label -- internal admin tool with five users
\`\`\`

A directive without a rule id covers every rule. The text after \`--\` is the reason, for reviewers.`,
} as const satisfies Rule;

export function unknownRuleMessage(name: string, suggestion: string | undefined): string {
  const hint = suggestion === undefined ? '' : ` (did you mean ${quote(suggestion)}?)`;
  return `${quote(name)} is not a Cardinal rule${hint}: the directive suppresses nothing for it`;
}

export function unusedDirectiveMessage(rules: readonly string[] | 'all'): string {
  const what = rules === 'all' ? 'no finding' : `no ${rules.map(quote).join(' or ')} finding`;
  return `this directive suppresses nothing: ${what} is where it points`;
}
