/**
 * Every rule, one module each. Adding a rule is adding its module here; its id becomes valid in
 * suppressions, settings and `cardinal.config.json`, and its page is generated from it.
 */
import { dynamicMetricName } from './dynamic-metric-name';
import { rawPathLabel } from './raw-path-label';
import { routePatternTooEarly } from './route-pattern-too-early';
import type { Rule } from './rule';
import { seriesBudget } from './series-budget';
import { suspiciousLabelName } from './suspicious-label-name';
import { unboundedLabel } from './unbounded-label';
import { unusedSuppression } from './unused-suppression';

export type { Rule } from './rule';

export const RULES = [rawPathLabel, unboundedLabel, routePatternTooEarly, dynamicMetricName, suspiciousLabelName, seriesBudget, unusedSuppression] as const satisfies readonly Rule[];

/** Stable rule ids, in the order of `RULES`. */
export const RULE_IDS = RULES.map((rule) => rule.id) as readonly RuleId[];
export type RuleId = (typeof RULES)[number]['id'];

const byId = new Map<string, Rule>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return byId.has(id);
}
