/**
 * The project's metrics with their worst cases, from what every analysed file declared and wrote,
 * and the `series-budget` findings it gives. The same for every language and every shell.
 */
import type { CardinalConfig } from './config-types';
import type { Finding } from './finding';
import { seriesBudget, seriesBudgetFinding } from './rules/series-budget';
import { metricBudgets, type FileMetrics, type MetricBudget } from './series-budget';
import { fileSuppressionFix, suppressionFix } from './fixes';
import { Suppressions } from './suppression';
import { TextLines } from './text-lines';
import type { RouteCount } from './value-sets';

export interface SeriesInventory {
  readonly budgets: readonly MetricBudget[];
  /** Files whose analysis a time budget cut short: their labels may be missing from the counts. */
  readonly incomplete: readonly string[];
}

/** The inventory of the files' metrics, metrics sorted by name. */
export function seriesInventory(files: Iterable<FileMetrics>, routesFor?: (file: string) => RouteCount | undefined): SeriesInventory {
  const list = [...files];
  // A StatsD client's prefix is declared too, but it is no instrument: its stats are not in the inventory.
  const budgets = metricBudgets(
    list.flatMap((file) => file.metrics.filter((metric) => metric.instrument !== undefined)),
    list.flatMap((file) => file.sites),
    routesFor,
  );
  return {
    budgets: budgets.sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0)),
    incomplete: list.filter((file) => !file.complete).map((file) => file.file).sort(),
  };
}

/** `series-budget` findings, each at its metric's declaration, with that file's configuration and directives. */
export function seriesBudgetFindings(inventory: SeriesInventory, configFor: (file: string) => CardinalConfig, textOf: (file: string) => string | undefined): Finding[] {
  const findings: Finding[] = [];
  const byFile = new Map<string, { suppressions: Suppressions; lines: TextLines }>();
  for (const budget of inventory.budgets) {
    const { file, start } = budget.declaration;
    const config = configFor(file);
    const severity = config.rules[seriesBudget.id];
    if (severity === 'off') continue;
    const finding = seriesBudgetFinding(budget, config.maxSeriesPerMetric, severity);
    if (!finding) continue;
    let known = byFile.get(file);
    if (!known) {
      const text = textOf(file) ?? '';
      byFile.set(file, (known = { suppressions: new Suppressions(file, text), lines: new TextLines(text) }));
    }
    if (known.suppressions.suppresses([start], seriesBudget.id)) continue;
    const here = { ...suppressionFix(file, known.lines, start, seriesBudget.id), title: "Ignore this metric's series budget here" };
    findings.push({ ...finding, fixes: [here, fileSuppressionFix(file, known.lines, seriesBudget.id)] });
  }
  return findings;
}
