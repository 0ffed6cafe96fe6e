/**
 * `cardinal metrics` as people read it: text for a terminal, Markdown to paste into a pull request.
 * Metrics that can hurt come first: unbounded, then over their budget, then by worst case.
 */
import { codeSpan, tableCell } from './markdown';
import { entryFactors, entryTotal, isOverBudget, labelSize, type MetricEntry, type MetricsDocument } from './metrics-document';

export function formatMetricsText(document: MetricsDocument): string {
  if (document.metrics.length === 0) return 'No metric declared with a constant name in the scanned files.\n';
  const blocks = ordered(document.metrics).map((entry) => {
    const heading = `${entry.name}${entry.instrument ? ` (${entry.instrument})` : ''}${entry.dynamicName ? ', name built at run time' : ''}  ${entry.declaredAt}`;
    const width = Math.max(0, ...entry.labels.map((label) => label.name.length));
    const sizeWidth = Math.max(0, ...entry.labels.map((label) => labelSize(label).length));
    const labels = entry.labels.map((label) => `  ${label.name.padEnd(width)}  ${labelSize(label).padStart(sizeWidth)}  ${label.origin}`);
    const samples = entry.samplesPerSeries && entry.worstCase.kind === 'counted' ? `, ${entry.worstCase.estimate ? '≈' : '≤'} ${(entry.worstCase.samples ?? 0).toLocaleString('en-US')} samples (${entry.samplesPerSeries.why})` : '';
    const over = isOverBudget(entry) ? `  over the budget of ${entry.budget.toLocaleString('en-US')}` : '';
    return [heading, ...labels, `  worst case: ${entryTotal(entry)}${samples}${over}`].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${summary(document)}\n`;
}

export function formatMetricsMarkdown(document: MetricsDocument): string {
  if (document.metrics.length === 0) return '**Cardinal**: no metric declared with a constant name in the scanned files.\n';
  const rows = ordered(document.metrics).map((entry) => {
    const flag = entry.worstCase.kind === 'unbounded' ? '🔴 ' : isOverBudget(entry) ? '🟠 ' : '';
    return `| ${flag}${tableCell(codeSpan(entry.name))}${entry.dynamicName ? ' (built at run time)' : ''} | ${entry.instrument ?? ''} | ${tableCell(entryFactors(entry))} | ${flag === '' ? '' : '**'}${entryTotal(entry)}${flag === '' ? '' : '**'} | ${entry.declaredAt} |`;
  });
  const details = ordered(document.metrics).map((entry) => {
    const lines = entry.labels.map((label) => `- \`${label.name}\` (${labelSize(label)}): ${tableCell(label.origin)}${label.decidedAt ? ` — ${label.decidedAt}` : ''}`);
    return `**${codeSpan(entry.name)}**${entry.samplesPerSeries ? ` — each series exposes ${entry.samplesPerSeries.count} samples (${entry.samplesPerSeries.why})` : ''}\n\n${lines.length > 0 ? lines.join('\n') : '- no labels'}`;
  });
  return [
    `### Cardinal: metric series\n`,
    summary(document),
    '',
    '| Metric | Type | Labels | Worst case | Declared |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '<details><summary>Where each count comes from</summary>',
    '',
    details.join('\n\n'),
    '',
    '</details>',
    '',
  ].join('\n');
}

function summary(document: MetricsDocument): string {
  const count = (test: (entry: MetricEntry) => boolean) => document.metrics.filter(test).length;
  const parts = [
    `${document.metrics.length} ${document.metrics.length === 1 ? 'metric' : 'metrics'}`,
    `${count((entry) => entry.worstCase.kind === 'unbounded')} unbounded`,
    `${count(isOverBudget)} over budget`,
    `${count((entry) => entry.worstCase.kind === 'unknown')} not fully counted`,
  ];
  const cut = document.incomplete.length === 0 ? '' : ` A time budget cut the analysis of ${document.incomplete.length} file(s) short: their labels may be missing.`;
  return `${parts.join(', ')}. ≤ is a bound the code proves; ≈ includes an estimate (status codes).${cut}`;
}

const RANK = { unbounded: 0, counted: 2, unknown: 3 } as const;

function ordered(entries: readonly MetricEntry[]): MetricEntry[] {
  const rank = (entry: MetricEntry) => (isOverBudget(entry) ? 1 : RANK[entry.worstCase.kind]);
  return [...entries].sort((a, b) => rank(a) - rank(b) || (b.worstCase.series ?? 0) - (a.worstCase.series ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
