/**
 * A metric's worst case: how many series it can make, as the product of its labels' value counts,
 * each from every place in the project that writes the label. One unbounded writer makes the metric
 * unbounded; one writer whose values cannot be counted makes it unknown, never a guessed number.
 */
import type { InstrumentKind, LabelSite, MetricDeclaration, SourceInfo } from './finding';
import { countedSet, joinSets, type RouteCount, type ValueSet } from './value-sets';

/** What one label of a metric contributes, with the writes it was judged from. */
export type LabelCount =
  | { readonly kind: 'counted'; readonly label: string; readonly set: ValueSet; readonly sites: readonly LabelSite[] }
  | { readonly kind: 'unbounded'; readonly label: string; readonly source: SourceInfo; readonly sites: readonly LabelSite[] }
  | { readonly kind: 'unknown'; readonly label: string; readonly why: string; readonly sites: readonly LabelSite[] };

export type WorstCase =
  | {
      readonly kind: 'counted';
      readonly series: number;
      readonly samples: number;
      readonly estimate: boolean;
      /** The series the labels whose counts are bounds make alone, each estimated label taken as one value: what the code proves. */
      readonly proven: number;
    }
  | { readonly kind: 'unbounded'; readonly labels: readonly string[] }
  | { readonly kind: 'unknown'; readonly labels: readonly string[] };

export interface MetricBudget {
  readonly metric: string;
  /** Where the metric is declared (the first place, when several declare the same name). */
  readonly declaration: MetricDeclaration;
  readonly labels: readonly LabelCount[];
  readonly worstCase: WorstCase;
  /** The files that write the metric's labels, sorted. */
  readonly writers: readonly string[];
}

/** What one analysed file tells a series inventory: the metrics it declares and the labels it writes. */
export interface FileMetrics {
  readonly file: string;
  readonly metrics: readonly MetricDeclaration[];
  readonly sites: readonly LabelSite[];
  /** Every label of the file was judged (no time budget cut the analysis short). */
  readonly complete: boolean;
}

/**
 * One budget per metric name, in the order the declarations come. `routesFor` counts the route
 * patterns registered in the project of a declaration's file, for labels that receive one (undefined:
 * they were not counted).
 */
export function metricBudgets(declarations: readonly MetricDeclaration[], sites: readonly LabelSite[], routesFor?: (file: string) => RouteCount | undefined): MetricBudget[] {
  const byName = new Map<string, MetricDeclaration[]>();
  for (const declaration of declarations) {
    // Two names built at run time are two metrics, whatever their expressions.
    const key = declaration.dynamicName ? `${declaration.file}\u0000${declaration.start}` : declaration.metric;
    const known = byName.get(key);
    if (known) known.push(declaration);
    else byName.set(key, [declaration]);
  }
  return [...byName.values()].map((all) => {
    const written = all[0].dynamicName ? [] : sites.filter((site) => site.metric === all[0].metric && site.label !== undefined);
    return budgetOf(all, written, routesFor?.(all[0].file));
  });
}

/** The budget of a metric from its declarations (the first is where it is shown) and the writes of its labels. */
function budgetOf(declarations: readonly MetricDeclaration[], sites: readonly LabelSite[], routes: RouteCount | undefined): MetricBudget {
  const declaration = declarations[0];
  const declared = declaration.statsd ? declarations.flatMap((write) => write.labels) : declaration.labels;
  const names = [...new Set([...declared, ...sites.map((site) => site.label!)])];
  let labels = declaration.dynamicName
    ? names.map((label): LabelCount => ({ kind: 'unknown', label, why: "the metric's name is built at run time, so its writes cannot be told from another metric's", sites: [] }))
    : names.map((label) => withRoutes(countLabel(label, sites.filter((site) => site.label === label)), routes));
  if (declaration.statsd) labels = statTags(labels, declarations);
  else if (declaration.unlistedLabels) labels = [...labels, { kind: 'unknown', label: '(other labels)', why: 'its label names are not one literal list (built at run time, or added to after it is made)', sites: [] }];
  return {
    metric: declaration.metric,
    declaration,
    labels,
    worstCase: worstCaseOf(labels, declaration.samplesPerSeries?.count ?? 1),
    writers: [...new Set(sites.map((site) => site.file))].sort(),
  };
}

