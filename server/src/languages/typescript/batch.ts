/**
 * TypeScript and JavaScript in a batch scan: files are grouped by the tsconfig/jsconfig that owns them
 * (loose files share an inferred project), and each project's files that may touch metrics are analysed
 * against one program. That program is built from those files and the callers that feed their
 * parameters, not from the whole project: TypeScript adds what they import, and the rest is never parsed.
 */
import type ts from 'typescript';
import type { CardinalConfig, Finding } from '../../analysis';
import { createProjectProgram } from '../../project/create-program';
import { buildImportGraph, type ImportGraph } from '../../project/import-graph';
import { type CallersLookup, findCallersOutside, importersClosure, mentionOf, selectMetricFiles } from '../../project/metric-files';
import { PackageDependencies } from '../../project/package-dependencies';
import { groupFilesByProject } from '../../project/project-groups';
import { ProjectLocator, type ProjectSettings } from '../../project/project-locator';
import { describeTimeBudgetExceeded } from '../../project/time-budget';
import { createAnalyzer, type Analyzer } from '../../typescript';
import { withoutFailing } from '../analysis-failure';
import type { BatchContext } from '../language';
import { analyzeWithCallers, CallersTracker, type GrowingProgram } from './callers';

export function analyzeScripts(files: readonly string[], context: BatchContext): Finding[] {
  const locator = new ProjectLocator(context.system);
  const findings: Finding[] = [];
  const runs: ProjectRun[] = [];
  const tracker = new CallersTracker();
  for (const group of groupFilesByProject(locator, files)) {
    const settings = projectSettings(locator, group.configFile, group.files, context);
    const texts = readProjectTexts(settings, group.files, context.system);
    // Listed, then gone (deleted or unreadable) by the time it is read: said, not silently dropped.
    for (const file of group.files) if (!texts.has(file)) context.note({ file, message: 'skipped: could not be read' });
    const graph = buildImportGraph(texts, settings, context.system);
    const run: ProjectRun = { files: group.files, settings, texts, graph, analysed: new Set() };
    runs.push(run);
    // A project none of whose scanned files can hold a metric call needs no program at all.
    findings.push(...analyzeRun(run, selectCandidates(group.files, texts, graph, context), tracker, context));
  }
  // A wrapper of one project (a monorepo's shared package) is judged at its calls in the others.
  const wrappers = wrappersOfProjects(runs, tracker.lookedUp());
  for (const run of runs) findings.push(...analyzeRun(run, callersFromOtherProjects(run, wrappers), tracker, context));
  for (const run of runs) for (const file of run.files) if (!run.analysed.has(file)) context.fileDone(file);
  return findings;
}

/** One project's part of a scan: its scanned files, what its analysis needs, and the files analysed so far. */
interface ProjectRun {
  readonly files: readonly string[];
  readonly settings: ProjectSettings;
  readonly texts: ReadonlyMap<string, string>;
  readonly graph: ImportGraph;
  readonly analysed: Set<string>;
}

function analyzeRun(run: ProjectRun, candidates: readonly string[], tracker: CallersTracker, context: BatchContext): Finding[] {
  const fresh = candidates.filter((file) => !run.analysed.has(file));
  if (fresh.length === 0) return [];
  const analysed = analyzeCandidates(fresh, new Set(run.files), run.settings, run.texts, run.graph, tracker, context);
  for (const file of analysed.keys()) run.analysed.add(file);
  return [...analysed.values()].flat();
}

/** A function whose callers a project's analysis looked for: the files of its project that lead to it, and a test for its name. */
interface Wrapper {
  readonly owner: ProjectRun;
  readonly leadsTo: ReadonlySet<string>;
  readonly mentions: RegExp;
}

/** The named functions looked up, each with what the files of other projects need to call it; computed once for every project. */
function wrappersOfProjects(runs: readonly ProjectRun[], lookups: readonly CallersLookup[]): Wrapper[] {
  const wrappers: Wrapper[] = [];
  for (const { fileName, functionName } of lookups) {
    const owner = runs.find((run) => run.texts.has(fileName));
    if (owner && functionName !== '') wrappers.push({ owner, leadsTo: importersClosure(fileName, owner.graph), mentions: mentionOf(functionName) });
  }
  return wrappers;
}

/**
 * Scanned files of `run`, not analysed yet, that call a wrapper of another project: they name it and
 * import, from outside their own project, a file that leads to it.
 */
function callersFromOtherProjects(run: ProjectRun, wrappers: readonly Wrapper[]): string[] {
  const foreign = wrappers.filter((wrapper) => wrapper.owner !== run);
  if (foreign.length === 0) return [];
  return run.files.filter((file) => {
    if (run.analysed.has(file)) return false;
    const outside = run.graph.importsOutside(file);
    const text = run.texts.get(file) ?? '';
    return outside.length > 0 && foreign.some(({ leadsTo, mentions }) => outside.some((target) => leadsTo.has(target)) && mentions.test(text));
  });
}

