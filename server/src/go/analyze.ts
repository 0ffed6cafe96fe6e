/**
 * Analyses a Go package: finds the label sinks of its files, traces each value back to its sources and
 * turns the unbounded ones into `Finding`s with their flow, fixes and configured severity.
 */
import type { CardinalConfig } from '../analysis/config-types';
import type { Finding, LabelSite, LabelValues, RuleId, Severity } from '../analysis/finding';
import { isSuspiciousLabelName } from '../analysis/label-names';
import { ChainResolver } from './chains';
import { preferredFix, suppressionFix } from './fixes';
import { FlowTracer } from './flow';
import { dynamicMetricNameMessage, ROUTE_PATTERN_ADVICE, sinkNote, suspiciousLabelMessage, unboundedLabelMessage } from './messages';
import { GoPackage } from './package-index';
import { Scopes } from './scopes';
import { findLabelSinks, type LabelSink, type SinkContext } from './sinks';
import { findSuppressions, isSuppressed } from './suppression';
import { textOf, type GoFileSyntax } from './syntax';
import { withStep, type UnboundedValue, type Verdict } from './verdict';
import { VectorIndex } from './vectors';

export interface GoAnalysisOptions {
  /** Report only the findings located in this file (the package's other files still inform the flow). */
  readonly onlyFile?: string;
  /** Polled between sinks; analysis stops early (returning what it has) when it says yes. */
  readonly isCancelled?: () => boolean;
}

const WEAKER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/** Findings of every file in `files` (one directory; files of different package clauses are kept apart). */
export function analyzeGoSyntax(files: readonly GoFileSyntax[], config: CardinalConfig, options: GoAnalysisOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const group of groupByPackageClause(files)) {
    const context = createContext(group, config);
    for (const file of group) {
      if (options.onlyFile !== undefined && file.fileName !== options.onlyFile) continue;
      const suppressions = findSuppressions(file.text);
      for (const sink of findLabelSinks(file, context)) {
        if (options.isCancelled?.()) return findings;
        const finding = findingFor(sink, context.tracer.trace(sink.value), context, config);
        if (finding && !isSuppressed(suppressions, lineOf(file.text, finding.start), finding.ruleId) && !isDuplicate(findings, finding)) {
          findings.push(finding);
        }
      }
    }
  }
  return findings;
}

/** Every label of `fileName` with what is known of its values (for hover). */
export function describeGoSyntax(files: readonly GoFileSyntax[], fileName: string, config: CardinalConfig): LabelSite[] {
  const group = groupByPackageClause(files).find((candidate) => candidate.some((file) => file.fileName === fileName));
  const file = group?.find((candidate) => candidate.fileName === fileName);
  if (!group || !file) return [];
  const context = createContext(group, config);
  return findLabelSinks(file, context)
    .filter((sink) => sink.kind === 'label')
    .map((sink) => ({
      file: fileName,
      start: sink.span.start,
      end: sink.span.end,
      label: sink.label,
      metric: sink.metric,
      values: labelValues(context.tracer.trace(sink.value)),
    }));
}

function createContext(files: readonly GoFileSyntax[], config: CardinalConfig): SinkContext {
  const pkg = new GoPackage(files);
  const scopes = new Scopes(pkg);
  const chains = new ChainResolver(pkg, scopes);
  const tracer = new FlowTracer(pkg, scopes, chains, config);
  return { pkg, scopes, tracer, vectors: new VectorIndex(pkg, scopes, chains, tracer), config };
}

function findingFor(sink: LabelSink, verdict: Verdict, context: SinkContext, config: CardinalConfig): Finding | undefined {
  if (verdict.kind === 'unbounded') {
    const ruleId: RuleId = sink.kind === 'metric-name' ? 'dynamic-metric-name' : verdict.category === 'raw-path' ? 'raw-path-label' : 'unbounded-label';
    const message = sink.kind === 'metric-name' ? dynamicMetricNameMessage(verdict) : unboundedLabelMessage(sink, verdict);
    return build(sink, ruleId, message, config, verdict, context);
  }
  if (verdict.kind === 'unknown' && sink.kind === 'label' && sink.label !== undefined && isSuspiciousLabelName(sink.label)) {
    return build(sink, 'suspicious-label-name', suspiciousLabelMessage(sink), config, undefined, context);
  }
  return undefined;
}

function build(
  sink: LabelSink,
  ruleId: RuleId,
  message: string,
  config: CardinalConfig,
  value: UnboundedValue | undefined,
  context: SinkContext,
): Finding | undefined {
  const configured = config.rules[ruleId];
  if (configured === 'off') return undefined;
  let flow: Verdict | undefined = value;
  if (flow && sink.via) flow = withStep(flow, sink.via.node, sink.via.note);
  if (flow) flow = withStep(flow, sink.span, sinkNote(sink));
  const steps = flow?.kind === 'unbounded' ? flow.steps : [{ file: sink.span.file.fileName, start: sink.span.start, end: sink.span.end, note: sinkNote(sink) }];
  // A route pattern is no metric name (`GET /users/{id}`): metric names get no automatic fix.
  const preferred = value && sink.kind === 'label' ? preferredFix(value, context.pkg) : undefined;
  return {
    ruleId,
    severity: value?.weakSanitizer ? WEAKER[configured] : configured,
    message: preferred?.kind === 'route-pattern' ? message + ROUTE_PATTERN_ADVICE : message,
    file: sink.span.file.fileName,
    start: sink.span.start,
    end: sink.span.end,
    label: sink.label,
    metric: sink.metric,
    source: value && {
      file: value.source.file.fileName,
      start: value.source.start,
      end: value.source.end,
      text: textOf(value.source),
      description: value.description,
    },
    path: steps,
    weakSanitizer: value?.weakSanitizer,
    fixes: [...(preferred ? [preferred] : []), suppressionFix(sink.span, ruleId)],
  };
}

function labelValues(verdict: Verdict): LabelValues {
  if (verdict.kind === 'bounded') return { kind: 'bounded', why: verdict.why };
  if (verdict.kind === 'unknown') return { kind: 'unknown' };
  const { source } = verdict;
  return {
    kind: 'unbounded',
    source: { file: source.file.fileName, start: source.start, end: source.end, text: textOf(source), description: verdict.description },
    weakSanitizer: verdict.weakSanitizer,
  };
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

function isDuplicate(findings: readonly Finding[], finding: Finding): boolean {
  return findings.some((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.start === finding.start && f.end === finding.end && f.label === finding.label);
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

