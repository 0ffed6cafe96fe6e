/**
 * The documentation generated from the rule modules: one page per rule (`docs/rules/<id>.md`, shipped
 * with the extension and linked from every diagnostic), and the rules section of the README.
 */
import { RULES, type Rule } from '.';

const SEVERITY_WORDS = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' } as const;

/** A rule's whole page, in Markdown. */
export function rulePage(rule: Rule): string {
  return [
    `# \`${rule.id}\``,
    '',
    `${rule.summary} Default severity: **${SEVERITY_WORDS[rule.defaultSeverity]}**.`,
    '',
    rule.documentation,
    '',
    '## Configuration',
    '',
    'Change the severity, or turn the rule off, in `cardinal.config.json` (or the `cardinal.rules` editor setting):',
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: rule.defaultSeverity === 'error' ? 'warning' : 'off' } }),
    '```',
    '',
  ].join('\n');
}

/** The README's rules section: one short entry per rule, linking to its page. */
export function rulesReadmeSection(): string {
  const entries = RULES.map((rule) => `- [\`${rule.id}\`](docs/rules/${rule.id}.md) (${SEVERITY_WORDS[rule.defaultSeverity]}): ${rule.summary}`);
  return [...entries, ''].join('\n');
}

const BEGIN = '<!-- rules:begin (generated from server/src/analysis/rules by scripts/rule-docs.mjs) -->';
const END = '<!-- rules:end -->';

/** The README with its generated rules section replaced by `section`. */
export function replaceReadmeSection(readme: string, section: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no section between "${BEGIN}" and "${END}"`);
  return `${readme.slice(0, begin + BEGIN.length)}\n${section}${readme.slice(end)}`;
}