/** The scanned files that may hold a metric call, each judged with its own configuration's sinks. */
function selectCandidates(scanned: readonly string[], texts: ReadonlyMap<string, string>, graph: ImportGraph, context: BatchContext): string[] {
  const byConfig = new Map<CardinalConfig, string[]>();
  for (const file of scanned) {
    const config = context.configFor(file);
    const group = byConfig.get(config);
    if (group) group.push(file);
    else byConfig.set(config, [file]);
  }
  const selected = new Set<string>();
  for (const [config, group] of byConfig) {
    const wanted = new Set(group);
    for (const file of selectMetricFiles(texts, graph, config)) if (wanted.has(file)) selected.add(file);
  }
  return scanned.filter((file) => selected.has(file));
}

/**
 * Analyses `candidates` against a program built from them, grown with the callers the analysis asks
 * for; scanned files that labels are left to (they call a wrapper) are analysed too. The findings by file.
 */
function analyzeCandidates(
  candidates: readonly string[],
  scanned: ReadonlySet<string>,
  settings: ProjectSettings,
  texts: ReadonlyMap<string, string>,
  graph: ImportGraph,
  tracker: CallersTracker,
  context: BatchContext,
): Map<string, Finding[]> {
  const dependencies = new PackageDependencies(context.system);
  // A new array each time: TypeScript reuses an old program whole when its roots compare equal, and the
  // old program holds the previous array.
  let roots = [...candidates];
  const inRoots = new Set(roots);
  let program: ts.Program | undefined;
  let built: readonly string[] | undefined;
  const growing: GrowingProgram = {
    current: () => {
      if (built !== roots) {
        program = createProjectProgram(context.system, { ...settings, rootFiles: roots }, program, (file, reason) => context.note({ file, message: reason }));
        built = roots;
      }
      return program;
    },
    include: (files) => {
      const fresh = files.filter((file) => !inRoots.has(file));
      if (fresh.length === 0) return false;
      for (const file of fresh) inRoots.add(file);
      roots = [...roots, ...fresh];
      return true;
    },
    callersOutside: (current, lookups) => findCallersOutside(current, lookups, texts, graph),
  };
  // One analyzer per program and configuration, so its caches (symbols, call sites, traces) serve every file.
  const analyzers = new WeakMap<ts.Program, Map<CardinalConfig, Analyzer>>();
  const analyzerFor = (current: ts.Program, config: CardinalConfig): Analyzer => {
    let byConfig = analyzers.get(current);
    if (!byConfig) analyzers.set(current, (byConfig = new Map()));
    let analyzer = byConfig.get(config);
    if (!analyzer) byConfig.set(config, (analyzer = createAnalyzer(current, config, { onCallersLookup: tracker.hook, onJudgedAtCallers: tracker.delegationHook, dependenciesOf: (file) => dependencies.of(file) })));
    return analyzer;
  };
  return analyzeWithCallers(
    candidates,
    growing,
    tracker,
    (current, file) =>
      withoutFailing(
        [file],
        () =>
          analyzerFor(current, context.configFor(file)).analyzeFile(file, {
            deadline: Date.now() + context.fileTimeBudgetMs,
            onDeadline: () => context.note({ file, message: describeTimeBudgetExceeded(context.fileTimeBudgetMs) }),
            onMetrics: context.onMetrics && ((metrics) => context.onMetrics!(metrics)),
          }),
        [],
        (note) => context.note(note),
      ),
    { settled: (file) => context.fileDone(file), followDelegated: (file) => scanned.has(file) },
  );
}

/**
 * The text of every file of the project (its callers and metric modules may lie outside the scanned
 * paths) and of the scanned files it does not list, by file name.
 */
function readProjectTexts(settings: ProjectSettings, scanned: readonly string[], system: ts.System): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of new Set([...settings.rootFiles, ...scanned])) {
    const text = system.readFile(file);
    if (text !== undefined) texts.set(file, text);
  }
  return texts;
}

/**
 * A configured project's settings, or the inferred project of `looseFiles`. A config's errors become
 * notes (each already names the config file and position) and the scan goes on with what was parsed.
 */
function projectSettings(locator: ProjectLocator, configFile: string | undefined, looseFiles: readonly string[], context: BatchContext): ProjectSettings {
  if (configFile === undefined) return { ...locator.inferredSettings(), rootFiles: looseFiles };
  const project = locator.readProject(configFile);
  for (const error of project.errors) context.note({ message: error });
  return project;
}
