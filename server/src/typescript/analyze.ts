/**
 * The TypeScript and JavaScript frontend's entry points: analyse a file of a program, describe the
 * labels in a file, and a cheap text test that lets shells skip files that cannot touch a metric. The
 * frontend finds sink sites and traces their values; the back end (`../analysis`) judges them.
 */
import ts from 'typescript';
import type { CardinalConfig } from '../analysis/config-types';
import { findingsOfFile, type JudgedSite } from '../analysis/file-findings';
import type { Finding, LabelDeclaration, LabelSite, MetricDeclaration } from '../analysis/finding';
import { describeFacts } from '../analysis/label-values';
import type { FileMetrics } from '../analysis/series-budget';
import { TABLES } from './catalog';
import { metricVocabulary } from './catalog/vocabulary';
import { FlowTracer } from './flow';
import { ProgramIndex } from './program-index';
import { Resolver } from './resolver';
import { SinkFinder, toSinkSite, type TsSinkSite } from './sinks';

export interface AnalyzeOptions {
  /** Polled between label sites; analysis stops early (returning what it has) when it says yes. */
  readonly isCancelled?: () => boolean;
  /**
   * The file's time budget, as a `Date.now()` time: past it, the analysis stops and returns the
   * findings of the labels it finished (a label whose trace was cut is left out, not guessed at).
   */
  readonly deadline?: number;
  /** Called once when the deadline stopped the analysis, so the shell can say the findings are incomplete. */
  readonly onDeadline?: () => void;
  /** Given the file's metric declarations and judged labels, for a series inventory. */
  readonly onMetrics?: (metrics: FileMetrics) => void;
}

/** An analysis session over one program: caches (symbols, call sites, traces) are shared by every file it analyses. */
export interface Analyzer {
  analyzeFile(fileName: string, options?: AnalyzeOptions): Finding[];
  describeLabels(fileName: string): LabelSite[];
  /** The file's labels, with the label names and the metrics it declares, for hover. */
  describeFile(fileName: string): FileDescription;
}

/** What a file holds, for hover: every label with what is known of its values, and its declarations. */
export interface FileDescription {
  readonly sites: LabelSite[];
  /** The label names the metrics declared in the file list, for hover on a label name. */
  readonly declarations: LabelDeclaration[];
  /** The metrics declared in the file with a constant name (StatsD stats where they are written), for hover on that name. */
  readonly metrics: MetricDeclaration[];
}

/** What a shell may want to hear about while an analysis runs. */
export interface AnalyzerHooks {
  /**
   * Called when the analysis looks for every call of one of the program's functions (to follow a
   * parameter into its arguments). A scan that built its program from part of a project uses it to
   * add the callers it left out.
   */
  readonly onCallersLookup?: (fileName: string, functionName: string) => void;
  /**
   * The packages the nearest package.json above a file depends on (none known when undefined): an
   * untyped request handler belongs to the framework the project uses.
   */
  readonly dependenciesOf?: (fileName: string) => ReadonlySet<string> | undefined;
  /**
   * Called when a label of the analysed file is judged at the calls of the function holding it (a
   * wrapper whose parameter goes straight into the label): the files of those calls hold its findings.
   */
  readonly onJudgedAtCallers?: (callerFiles: readonly string[]) => void;
}

/** Starts an analysis session over `program`. Create a new one whenever the program changes. */
export function createAnalyzer(program: ts.Program, config: CardinalConfig, hooks: AnalyzerHooks = {}): Analyzer {
  const checker = program.getTypeChecker();
  const index = new ProgramIndex(program, checker, hooks.onCallersLookup);
  const resolver = new Resolver(program, checker, index, { dependenciesOf: hooks.dependenciesOf, onCallersLookup: hooks.onCallersLookup });
  const tracer = new FlowTracer(resolver, index, config);
  const sinks = new SinkFinder(resolver, index, config);

  return {
    analyzeFile(fileName, options = {}) {
      const file = program.getSourceFile(fileName);
      if (!file) return [];
      const judged: JudgedSite[] = [];
      const labels: LabelSite[] = [];
      const deadline = options.deadline ?? Infinity;
      let complete = true;
      const sites = sinks.find(file, hooks.onJudgedAtCallers, (unjudged) => labels.push(...unjudgedLabel(unjudged)));
      for (const site of sites) {
        if (options.isCancelled?.()) {
          complete = false;
          break;
        }
        const facts = site.value && tracer.trace(site.value, deadline);
        // A trace cut by the deadline ends past it: its facts are incomplete, so the label is not judged.
        if (Date.now() > deadline) {
          options.onDeadline?.();
          complete = false;
          break;
        }
        judged.push({ site: toSinkSite(site), facts });
        if (site.kind === 'label' && facts) labels.push({ ...toSinkSite(site).span, label: site.label, metric: site.metric, values: describeFacts(facts) });
      }
      if (options.onMetrics) options.onMetrics({ file: file.fileName, metrics: [...sinks.metricDeclarations(file), ...statsDeclared(sites)], sites: [...labels, ...sinks.handOffs(file)], complete });
      return findingsOfFile(file.fileName, file.text, judged, config, { complete });
    },
    describeLabels(fileName) {
      return this.describeFile(fileName).sites;
    },
    describeFile(fileName) {
      const file = program.getSourceFile(fileName);
      if (!file) return { sites: [], declarations: [], metrics: [] };
      const unjudged: LabelSite[] = [];
      const sites = sinks.find(file, undefined, (site) => unjudged.push(...unjudgedLabel(site)));
      const judged = sites
        .filter((site) => site.kind === 'label' && site.value)
        .map((site) => ({ ...toSinkSite(site).span, label: site.label, metric: site.metric, values: describeFacts(tracer.trace(site.value!)) }));
      return {
        sites: [...judged, ...unjudged, ...sinks.handOffs(file)],
        declarations: sinks.labelDeclarations(file),
        metrics: [...sinks.metricDeclarations(file), ...statsDeclared(sites)],
      };
    },
  };
}

