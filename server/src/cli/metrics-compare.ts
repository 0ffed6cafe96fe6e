/**
 * `cardinal metrics --compare base.json`: what a change does to the series, metric by metric, against
 * the inventory of the base (a previous `--format json`). A metric is matched by its name.
 */
import { codeSpan, tableCell } from './markdown';
import { entryFactors, entryTotal, type MetricEntry, type MetricsDocument } from './metrics-document';

export interface MetricsChange {
  readonly added: readonly MetricEntry[];
  readonly removed: readonly MetricEntry[];
  /** Metrics whose labels or worst case changed. */
  readonly changed: readonly { readonly before: MetricEntry; readonly after: MetricEntry }[];
}

export function compareMetrics(base: MetricsDocument, head: MetricsDocument): MetricsChange {
  const before = new Map(base.metrics.map((entry) => [entry.name, entry]));
  const after = new Map(head.metrics.map((entry) => [entry.name, entry]));
  return {
    added: head.metrics.filter((entry) => !before.has(entry.name)),
    removed: base.metrics.filter((entry) => !after.has(entry.name)),
    changed: head.metrics.flatMap((entry) => {
      const old = before.get(entry.name);
      return old && (entryTotal(old) !== entryTotal(entry) || entryFactors(old) !== entryFactors(entry)) ? [{ before: old, after: entry }] : [];
    }),
  };
}

export function formatChangeText(change: MetricsChange): string {
  const lines = [
    ...change.added.map((entry) => `+ ${entry.name}: ${entryFactors(entry)} = ${entryTotal(entry)}  (${entry.declaredAt})`),
    ...change.changed.map(({ before, after }) => `~ ${after.name}: ${entryTotal(before)} → ${entryTotal(after)}; ${entryFactors(before)} → ${entryFactors(after)}`),
    ...change.removed.map((entry) => `- ${entry.name}`),
  ];
  return lines.length === 0 ? 'No metric added, removed or changed.\n' : `${lines.join('\n')}\n`;
}

export function formatChangeMarkdown(change: MetricsChange): string {
  const rows = [
    ...change.added.map((entry) => `| added | ${tableCell(codeSpan(entry.name))} | | ${tableCell(entryFactors(entry))} = **${entryTotal(entry)}** |`),
    ...change.changed.map(({ before, after }) => `| changed | ${tableCell(codeSpan(after.name))} | ${tableCell(entryFactors(before))} = ${entryTotal(before)} | ${tableCell(entryFactors(after))} = **${entryTotal(after)}** |`),
    ...change.removed.map((entry) => `| removed | ${tableCell(codeSpan(entry.name))} | ${tableCell(entryFactors(entry))} = ${entryTotal(entry)} | |`),
  ];
  if (rows.length === 0) return '### Cardinal: metric series\n\nThis change adds, removes and changes no metric.\n';
  return ['### Cardinal: what this change does to the metric series', '', '| | Metric | Before | After |', '|---|---|---|---|', ...rows, ''].join('\n');
}
