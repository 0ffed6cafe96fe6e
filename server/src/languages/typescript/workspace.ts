/**
 * TypeScript and JavaScript in the language server: one LanguageService per tsconfig (and one inferred
 * project), whose programs are built from the files analysed rather than from whole projects. A file is
 * analysed against its project's program, grown with the callers its analysis asks for (the same loop
 * as the CLI's). One analyzer per program and configuration, so the files checked against one program
 * (the open files of a project after an edit, a workspace scan) share its caches.
 */
import type ts from 'typescript';
import type { CardinalConfig, Finding } from '../../analysis';
import type { TextEdit } from '../../project/editor-snapshot';
import type { Project } from '../../project/language-service-host';
import { LanguageServices } from '../../project/language-services';
import { PackageDependencies } from '../../project/package-dependencies';
import { ProjectLocator } from '../../project/project-locator';
import { describeTimeBudgetExceeded, FILE_TIME_BUDGET_MS } from '../../project/time-budget';
import { createAnalyzer, importsAnyOf, importsProjectModules, mayTouchMetrics, type Analyzer, type FileDescription } from '../../typescript';
import { directoryOf } from '../../project/paths';
import type { AnalysisRequest, FileLabels, LanguageWorkspace, ProjectLabels, WorkspaceContext } from '../language';
import { analyzeWithCallers, CallersTracker } from './callers';
import type { CallersLookup } from '../../project/metric-files';
import { isScriptFile } from '../../project/source-files';

export class TypeScriptWorkspace implements LanguageWorkspace {
  private readonly services: LanguageServices;
  private readonly locator: ProjectLocator;
  private readonly analyzers = new WeakMap<ts.Program, Map<CardinalConfig, Analyzer>>();
  private readonly tracker = new CallersTracker();
  private readonly dependencies: PackageDependencies;
  /** Files that analyses left labels to (they call a wrapper), for a workspace scan to analyse too. */
  private readonly delegated = new Set<string>();

  constructor(private readonly context: WorkspaceContext) {
    this.dependencies = new PackageDependencies(context.sys);
    this.locator = new ProjectLocator(context.sys);
    this.services = new LanguageServices(context.sys, context.editor, this.locator, (fileName, reason) => context.log(`${fileName}: ${reason}`));
  }

  /**
   * A file calling the project's own wrapper of a metric holds that wrapper's labels: one that names
   * a metric call, or imports the project's modules or a sibling package of its workspace, may.
   */
  mayHaveFindings(fileName: string, text: string, config: CardinalConfig): boolean {
    return mayTouchMetrics(text, config) || importsProjectModules(text) || importsAnyOf(text, this.locator.workspacePackageNames(directoryOf(fileName)));
  }

  async findings(fileName: string, request: AnalysisRequest): Promise<Finding[]> {
    const onDeadline = () => this.context.log(`${fileName}: ${describeTimeBudgetExceeded(FILE_TIME_BUDGET_MS)}`);
    return this.withProgram(fileName, [], (program) =>
      this.analyzerOf(program, request.config).analyzeFile(fileName, { isCancelled: request.isCancelled, deadline: request.deadline, onDeadline }),
    );
  }

  async labels(fileName: string, config: CardinalConfig): Promise<FileLabels> {
    return this.withProgram(fileName, { sites: [], declarations: [], metrics: [] }, (program) => {
      return this.analyzerOf(program, config).describeFile(fileName);
    });
  }

  /**
   * The labels of every file of the project that may write one, found as a scan finds them (callers
   * and files a wrapper leaves labels to included). The program then shrinks back to the open files,
   * so edits stay as cheap as before.
   */
  async projectLabels(fileName: string, request: AnalysisRequest): Promise<ProjectLabels> {
    const project = this.services.projectOf(fileName);
    const files = [...new Set([fileName, ...project.getSources().metricFiles(request.config)])];
    project.include(files);
    const growing = {
      current: () => project.getProgram(),
      include: (more: readonly string[]) => project.include(more),
      callersOutside: (program: ts.Program, lookups: readonly CallersLookup[]) => project.getSources().callersOutside(program, lookups),
    };
    let complete = true;
    const describe = (program: ts.Program, file: string): Pick<FileDescription, 'sites' | 'metrics'> => {
      if (request.isCancelled() || Date.now() > request.deadline) {
        complete = false;
        return { sites: [], metrics: [] };
      }
      return this.analyzerOf(program, request.config).describeFile(file);
    };
    try {
      const results = [...analyzeWithCallers(files, growing, this.tracker, describe, { followDelegated: () => true }).values()];
      return { sites: results.flatMap((result) => result.sites), metrics: results.flatMap((result) => result.metrics), filesSearched: results.length, complete };
    } finally {
      this.scanFinished();
    }
  }

