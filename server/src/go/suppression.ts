/**
 * Suppression comments, written as in TypeScript: `// cardinal-ignore-next-line raw-path-label -- reason`
 * silences the listed rules (all rules when none is listed) on the next line.
 */
import type { RuleId } from '../analysis/finding';
import { RULE_IDS } from '../analysis/finding';
import { suppressionComment as directiveFor } from '../analysis/suppression';

const DIRECTIVE = /(?:\/\/|\/\*)\s*cardinal-ignore-next-line\b([^\n]*)$/;

/** Line index (0-based) → the rules silenced on it; an empty set silences every rule. */
export type Suppressions = ReadonlyMap<number, ReadonlySet<RuleId>>;

export function findSuppressions(text: string): Suppressions {
  const suppressions = new Map<number, Set<RuleId>>();
  text.split('\n').forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    const rules = match[1].split('--')[0].replace('*/', '').split(/[\s,]+/).filter((word): word is RuleId => (RULE_IDS as readonly string[]).includes(word));
    suppressions.set(index + 1, new Set(rules));
  });
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, line: number, ruleId: RuleId): boolean {
  const rules = suppressions.get(line);
  return rules !== undefined && (rules.size === 0 || rules.has(ruleId));
}

/** The comment line that suppresses `ruleId` on the line starting at `lineStart`, indented like it. */
export function suppressionComment(text: string, lineStart: number, ruleId: RuleId): string {
  const indentation = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return `${indentation}${directiveFor(ruleId)}\n`;
}