/** The StatsD stats the file's writes declare (see `stat-writes.ts`). */
function statsDeclared(sites: readonly TsSinkSite[]): MetricDeclaration[] {
  return sites.flatMap((site) => (site.declares ? [site.declares] : []));
}

/**
 * A label its wrapper's callers judge, when they may not all be found (see `SinkFinder.find`): what
 * reaches it is unknown, for a series budget and a hover, though the calls found have their findings.
 */
function unjudgedLabel(site: TsSinkSite): LabelSite[] {
  const why = 'its values come from the callers of a method, and calls through an interface or a base class are not found';
  return site.kind === 'label' ? [{ ...toSinkSite(site).span, label: site.label, metric: site.metric, values: { kind: 'unknown', why } }] : [];
}

/** Analyses one source file of `program` and returns its findings, in source order. */
export function analyzeFile(program: ts.Program, fileName: string, config: CardinalConfig, options: AnalyzeOptions = {}): Finding[] {
  return createAnalyzer(program, config).analyzeFile(fileName, options);
}

/** Every label argument in the file with what is known of its values (for hover). */
export function describeLabels(program: ts.Program, fileName: string, config: CardinalConfig): LabelSite[] {
  return createAnalyzer(program, config).describeLabels(fileName);
}

/** A call of a method that can reach a sink, as the catalog names them (`.labels(`, `.observe(`, `.increment(`, …). */
const METRIC_CALL = new RegExp(`\\.(?:${metricVocabulary().sinkMethods.join('|')})\\s*\\(`);
const METRIC_MODULES = metricModules();

/** A cheap text test: false means the file cannot contain a metric call and need not be analysed. */
export function mayTouchMetrics(text: string, config: CardinalConfig): boolean {
  return METRIC_CALL.test(text) || namesMetricLibrary(text, config);
}

const PROJECT_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"`]\.\.?\//;

/**
 * Whether the text imports the project's own modules: a wrapper one of them exports may put this
 * file's values into labels (see `derived-sinks.ts`), so an open document that does is analysed.
 */
export function importsProjectModules(text: string): boolean {
  return PROJECT_IMPORT.test(text);
}

/** Whether the text imports one of `packages` by name, or a module inside one (`@acme/metrics/src/server`). */
export function importsAnyOf(text: string, packages: ReadonlySet<string>): boolean {
  if (packages.size === 0) return false;
  return ts.preProcessFile(text, true, true).importedFiles.some(({ fileName }) => packages.has(packageNameOf(fileName)));
}

/** `@scope/name` or `name`, the package part of a bare specifier. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Whether the text names a metric library module or a configured sink. Such a file can create or reach
 * metrics on its own; any other file only through its imports (see `mayTouchMetrics`).
 */
export function namesMetricLibrary(text: string, config: CardinalConfig): boolean {
  if (METRIC_MODULES.some((module) => text.includes(module))) return true;
  return config.sinks.some((sink) => text.includes(sink.function.split('.').pop()!));
}

/** Modules of the tables that declare metrics or hold sinks: importing one is reason enough to look. */
function metricModules(): string[] {
  return TABLES.filter((table) =>
    Object.values(table.entities).some((entity) => {
      const behaviours = [entity.call, entity.construct, ...Object.values(entity.members ?? {}).map((m) => ('call' in m ? m.call : undefined))];
      return entity.pluginOptions !== undefined || behaviours.some((b) => b && (b.sink || b.declares || b.options));
    }),
  ).flatMap((table) => table.modules);
}
