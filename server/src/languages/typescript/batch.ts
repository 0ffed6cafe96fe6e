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
import { findCallersOutside, selectMetricFiles } from '../../project/metric-files';
import { PackageDependencies } from '../../project/package-dependencies';
import { groupFilesByProject } from '../../project/project-groups';
import { ProjectLocator, type ProjectSettings } from '../../project/project-locator';
import { describeTimeBudgetExceeded } from '../../project/time-budget';
import { createAnalyzer, type Analyzer } from '../../typescript';
import type { BatchContext } from '../language';
import { analyzeWithCallers, CallersTracker, type GrowingProgram } from './callers';

export function analyzeScripts(files: readonly string[], context: BatchContext): Finding[] {
  const locator = new ProjectLocator(context.system);
  const findings: Finding[] = [];
  for (const group of groupFilesByProject(locator, files)) {
    const settings = projectSettings(locator, group.configFile, group.files, context);
    const texts = readProjectTexts(settings, group.files, context.system);
    // Listed, then gone (deleted or unreadable) by the time it is read: said, not silently dropped.
    for (const file of group.files) if (!texts.has(file)) context.note({ file, message: 'skipped: could not be read' });
    const graph = buildImportGraph(texts, settings, context.system);
    const candidates = selectCandidates(group.files, texts, graph, context);
    // A project none of whose scanned files can hold a metric call needs no program at all.
    const analysed = candidates.length > 0 ? analyzeCandidates(candidates, new Set(group.files), settings, texts, graph, context) : new Map<string, Finding[]>();
    for (const file of group.files) if (!analysed.has(file)) context.fileDone(file);
    for (const fileFindings of analysed.values()) findings.push(...fileFindings);
  }
  return findings;
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
  context: BatchContext,
): Map<string, Finding[]> {
  const tracker = new CallersTracker();
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
      analyzerFor(current, context.configFor(file)).analyzeFile(file, {
        deadline: Date.now() + context.fileTimeBudgetMs,
        onDeadline: () => context.note({ file, message: describeTimeBudgetExceeded(context.fileTimeBudgetMs) }),
      }),
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
