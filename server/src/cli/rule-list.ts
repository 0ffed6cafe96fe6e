/** `cardinal rules`: every rule with its default severity, summary and page, from the rule modules. */
import { RULES } from '../analysis';
import { rulePage } from '../analysis/rules/pages';
import { ruleDocumentationLink } from '../product';
import type { RuleListFormat } from './arguments';

export function formatRuleList(format: RuleListFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        RULES.map((rule) => ({ id: rule.id, defaultSeverity: rule.defaultSeverity, summary: rule.summary, documentation: ruleDocumentationLink(rule.id) })),
        null,
        2,
      )}\n`;
    case 'markdown':
      return RULES.map(rulePage).join('\n');
    case 'text': {
      const width = Math.max(...RULES.map((rule) => rule.id.length));
      const severity = Math.max(...RULES.map((rule) => rule.defaultSeverity.length));
      return RULES.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(severity)}  ${rule.summary}\n`).join('');
    }
  }
}