function countLabel(label: string, sites: readonly LabelSite[]): LabelCount {
  if (sites.length === 0) return { kind: 'unknown', label, why: 'no write of it was traced (it may be written where Cardinal does not follow)', sites };
  const unbounded = sites.find((site) => site.values.kind === 'unbounded');
  if (unbounded && unbounded.values.kind === 'unbounded') return { kind: 'unbounded', label, source: unbounded.values.source, sites };
  const sets: ValueSet[] = [];
  for (const site of sites) {
    if (site.values.kind === 'unknown') return { kind: 'unknown', label, why: site.values.why ?? 'Cardinal cannot tell which values reach it', sites };
    if (site.values.kind === 'bounded' && !site.values.set) return { kind: 'unknown', label, why: `bounded (${site.values.why}), but not counted`, sites };
    if (site.values.kind === 'bounded' && site.values.set) sets.push(site.values.set);
  }
  return { kind: 'counted', label, set: joinSets(sets), sites };
}

/**
 * A StatsD stat's tags, over every write of it: a tag a write leaves out is one more value (the series
 * without it), and a write whose tags cannot be listed makes the stat's tags unknown.
 */
function statTags(labels: readonly LabelCount[], writes: readonly MetricDeclaration[]): LabelCount[] {
  const counted = labels.map((count): LabelCount => {
    const without = writes.filter((write) => !write.labels.includes(count.label)).length;
    if (count.kind !== 'counted' || without === 0) return count;
    const absent = countedSet('statsd-tag-absent', 1, `no tag (in ${without} of ${writes.length} writes)`);
    return { ...count, set: joinSets([count.set, absent]) };
  });
  const unlisted = writes.filter((write) => write.unlistedLabels).length;
  if (unlisted === 0) return counted;
  const why = `${unlisted === 1 ? 'a write gives' : `${unlisted} writes give`} tags Cardinal cannot list (not a literal list, or added inside a wrapper)`;
  return [...counted, { kind: 'unknown', label: '(other tags)', why, sites: [] }];
}

/** A count whose values include the registered route patterns, with the project's routes counted in. */
function withRoutes(count: LabelCount, routes: RouteCount | undefined): LabelCount {
  if (count.kind !== 'counted' || !count.set.routes) return count;
  if (!routes) return { kind: 'unknown', label: count.label, why: 'a route pattern, and the routes were not counted', sites: count.sites };
  if (routes.registered === 0 && routes.dynamic === 0) {
    return { kind: 'unknown', label: count.label, why: 'a route pattern, and no route registration was found in the scanned files', sites: count.sites };
  }
  if (routes.dynamic > 0) {
    return { kind: 'unknown', label: count.label, why: `a route pattern, and ${routes.dynamic === 1 ? 'a route is' : `${routes.dynamic} routes are`} registered with a path built at run time`, sites: count.sites };
  }
  const registered = `${routes.registered} ${routes.registered === 1 ? 'route' : 'routes'} registered in ${routes.files} scanned ${routes.files === 1 ? 'file' : 'files'}`;
  // With no fallback beside it, the pattern itself has a value for requests no route matched (`undefined`, `''`).
  const others = count.set.size === 0 ? ' + 1 for unmatched requests' : ` + ${count.set.origin.replace(/^the registered route patterns \+ /, '')}`;
  const size = routes.registered + Math.max(count.set.size, 1);
  const set: ValueSet = { size, origin: `${registered}${others}`, ...(count.set.estimate ? { estimate: true } : {}) };
  return { ...count, set };
}

function worstCaseOf(labels: readonly LabelCount[], samplesPerSeries: number): WorstCase {
  const unbounded = labels.filter((label) => label.kind === 'unbounded').map((label) => label.label);
  if (unbounded.length > 0) return { kind: 'unbounded', labels: unbounded };
  const unknown = labels.filter((label) => label.kind === 'unknown').map((label) => label.label);
  if (unknown.length > 0) return { kind: 'unknown', labels: unknown };
  let series = 1;
  let proven = 1;
  let estimate = false;
  for (const label of labels) {
    if (label.kind !== 'counted') continue;
    series *= label.set.size;
    if (label.set.estimate) estimate = true;
    else proven *= label.set.size;
  }
  return { kind: 'counted', series, samples: series * samplesPerSeries, estimate, proven };
}

