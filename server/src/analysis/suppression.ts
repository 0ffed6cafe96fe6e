/**
 * Suppression directives, the same in every language (both write `//` and `/* *\/` comments):
 *
 *   // cardinal-ignore-next-line <rule>[, <rule>…] -- <reason>   the next line
 *   // cardinal-ignore-file <rule>[, <rule>…] -- <reason>        the whole file
 *
 * Without a rule id a directive covers every rule. A directive applies to a finding when it is on the
 * line above one of the finding's anchors (the label itself, or the start of the statement holding
 * it). A misspelt rule id covers nothing, and a directive that ends up covering nothing is reported
 * (`unused-suppression`), so a typo or a stale comment cannot silently hide the next finding.
 */
import type { CardinalConfig } from './config-types';
import { suggestName } from './did-you-mean';
import type { Finding, TextSpan } from './finding';
import { isRuleId, RULE_IDS, ruleById, type RuleId } from './rules';
import { removeDirectiveFix, replaceWordFix } from './fixes';
import { unknownRuleMessage, unusedDirectiveMessage, unusedSuppression } from './rules/unused-suppression';
import { TextLines } from './text-lines';

const DIRECTIVE = /(?:\/\/|\/\*)[ \t]*cardinal-ignore-(next-line|file)\b([^\n]*)/g;

interface UnknownRule {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly suggestion?: RuleId;
}

export interface Directive {
  readonly scope: 'next-line' | 'file';
  /** The line of the comment (0-based). */
  readonly line: number;
  /** The comment, from `//` to the end of its line (or its `*\/`). */
  readonly start: number;
  readonly end: number;
  /** What a problem with the directive is reported on: its keyword and rule ids, without the reason. */
  readonly head: { readonly start: number; readonly end: number };
  /** The rules it covers: `all` when it names none. */
  readonly rules: readonly RuleId[] | 'all';
  readonly unknown: readonly UnknownRule[];
}

/** Every directive of a file's text. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('cardinal-ignore-')) return [];
  const lines = new TextLines(text);
  const directives: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const start = match.index;
    const afterName = start + match[0].length - match[2].length;
    const body = match[2].split('--')[0];
    const closing = body.indexOf('*/');
    const ruleText = closing >= 0 ? body.slice(0, closing) : body;
    const rules: RuleId[] = [];
    const unknown: UnknownRule[] = [];
    for (const word of ruleText.matchAll(/[^\s,]+/g)) {
      if (isRuleId(word[0])) rules.push(word[0]);
      else unknown.push({ name: word[0], start: afterName + word.index, end: afterName + word.index + word[0].length, suggestion: suggestName(word[0], RULE_IDS) as RuleId | undefined });
    }
    const commentEnd = match[0].includes('*/') ? start + match[0].indexOf('*/') + 2 : lines.lineEnd(lines.lineOf(start));
    const keyword = start + match[0].indexOf('cardinal-ignore-');
    const headEnd = afterName + ruleText.trimEnd().length;
    directives.push({
      scope: match[1] === 'file' ? 'file' : 'next-line',
      line: lines.lineOf(start),
      start,
      end: commentEnd,
      rules: rules.length === 0 && unknown.length === 0 ? 'all' : rules,
      unknown,
      head: { start: keyword, end: headEnd },
    });
  }
  return directives;
}

/** The directives of one file, and which of them the findings of its analysis used. */
export class Suppressions {
  private readonly directives: readonly Directive[];
  private readonly used = new Set<Directive>();
  private readonly lines: TextLines;

  constructor(
    private readonly fileName: string,
    text: string,
  ) {
    this.directives = parseDirectives(text);
    this.lines = new TextLines(text);
  }

  /** Whether a directive covers `rule` at one of the `anchors` (offsets); the directive counts as used. */
  suppresses(anchors: readonly number[], rule: RuleId): boolean {
    if (this.directives.length === 0) return false;
    const lines = anchors.map((offset) => this.lines.lineOf(offset));
    const directive = this.directives.find(
      (d) => (d.scope === 'file' || lines.includes(d.line + 1)) && (d.rules === 'all' || d.rules.includes(rule)),
    );
    if (directive) this.used.add(directive);
    return directive !== undefined;
  }

  /**
   * `unused-suppression` findings: unknown rule ids, and directives no finding used. Only meaningful
   * once every label of the file was judged, so an analysis cut short asks for none. Directives whose
   * rules are all turned off are not reported: they may be for another configuration.
   */
  problems(config: CardinalConfig): Finding[] {
    const severity = config.rules[unusedSuppression.id];
    if (severity === 'off') return [];
    const problems: Finding[] = [];
    for (const directive of this.directives) {
      for (const unknown of directive.unknown) {
        const fixes = unknown.suggestion === undefined ? [] : [replaceWordFix(this.fileName, unknown, unknown.suggestion)];
        problems.push(this.problem(unknown, unknownRuleMessage(unknown.name, unknown.suggestion), severity, fixes));
      }
      // A directive naming only unknown rules was reported above, word by word.
      if (this.used.has(directive) || (directive.rules !== 'all' && directive.rules.length === 0)) continue;
      // A rule judged across files is not judged here: this file's analysis cannot tell whether it is used.
      const rules = directive.rules === 'all' ? 'all' : directive.rules.filter((rule) => config.rules[rule] !== 'off' && !ruleById(rule)?.acrossFiles);
      if (rules !== 'all' && rules.length === 0) continue;
      problems.push(this.problem(directive.head, unusedDirectiveMessage(rules), severity, [removeDirectiveFix(this.fileName, this.lines, directive)]));
    }
    return problems;
  }

  private problem(span: { start: number; end: number }, message: string, severity: Finding['severity'], fixes: Finding['fixes']): Finding {
    const at: TextSpan = { file: this.fileName, start: span.start, end: span.end };
    return { ruleId: unusedSuppression.id, severity, message, ...at, path: [], fixes };
  }
}

/** The text of a directive for `rule`, with a placeholder reason the user is meant to replace. */
export function suppressionComment(rule: RuleId, scope: Directive['scope'] = 'next-line'): string {
  return `// cardinal-ignore-${scope} ${rule} -- ${SUPPRESSION_REASON_PLACEHOLDER}`;
}

/** The reason a suppression fix writes; editors select it so that the user types over it. */
export const SUPPRESSION_REASON_PLACEHOLDER = 'reason: why this value is bounded';
