/**
 * `// cardinal-ignore-next-line <rule>[, <rule>…] -- <reason>` silences the listed rules (all rules when
 * none is listed) on the next line. The reason is for reviewers; the core only needs the rules.
 */
import type * as ts from 'typescript';
import type { RuleId } from './finding';

const DIRECTIVE = /(?:\/\/|\/\*)\s*cardinal-ignore-next-line\b([^\n]*)/;

/** True when a directive on the line above `position`'s line, or above the enclosing statement's first line, covers `rule`. */
export function isSuppressed(file: ts.SourceFile, positions: readonly number[], rule: RuleId): boolean {
  return positions.some((position) => {
    const line = file.getLineAndCharacterOfPosition(position).line;
    if (line === 0) return false;
    const lineStarts = file.getLineStarts();
    const previous = file.text.slice(lineStarts[line - 1], lineStarts[line]);
    const match = DIRECTIVE.exec(previous);
    if (!match) return false;
    const rules = match[1].split('--')[0].replace('*/', '').split(/[\s,]+/).filter(Boolean);
    return rules.length === 0 || rules.includes(rule);
  });
}

/** The text of a suppression comment for `rule`, with a placeholder reason the user is meant to replace. */
export function suppressionComment(rule: RuleId): string {
  return `// cardinal-ignore-next-line ${rule} -- reason: why this value is bounded`;
}
