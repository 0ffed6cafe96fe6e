/**
 * `series-budget`: a metric's worst case, the product of what each of its labels can take across the
 * whole project, is more series than `maxSeriesPerMetric` allows. Judged once every file is analysed,
 * at the metric's declaration, and only for a metric whose every label was counted: an unbounded
 * label has its own finding, and an uncounted one is never guessed at. An estimate never raises it
 * alone: what the bounded labels prove must exceed the budget.
 */
import type { Finding } from '../finding';
import { biggestFactor, describeFactors, formatCount, type MetricBudget } from '../series-budget';
import type { Rule } from './rule';

export const seriesBudget = {
  id: 'series-budget',
  defaultSeverity: 'warning',
  acrossFiles: true,
  summary: "A metric's worst case is more series than the budget allows.",
  documentation: `Every label multiplies a metric's series: \`method\` (9 values) × \`route\` (40 routes) × \`status\` (5
classes) is 1,800 series, and a histogram with 12 buckets exposes 14 samples for each of them. Cardinal
counts what each label can take, from every place in the project that writes it (literals, enums,
booleans, switch cases, the HTTP methods and status codes, the routes the application registers), and
reports a metric whose product is above \`maxSeriesPerMetric\` in \`cardinal.config.json\` (default
2,000: the OpenTelemetry SDKs' cap per instrument, beyond which series are merged into one overflow
series and dashboards undercount).

The message names the label that multiplies the most. Bound it (map status codes to classes, drop a
label that no query reads), split the metric, or raise the budget for the project when the worst case
is what you want.

A label Cardinal cannot count makes the worst case "unknown": the rule says nothing then, and the
hover and \`cardinal metrics\` say which label it could not count. An estimated count (a raw status
code: the codes Node names, not the ones the code produces) is shown as an estimate and never raises
the rule by itself: the rule fires when the labels whose counts are bounds already exceed the budget.`,
} as const satisfies Rule;

/** The finding for a budget over `limit`, or none. */
export function seriesBudgetFinding(budget: MetricBudget, limit: number, severity: Finding['severity']): Finding | undefined {
  const { worstCase, declaration } = budget;
  if (worstCase.kind !== 'counted' || worstCase.proven <= limit) return undefined;
  const biggest = biggestFactor(budget);
  const blame = biggest ? `; the biggest factor is \`${biggest.label}\` (${formatCount(biggest.set.size)}: ${biggest.set.origin})` : '';
  const total = worstCase.estimate
    ? `up to ${formatCount(worstCase.proven)} series from its counted labels alone (about ${formatCount(worstCase.series)} with the estimated ones)`
    : `up to ${formatCount(worstCase.series)} series`;
  return {
    ruleId: seriesBudget.id,
    severity,
    message: `metric \`${budget.metric}\` can make ${total}, over the budget of ${formatCount(limit)}: ${describeFactors(budget)}${blame}`,
    metric: budget.metric,
    file: declaration.file,
    start: declaration.start,
    end: declaration.end,
    path: [],
    fixes: [],
  };
}
