import { Hover, MarkupKind } from 'vscode-languageserver';
import type { CardinalConfig, LabelDeclaration, LabelSite, LabelValues, MetricDeclaration, ValueSet } from '../analysis';
import { describeFactors, describeTotal, formatCount, sizeOf, type LabelCount, type MetricBudget } from '../analysis/series-budget';
import type { FileLabels, ProjectLabels } from '../languages';
import { PositionMapper, type FileTexts } from './convert';
import type { FileAnalysis } from './file-analysis';

/** What a hover needs from the server. */
export interface HoverContext {
  readonly analysis: FileAnalysis;
  readonly files: FileTexts;
  /** The workspace folders' paths, for the names shown in links. */
  readonly folders: readonly string[];
}

/** The hover at `offset` of `fileName`: a label argument's conclusion, or a declaration's uses across the project. */
export async function labelHover(context: HoverContext, fileName: string, offset: number, config: CardinalConfig, isCancelled: () => boolean): Promise<LabelHover | undefined> {
  const target = hoverTargetAt(fileName, await context.analysis.labels(fileName, config), offset);
  if (!target) return undefined;
  if (target.kind === 'sites') {
    const metrics = [...new Set(target.sites.map((site) => site.metric))];
    const metric = metrics.length === 1 ? metrics[0] : undefined;
    const budget = metric === undefined ? undefined : await context.analysis.metricBudgetNamed(fileName, metric, config, isCancelled);
    return describeSites(target.sites, budget);
  }
  const { project, budget } =
    target.kind === 'metric'
      ? await context.analysis.metricBudgets(fileName, config, isCancelled).then(({ project, budgets }) => ({ project, budget: budgets.find((b) => b.metric === target.declaration.metric) }))
      : { project: await context.analysis.projectLabels(fileName, config, isCancelled), budget: undefined };
  const mapper = new PositionMapper(context.files);
  const locate = (site: LabelSite): UseLocation | undefined => {
    const range = mapper.rangeOf(site);
    return range && { uri: mapper.uriOf(site.file), line: range.start.line + 1, name: shownName(site.file, context.folders) };
  };
  return describeDeclaration(target, project, locate, budget);
}

/** A file's path from the workspace folder holding it (the innermost), else the path as it is. */
function shownName(fileName: string, folders: readonly string[]): string {
  const folder = folders.filter((candidate) => fileName.startsWith(`${candidate}/`)).sort((a, b) => b.length - a.length)[0];
  return folder === undefined ? fileName : fileName.slice(folder.length + 1);
}

/** A hover's markdown and the span it describes, in offsets of the hovered file. */
export interface LabelHover {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

/** What is under the cursor: label arguments, or a declaration whose uses are in the whole project. */
export type HoverTarget =
  | { readonly kind: 'sites'; readonly sites: readonly LabelSite[] }
  | { readonly kind: 'label'; readonly declaration: LabelDeclaration }
  | { readonly kind: 'metric'; readonly declaration: MetricDeclaration };

/** Where a use of a label is, for a hover's link: its URI and its 1-based line, and the name shown. */
export interface UseLocation {
  readonly uri: string;
  readonly line: number;
  readonly name: string;
}

/** The label arguments or the declaration under `offset` of `fileName`; the innermost label span wins. */
export function hoverTargetAt(fileName: string, labels: FileLabels, offset: number): HoverTarget | undefined {
  const contains = (span: { file: string; start: number; end: number }) => span.file === fileName && span.start <= offset && offset <= span.end;
  const under = labels.sites.filter(contains);
  if (under.length > 0) {
    // A spread (`labels(...lvs)`) is one span for several labels, shown together.
    const width = Math.min(...under.map((site) => site.end - site.start));
    return { kind: 'sites', sites: under.filter((site) => site.end - site.start === width) };
  }
  const label = labels.declarations.find(contains);
  if (label) return { kind: 'label', declaration: label };
  const metric = labels.metrics.find(contains);
  return metric && { kind: 'metric', declaration: metric };
}

/** A label argument's own conclusion (several for a spread), and the worst case of the metric it writes. */
export function describeSites(sites: readonly LabelSite[], budget?: MetricBudget): LabelHover {
  const labels = sites.map((site) => `${labelHeading(site.label, site.metric)}\n\n${describeValues(site.values)}`).join('\n\n---\n\n');
  const worstCase = budget ? `\n\n---\n\nMetric \`${budget.metric}\`, worst case: ${describeFactors(budget)} = **${describeTotal(budget)}**` : '';
  return { markdown: labels + worstCase, start: sites[0].start, end: sites[0].end };
}

/**
 * A declaration answered from the whole project: each place that writes the label (or, on a metric's
 * name, each of its labels), linked, and whether its values are bounded; unbounded ones first.
 */
export function describeDeclaration(
  target: Extract<HoverTarget, { kind: 'label' | 'metric' }>,
  project: ProjectLabels,
  locate: (site: LabelSite) => UseLocation | undefined,
  budget?: MetricBudget,
): LabelHover {
  const { declaration } = target;
  const usesOf = (label: string) =>
    project.sites.filter((site) => site.label === label && (declaration.metric === undefined || site.metric === undefined || site.metric === declaration.metric));
  const sections =
    target.kind === 'label'
      ? [labelHeading(target.declaration.label, declaration.metric), capitalised(describeUses(usesOf(target.declaration.label), locate))]
      : [
          `**Metric \`${target.declaration.metric}\`**${target.declaration.labels.length === 0 ? ', no labels' : ''}`,
          ...(budget ? [describeBudget(budget, locate)] : []),
          ...target.declaration.labels.map((label) => `\`${label}\`: ${describeUses(usesOf(label), locate)}`),
        ];
  const scope = project.complete
    ? `Searched ${project.filesSearched} ${project.filesSearched === 1 ? 'file' : 'files'} of the project.`
    : `Searched ${project.filesSearched} files before the time budget ran out: other places may write these labels too.`;
  return { markdown: [...sections, `_${scope}_`].join('\n\n'), start: declaration.start, end: declaration.end };
}

/** The LSP hover for a description, given the positions of its span. */
export function toHover(description: LabelHover, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: description.markdown }, range };
}