/**
 * What each series of an instrument exposes: a histogram a sample per bucket (its `boundaries` and
 * `+Inf`) with `_sum` and `_count`, a summary one per quantile with the same two; others one.
 */
export function samplesPerSeries(instrument: InstrumentKind, boundaries: number, given: boolean): MetricDeclaration['samplesPerSeries'] {
  const where = given ? '' : ' by default';
  if (instrument === 'histogram') return { count: boundaries + 3, why: `${boundaries + 1} buckets${where} + _sum + _count` };
  if (instrument === 'summary') return { count: boundaries + 2, why: `${boundaries} quantiles${where} + _sum + _count` };
  return undefined;
}

/** The label that multiplies the series most, for a message. */
export function biggestFactor(budget: MetricBudget): Extract<LabelCount, { kind: 'counted' }> | undefined {
  let biggest: Extract<LabelCount, { kind: 'counted' }> | undefined;
  for (const label of budget.labels) if (label.kind === 'counted' && (!biggest || label.set.size > biggest.set.size)) biggest = label;
  return biggest;
}

/** A label's count as a report shows it: from a budget, or read back from an inventory's JSON. */
export interface ShownCount {
  readonly name: string;
  readonly kind: LabelCount['kind'];
  readonly size?: number;
  readonly estimate?: boolean;
}

/** A worst case as a report shows it. */
export interface ShownWorstCase {
  readonly kind: WorstCase['kind'];
  readonly series?: number;
  readonly samples?: number;
  readonly estimate?: boolean;
}

/** `method (9) × route (14) × status (5)`: each label and its count, `?` or `unbounded` where there is none. */
export function shownFactors(counts: readonly ShownCount[]): string {
  if (counts.length === 0) return 'no labels';
  return counts.map((count) => `${count.name} (${shownSize(count)})`).join(' × ');
}

/** `9`, `≈ 63`, `unbounded` or `?`: what one label contributes. */
export function shownSize(count: ShownCount): string {
  if (count.kind === 'unbounded') return 'unbounded';
  if (count.kind === 'unknown') return '?';
  return `${count.estimate ? '≈ ' : ''}${formatCount(count.size ?? 0)}`;
}

/** `≤ 630 series`, `≈ 6,615 series, ≈ 92,610 samples` (with `samples`), `unbounded` or `unknown`. */
export function shownTotal(worstCase: ShownWorstCase, samples: boolean): string {
  if (worstCase.kind !== 'counted') return worstCase.kind;
  const about = worstCase.estimate ? '≈' : '≤';
  const series = `${about} ${formatCount(worstCase.series ?? 0)} series`;
  return samples ? `${series}, ${about} ${formatCount(worstCase.samples ?? 0)} samples` : series;
}

function shownCount(label: LabelCount): ShownCount {
  return label.kind === 'counted' ? { name: label.label, kind: label.kind, size: label.set.size, estimate: label.set.estimate } : { name: label.label, kind: label.kind };
}

/** A budget's factors (see `shownFactors`). */
export function describeFactors(budget: MetricBudget): string {
  return shownFactors(budget.labels.map(shownCount));
}

/** What one label of a budget contributes (see `shownSize`). */
export function sizeOf(label: LabelCount): string {
  return shownSize(shownCount(label));
}

/** A budget's worst case in a few words, its samples too when a series has several. */
export function describeTotal(budget: MetricBudget): string {
  return shownTotal(budget.worstCase, budget.declaration.samplesPerSeries !== undefined);
}

/** `method (9) × route (14) × status (5) = ≤ 630 series, ≤ 8,820 samples (12 buckets + _sum + _count)`. */
export function describeWorstCase(budget: MetricBudget): string {
  const samples = budget.declaration.samplesPerSeries;
  const why = budget.worstCase.kind === 'counted' && samples ? ` (${samples.why})` : '';
  return `${describeFactors(budget)} = ${describeTotal(budget)}${why}`;
}

/** 9450 → `9,450`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
