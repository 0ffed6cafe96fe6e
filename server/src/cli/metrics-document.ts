/**
 * The series inventory as plain JSON data: what `cardinal metrics --format json` prints and what
 * `--compare` reads back. Files are relative to the report's root and positions are 1-based lines, so
 * a document from another checkout compares. Add fields, never rename or remove them without bumping
 * `version`.
 */
import { shownFactors, shownSize, shownTotal, type LabelCount, type MetricBudget } from '../analysis/series-budget';
import { relativePath } from '../project/paths';
import { TOOL_NAME } from '../product';
import type { Positions } from './line-map';
import type { ScanReport } from './scan-report';

export const METRICS_FORMAT_VERSION = 1;

export interface MetricsDocument {
  readonly version: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly metrics: readonly MetricEntry[];
  /** Files a time budget cut short: their labels may be missing from the counts. */
  readonly incomplete: readonly string[];
}

export interface MetricEntry {
  /** The name; with `dynamicName`, the expression that builds it. */
  readonly name: string;
  readonly dynamicName?: boolean;
  readonly instrument?: string;
  /** `file:line` of the declaration. */
  readonly declaredAt: string;
  readonly samplesPerSeries?: { readonly count: number; readonly why: string };
  readonly labels: readonly LabelEntry[];
  readonly worstCase: {
    readonly kind: 'counted' | 'unbounded' | 'unknown';
    readonly series?: number;
    readonly samples?: number;
    readonly estimate?: boolean;
    /** With an estimate: the series the labels whose counts are bounds make alone (what `series-budget` judges). */
    readonly proven?: number;
  };
  /** The budget of the declaration's configuration (`maxSeriesPerMetric`). */
  readonly budget: number;
  readonly writtenIn: readonly string[];
}

export interface LabelEntry {
  readonly name: string;
  readonly kind: LabelCount['kind'];
  readonly size?: number;
  readonly values?: readonly string[];
  /** Where the count comes from (counted), the unbounded source (unbounded) or why it was not counted (unknown). */
  readonly origin: string;
  readonly estimate?: boolean;
  /** `file:line` of the write that decides it: the unbounded one, else the first. */
  readonly decidedAt?: string;
  readonly writes: number;
}

/** The document of a scan's inventory; `budgetOf` is the `maxSeriesPerMetric` that applies to a file. */
export function metricsDocument(report: ScanReport, positions: Positions, toolVersion: string, budgetOf: (file: string) => number): MetricsDocument {
  const at = (span: { file: string; start: number }) => `${relativePath(report.root, span.file)}:${positions.positionAt(span.file, span.start).line}`;
  return {
    version: METRICS_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: toolVersion },
    metrics: report.inventory.budgets.map((budget) => metricEntry(budget, at, budgetOf(budget.declaration.file), (file) => relativePath(report.root, file))),
    incomplete: report.inventory.incomplete.map((file) => relativePath(report.root, file)),
  };
}

function metricEntry(budget: MetricBudget, at: (span: { file: string; start: number }) => string, limit: number, relative: (file: string) => string): MetricEntry {
  const { declaration, worstCase } = budget;
  return {
    name: budget.metric,
    ...(declaration.dynamicName ? { dynamicName: true } : {}),
    ...(declaration.instrument ? { instrument: declaration.instrument } : {}),
    declaredAt: at(declaration),
    ...(declaration.samplesPerSeries ? { samplesPerSeries: declaration.samplesPerSeries } : {}),
    labels: budget.labels.map((label) => labelEntry(label, at)),
    worstCase:
      worstCase.kind === 'counted'
        ? { kind: 'counted', series: worstCase.series, samples: worstCase.samples, ...(worstCase.estimate ? { estimate: true, proven: worstCase.proven } : {}) }
        : { kind: worstCase.kind },
    budget: limit,
    writtenIn: budget.writers.map(relative),
  };
}

function labelEntry(label: LabelCount, at: (span: { file: string; start: number }) => string): LabelEntry {
  const common = { name: label.label, kind: label.kind, writes: label.sites.length };
  switch (label.kind) {
    case 'counted':
      return {
        ...common,
        size: label.set.size,
        ...(label.set.members ? { values: label.set.members } : {}),
        origin: label.set.origin,
        ...(label.set.estimate ? { estimate: true } : {}),
        ...(label.sites[0] ? { decidedAt: at(label.sites[0]) } : {}),
      };
    case 'unbounded': {
      const site = label.sites.find((candidate) => candidate.values.kind === 'unbounded') ?? label.sites[0];
      return { ...common, origin: `${label.source.description} \`${label.source.text}\``, decidedAt: at(site) };
    }
    case 'unknown':
      return { ...common, origin: label.why, ...(label.sites[0] ? { decidedAt: at(label.sites[0]) } : {}) };
  }
}

/** The worst case of an entry in a few words: `≤ 630 series`, `≈ 6,615 series`, `unbounded`, `unknown`. */
export function entryTotal(entry: MetricEntry): string {
  return shownTotal(entry.worstCase, false);
}

/** `method (35) × status (≈ 63)`. */
export function entryFactors(entry: MetricEntry): string {
  return shownFactors(entry.labels);
}

export function labelSize(label: LabelEntry): string {
  return shownSize(label);
}

/** Whether an entry is over its budget as `series-budget` judges it: by what its bounded labels prove. */
export function isOverBudget(entry: MetricEntry): boolean {
  const { worstCase } = entry;
  return worstCase.kind === 'counted' && (worstCase.proven ?? worstCase.series ?? 0) > entry.budget;
}

/** Reads a document `--compare` was given, or says why it cannot. */
export function parseMetricsDocument(text: string): MetricsDocument | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { metrics?: unknown }).metrics)) return 'not the output of "cardinal metrics --format json" (no "metrics" list)';
  const version = (parsed as { version?: unknown }).version;
  if (version !== METRICS_FORMAT_VERSION) return `made by another version of the format (${String(version)}; this one reads ${METRICS_FORMAT_VERSION})`;
  return parsed as MetricsDocument;
}