const ORDER: Readonly<Record<LabelValues['kind'], number>> = { unbounded: 0, unknown: 1, bounded: 2 };

function describeUses(uses: readonly LabelSite[], locate: (site: LabelSite) => UseLocation | undefined): string {
  if (uses.length === 0) return 'written nowhere in the project.';
  const counts = (['unbounded', 'unknown', 'bounded'] as const).flatMap((kind) => {
    const count = uses.filter((use) => use.values.kind === kind).length;
    return count === 0 ? [] : [`${count} ${kind}`];
  });
  const lines = [...uses]
    .sort((a, b) => ORDER[a.values.kind] - ORDER[b.values.kind] || a.file.localeCompare(b.file) || a.start - b.start)
    .map((use) => {
      const location = locate(use);
      const where = location ? `[${location.name}:${location.line}](${location.uri}#L${location.line})` : use.file;
      return `- ${where}: ${describeValues(use.values)}`;
    });
  return `${uses.length === 1 ? 'written at 1 place' : `written at ${uses.length} places`} (${counts.join(', ')})\n${lines.join('\n')}`;
}

/** The worst case and each factor with where its count comes from, linked to the write that decides it. */
function describeBudget(budget: MetricBudget, locate: (site: LabelSite) => UseLocation | undefined): string {
  const samples = budget.worstCase.kind === 'counted' && budget.declaration.samplesPerSeries ? ` (${budget.declaration.samplesPerSeries.why})` : '';
  const factors = budget.labels.map((label) => {
    const decisive = label.kind === 'unbounded' ? label.sites.find((site) => site.values.kind === 'unbounded') : label.sites[0];
    const location = decisive && locate(decisive);
    const link = location ? ` ([${location.name}:${location.line}](${location.uri}#L${location.line}))` : '';
    return `- \`${label.label}\` (${sizeOf(label)}): ${describeCount(label)}${link}`;
  });
  const estimate = budget.worstCase.kind === 'counted' && budget.worstCase.estimate ? '\n\n≈ marks an estimate: the count the code usually produces, not a bound it proves.' : '';
  return [`Worst case: ${describeFactors(budget)} = **${describeTotal(budget)}**${samples}`, factors.join('\n')].join('\n\n') + estimate;
}

/** `3 values: 'a' | 'b' | 'c'`, `about 63 values: …`, `the registered routes`. */
function describeSet(set: ValueSet): string {
  if (set.routes && set.size === 0) return 'the registered routes';
  const count = `${set.estimate ? 'about ' : ''}${formatCount(set.size)} ${set.size === 1 ? 'value' : 'values'}`;
  return `${count}${set.routes ? ' besides the registered routes' : ''}: ${set.origin}`;
}

function describeCount(label: LabelCount): string {
  switch (label.kind) {
    case 'counted':
      return label.set.origin;
    case 'unbounded':
      return `${label.source.description} \`${label.source.text}\``;
    case 'unknown':
      return label.why;
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function labelHeading(label: string | undefined, metric: string | undefined): string {
  const name = label === undefined ? 'Label' : `Label \`${label}\``;
  return metric === undefined ? `**${name}**` : `**${name}** of metric \`${metric}\``;
}

function describeValues(values: LabelValues): string {
  switch (values.kind) {
    case 'bounded':
      return values.set ? `Bounded: ${values.why} (${describeSet(values.set)}).` : `Bounded: ${values.why}.`;
    case 'unbounded': {
      const weak = values.weakSanitizer === undefined ? '' : `; ${values.weakSanitizer}`;
      return `**Unbounded**: ${values.source.description} \`${values.source.text}\`${weak}.`;
    }
    case 'unknown':
      return `Unknown: ${values.why ?? 'Cardinal cannot tell which values reach it'}.`;
  }
}
