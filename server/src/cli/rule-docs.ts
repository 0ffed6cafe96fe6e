/**
 * What the CLI says about each rule in its reports: a one-line description and the documentation link.
 */
import { DEFAULT_CONFIG, RuleId, Severity } from '../analysis';

/** The project's home page, whose README documents each rule under the anchor `#rule-<id>`. */
export const DOCUMENTATION_URL = 'https://github.com/cardinal-dev/cardinal';

const SHORT_DESCRIPTIONS: Readonly<Record<RuleId, string>> = {
  'raw-path-label': 'A raw request path or URL reaches a metric label: one time series per distinct URL.',
  'unbounded-label': 'An unbounded value (ids, query, headers, IP, timestamps, random values, error messages) reaches a metric label.',
  'dynamic-metric-name': 'An unbounded value is built into a metric name.',
  'suspicious-label-name': 'A label name that usually holds unbounded values, with no evidence either way.',
};

/** The one-line description of a rule. */
export function ruleDescription(ruleId: RuleId): string {
  return SHORT_DESCRIPTIONS[ruleId];
}

/** The documentation link of a rule. */
export function ruleHelpUri(ruleId: RuleId): string {
  return `${DOCUMENTATION_URL}#rule-${ruleId}`;
}

/** The severity a rule has when nothing configures it. */
export function defaultSeverity(ruleId: RuleId): Severity | 'off' {
  return DEFAULT_CONFIG.rules[ruleId];
}
