/**
 * Analyses a Go package: finds the label sinks of its files and traces each value back to its
 * sources; the back end (`../analysis`) judges them into findings, as it does for TypeScript.
 */
import type { CardinalConfig } from '../analysis/config-types';
import { findingsOfFile, type JudgedSite } from '../analysis/file-findings';
import type { Finding, LabelDeclaration, LabelSite, MetricDeclaration } from '../analysis/finding';
import { describeFacts } from '../analysis/label-values';
import type { FileMetrics } from '../analysis/series-budget';
import { DerivedSinks } from './derived-sinks';
import { GoProgram, type GoPackageLoader } from './program';
import { findLabelSinks, toSinkSite, traceSink, type LabelSink, type SinkContext } from './sinks';
import { textOf, type GoFileSyntax } from './syntax';

export interface GoAnalysisOptions {
  /** Reads the project's other packages: with it, what another package of the module declares is followed there. */
  readonly packages?: GoPackageLoader;
  /** Report only the findings located in this file (the package's other files still inform the flow). */
  readonly onlyFile?: string;
  /** Polled between sinks; analysis stops early (returning what it has) when it says yes. */
  readonly isCancelled?: () => boolean;
  /**
   * How long one file's labels may take, in milliseconds. Past it the file's analysis stops with what
   * it has, `onDeadline` is told, and the other files go on.
   */
  readonly fileTimeBudgetMs?: number;
  readonly onDeadline?: (fileName: string) => void;
  /** Given each file's metric declarations and judged labels, for a series inventory. */
  readonly onMetrics?: (metrics: FileMetrics) => void;
}

/** Findings of every file in `files` (one directory; files of different package clauses are kept apart). */
export function analyzeGoSyntax(files: readonly GoFileSyntax[], config: CardinalConfig, options: GoAnalysisOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const program = new GoProgram(config, options.packages);
  for (const group of groupByPackageClause(files)) {
    const context = program.contextOf(group);
    const sinksByFile = judgedSinks(group, context);
    const handOffs = options.onMetrics ? context.vectors.handOffs() : [];
    for (const file of group) {
      if (options.onlyFile !== undefined && file.fileName !== options.onlyFile) continue;
      const judged: JudgedSite[] = [];
      const labels: LabelSite[] = [];
      const deadline = Date.now() + (options.fileTimeBudgetMs ?? Infinity);
      let cancelled = false;
      let complete = true;
      for (const sink of sinksByFile.get(file) ?? []) {
        cancelled = options.isCancelled?.() ?? false;
        if (cancelled) break;
        const facts = traceSink(sink, context.tracer);
        // A trace that ends past the deadline is not judged: the file stops with what it has.
        if (Date.now() > deadline) {
          options.onDeadline?.(file.fileName);
          break;
        }
        judged.push({ site: toSinkSite(sink), facts });
        if (sink.kind === 'label' && facts) labels.push({ ...toSinkSite(sink).span, label: sink.label, metric: sink.metric, values: describeFacts(facts) });
      }
      complete = !cancelled && judged.length === (sinksByFile.get(file) ?? []).length;
      const handedOff = handOffs.filter((handOff) => handOff.file === file.fileName);
      options.onMetrics?.({ file: file.fileName, metrics: context.vectors.metricDeclarations(file), sites: [...labels, ...handedOff], complete });
      findings.push(...findingsOfFile(file.fileName, file.text, judged, config, { complete }));
      if (cancelled) return findings;
    }
  }
  return findings;
}

/**
 * The sinks of a package as they are judged, by the file they are reported in: a label fed by a
 * parameter is judged at the calls of its function, which may be in another file.
 */
function judgedSinks(group: readonly GoFileSyntax[], context: SinkContext): Map<GoFileSyntax, LabelSink[]> {
  const byFile = new Map<GoFileSyntax, LabelSink[]>();
  for (const sink of DerivedSinks.of(context).apply(group.flatMap((file) => findLabelSinks(file, context)), group)) {
    const list = byFile.get(sink.span.file);
    if (list) list.push(sink);
    else byFile.set(sink.span.file, [sink]);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  return byFile;
}

/** What hover shows of one Go file: its labels, the metrics it declares and their label names. */
export interface GoFileDescription {
  readonly sites: LabelSite[];
  readonly declarations: LabelDeclaration[];
  readonly metrics: MetricDeclaration[];
}

/** Every label of `fileName` with what is known of its values, and the declarations it holds (for hover). */
export function describeGoFile(files: readonly GoFileSyntax[], fileName: string, config: CardinalConfig, packages?: GoPackageLoader): GoFileDescription {
  const group = groupByPackageClause(files).find((candidate) => candidate.some((file) => file.fileName === fileName));
  const file = group?.find((candidate) => candidate.fileName === fileName);
  if (!group || !file) return { sites: [], declarations: [], metrics: [] };
  const context = new GoProgram(config, packages).contextOf(group);
  return {
    sites: describeSinks(judgedSinks(group, context).get(file) ?? [], context),
    declarations: context.vectors.labelDeclarations(file),
    metrics: context.vectors.metricDeclarations(file),
  };
}

/**
 * Every label the package of `files` writes, with what is known of its values, and the metrics it
 * declares (hover on a declaration, workspace-wide).
 */
export function describeGoPackageLabels(files: readonly GoFileSyntax[], config: CardinalConfig, packages?: GoPackageLoader): Omit<GoFileDescription, 'declarations'> {
  const program = new GoProgram(config, packages);
  const sites: LabelSite[] = [];
  const metrics: MetricDeclaration[] = [];
  for (const group of groupByPackageClause(files)) {
    const context = program.contextOf(group);
    for (const sinks of judgedSinks(group, context).values()) sites.push(...describeSinks(sinks, context));
    sites.push(...context.vectors.handOffs());
    for (const file of group) metrics.push(...context.vectors.metricDeclarations(file));
  }
  return { sites, metrics };
}

function describeSinks(sinks: readonly LabelSink[], context: SinkContext): LabelSite[] {
  return sinks
    .filter((sink) => sink.kind === 'label')
    .map((sink) => ({ ...toSinkSite(sink).span, label: sink.label, metric: sink.metric, values: describeFacts(traceSink(sink, context.tracer)) }));
}

function groupByPackageClause(files: readonly GoFileSyntax[]): GoFileSyntax[][] {
  const groups = new Map<string, GoFileSyntax[]>();
  for (const file of files) {
    const clause = file.root.children.find((child) => child.type === 'package_clause');
    const name = clause ? textOf(clause.children.find((child) => child.named) ?? clause) : '';
    const group = groups.get(name);
    if (group) group.push(file);
    else groups.set(name, [file]);
  }
  return [...groups.values()];
}