  openFilesAffectedBy(fileName: string): string[] {
    const project = this.services.projectOf(fileName);
    return this.context.editor.openFileNames().filter((other) => isScriptFile(other) && this.services.projectOf(other) === project);
  }

  /**
   * The files that may hold a metric call, from their text and imports, as the CLI selects them. Each
   * project's program is then built once from its selected files rather than growing file by file.
   */
  selectForScan(fileNames: readonly string[], config: CardinalConfig): string[] {
    const byProject = new Map<Project, string[]>();
    for (const fileName of fileNames) {
      const project = this.services.projectOf(fileName);
      const files = byProject.get(project);
      if (files) files.push(fileName);
      else byProject.set(project, [fileName]);
    }
    const selected: string[] = [];
    for (const [project, files] of byProject) {
      try {
        const metricFiles = new Set(project.getSources().metricFiles(config));
        const chosen = files.filter((file) => metricFiles.has(file) || this.context.editor.get(file) !== undefined);
        project.include(chosen);
        selected.push(...chosen);
      } catch (error) {
        this.context.log(`Reading the files of ${project.configFile ?? 'the inferred project'} failed; all of them are analysed.\n${String(error)}`);
        selected.push(...files);
      }
    }
    return selected;
  }

  takeDelegated(): string[] {
    const taken = [...this.delegated];
    this.delegated.clear();
    return taken;
  }

  /** Programs drop the files a scan analysed and keep the open ones: each edit then updates a program the size of what is open. */
  scanFinished(): void {
    this.services.retainRoots((fileName) => this.context.editor.get(fileName) !== undefined);
  }

  edited(_fileName: string, _edits: readonly TextEdit[]): void {
    // The language service re-parses incrementally from the editor snapshot's change log.
  }

  editorTextChanged(fileName: string): void {
    if (isScriptFile(fileName)) this.services.editorTextChanged(fileName);
  }

  diskFileChanged(fileName: string): void {
    if (isScriptFile(fileName)) this.services.diskFileChanged(fileName);
  }

  projectsChanged(): void {
    this.services.projectsChanged();
  }

  dispose(): void {
    this.services.dispose();
  }

  private analyzerOf(program: ts.Program, config: CardinalConfig): Analyzer {
    let byConfig = this.analyzers.get(program);
    if (!byConfig) this.analyzers.set(program, (byConfig = new Map()));
    let analyzer = byConfig.get(config);
    if (!analyzer) byConfig.set(config, (analyzer = createAnalyzer(program, config, { onCallersLookup: this.tracker.hook, onJudgedAtCallers: this.tracker.delegationHook, dependenciesOf: (file) => this.dependencies.of(file) })));
    return analyzer;
  }

  /** Runs `run` against a program holding `fileName`, grown with the callers it asks for. */
  private withProgram<T>(fileName: string, empty: T, run: (program: ts.Program) => T): T {
    const project = this.services.projectOf(fileName);
    project.include([fileName]);
    const growing = {
      current: () => project.getProgram(),
      include: (files: readonly string[]) => project.include(files),
      callersOutside: (program: ts.Program, lookups: readonly CallersLookup[]) => project.getSources().callersOutside(program, lookups),
    };
    const followDelegated = (file: string) => {
      this.delegated.add(file);
      return false;
    };
    return analyzeWithCallers([fileName], growing, this.tracker, (program) => run(program), { followDelegated }).get(fileName) ?? empty;
  }
}
