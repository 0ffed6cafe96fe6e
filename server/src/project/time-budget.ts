/**
 * How long the analysis of one file may run. Every trace is bounded already; the budget is the last
 * word on a pathological file (tens of thousands of labels, a vast generated module), so a scan or a
 * keystroke never waits on one file forever. The CLI and the language server use the same budget.
 */

/** The time budget of one file, in milliseconds. */
export const FILE_TIME_BUDGET_MS = 10_000;

/** What the user is told about a file whose analysis ran out of time. */
export function describeTimeBudgetExceeded(budgetMs: number): string {
  return `analysis stopped after its time budget of ${budgetMs} ms; the findings of this file may be incomplete`;
}
