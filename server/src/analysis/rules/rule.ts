/**
 * What every rule module declares. The rule list of the CLI, SARIF's `rules[]`, the README's rule
 * section, the shipped rule pages and the diagnostics' documentation links all come from these.
 */
import type { Severity } from '../finding';

export interface Rule {
  /** Stable: used in suppressions, settings, SARIF and documentation links. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** Judged once the whole project is analysed, not file by file (a file's own directives cannot see it used). */
  readonly acrossFiles?: boolean;
  /** One sentence: what the rule reports. */
  readonly summary: string;
  /** The rule's page in Markdown, without its title: why it matters, examples, the fix, how to silence it. */
  readonly documentation: string;
}
