/**
 * A CodeLens above each metric declaration with its worst case (`Cardinal: ≤ 675 series`, `Cardinal:
 * unbounded: route ← req.path`), which opens the breakdown: the declaration's hover.
 */
import type { CodeLens, Range } from 'vscode-languageserver';
import { describeTotal, type MetricBudget } from '../analysis/series-budget';

/** The client command a lens runs, with the document's URI and the declaration's start (VS Code shows the hover there). */
export const SHOW_SERIES_BREAKDOWN = 'cardinal.showSeriesBreakdown';

/** One lens per metric, at its declaration; `rangeOf` maps a span of the file to a range. */
export function metricLenses(uri: string, budgets: readonly MetricBudget[], rangeOf: (start: number, end: number) => Range): CodeLens[] {
  return budgets.map((budget) => {
    const range = rangeOf(budget.declaration.start, budget.declaration.end);
    return { range, command: { title: `Cardinal: ${lensTitle(budget)}`, command: SHOW_SERIES_BREAKDOWN, arguments: [uri, range.start] } };
  });
}

/** `≤ 675 series`, `unbounded: route ← req.path`, `unknown: shard not counted`. */
export function lensTitle(budget: MetricBudget): string {
  const unbounded = budget.labels.find((label) => label.kind === 'unbounded');
  if (unbounded?.kind === 'unbounded') return `unbounded: ${unbounded.label} ← ${unbounded.source.text}`;
  if (budget.worstCase.kind === 'unknown') return `unknown: ${budget.worstCase.labels.join(', ')} not counted`;
  return describeTotal(budget);
}

/**
 * Asks the client for every lens again, a while after the last change: a metric's worst case depends
 * on the files that write its labels and register routes, not only on the file showing the lens.
 */
export class LensRefresh {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send().catch(this.onError);
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
