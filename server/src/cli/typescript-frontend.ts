/**
 * JavaScript and TypeScript: files are grouped by the tsconfig/jsconfig that owns them (loose files
 * share an inferred project), and each project's files that may touch metrics are analysed against one
 * program. That program is built from those files (and the callers that feed their parameters), not
 * from the whole project: TypeScript adds what they import, and the rest is never parsed.
 */
import type * as ts from 'typescript';
import type { Finding } from '../analysis';
import { createAnalyzer } from '../typescript';
import { createProjectProgram } from '../project/create-program';
import { buildImportGraph, type ImportGraph } from '../project/import-graph';
import { findCallersOutside, selectMetricFiles, type CallersLookup } from '../project/metric-files';
import { groupFilesByProject } from '../project/project-groups';
import { ProjectLocator, ProjectSettings } from '../project/project-locator';
import { isScriptFile } from '../project/source-files';
import { describeTimeBudgetExceeded } from '../project/time-budget';
import type { FrontendContext, LanguageFrontend } from './language';

export const typescriptFrontend: LanguageFrontend = {
  name: 'TypeScript/JavaScript',
  accepts: isScriptFile,
  analyze: async (files, context) => analyzeScripts(files, context),
};

function analyzeScripts(files: readonly string[], context: FrontendContext): Finding[] {
  const locator = new ProjectLocator(context.system);
  const findings: Finding[] = [];
  for (const group of groupFilesByProject(locator, files)) {
    const settings = projectSettings(locator, group.configFile, group.files, context);
    const texts = readProjectTexts(settings, group.files, context.system);
    // Listed, then gone (deleted or unreadable) by the time it is read: said, not silently dropped.
    for (const file of group.files) if (!texts.has(file)) context.note({ file, message: 'skipped: could not be read' });
    const graph = buildImportGraph(texts, settings, context.system);
    const scanned = new Set(group.files);
    const candidates = new Set(selectMetricFiles(texts, graph, context.config).filter((file) => scanned.has(file)));
    for (const file of group.files) if (!candidates.has(file)) context.fileDone(file);
    // A project none of whose scanned files can hold a metric call needs no program at all.
    if (candidates.size === 0) continue;
    findings.push(...analyzeCandidates([...candidates], settings, { texts, graph }, context));
  }
  return findings;
}

/**
 * Analyses `candidates` against a program built from them. When the analysis of a file follows a
 * parameter to the calls of its function and some callers are outside the program, they are added and
 * that file is analysed again on the grown program (which reuses every file already parsed), until
 * nothing is missing. Files that looked up no missing callers keep their findings: adding callers
 * changes no type or symbol they depend on.
 */
function analyzeCandidates(candidates: readonly string[], settings: ProjectSettings, project: ProjectSources, context: FrontendContext): Finding[] {
  const findingsByFile = new Map<string, Finding[]>();
  let roots = [...candidates];
  let pending = candidates;
  let program: ts.Program | undefined;
  while (pending.length > 0) {
    program = createProjectProgram(context.system, { ...settings, rootFiles: roots }, program, (file, reason) => context.note({ file, message: reason }));
    const lookups = new Map<string, CallersLookup[]>();
    let analysing = '';
    // One analyzer for the whole program, so its caches (symbols, call sites, traces) serve every file.
    const analyzer = createAnalyzer(program, context.config, {
      onCallersLookup: (fileName, functionName) => lookups.set(analysing, [...(lookups.get(analysing) ?? []), { fileName, functionName }]),
    });
    for (const file of pending) {
      analysing = file;
      findingsByFile.set(
        file,
        analyzer.analyzeFile(file, {
          deadline: Date.now() + context.fileTimeBudgetMs,
          onDeadline: () => context.note({ file, message: describeTimeBudgetExceeded(context.fileTimeBudgetMs) }),
        }),
      );
    }
    const added = new Set<string>();
    const again = new Set<string>();
    for (const [file, fileLookups] of lookups) {
      const callers = findCallersOutside(program, fileLookups, project.texts, project.graph);
      if (callers.length > 0) again.add(file);
      for (const caller of callers) added.add(caller);
    }
    for (const file of pending) if (!again.has(file)) context.fileDone(file);
    // A new array: TypeScript reuses an old program whole when its roots compare equal, and the old
    // program holds the previous array.
    roots = [...roots, ...added];
    pending = [...again];
  }
  return candidates.flatMap((file) => findingsByFile.get(file) ?? []);
}

interface ProjectSources {
  readonly texts: ReadonlyMap<string, string>;
  readonly graph: ImportGraph;
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
function projectSettings(locator: ProjectLocator, configFile: string | undefined, looseFiles: readonly string[], context: FrontendContext): ProjectSettings {
  if (configFile === undefined) return { ...locator.inferredSettings(), rootFiles: looseFiles };
  const project = locator.readProject(configFile);
  for (const error of project.errors) context.note({ message: error });
  return project;
}
