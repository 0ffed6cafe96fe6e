import type { CardinalConfig, Finding, MetricDeclaration } from '../analysis';
import { metricBudgets, type MetricBudget } from '../analysis/series-budget';
import { LANGUAGES, languageOf, type FileLabels, type Language, type LanguageWorkspace, type ProjectLabels, type WorkspaceContext } from '../languages';
import type { TextEdit } from '../project/editor-snapshot';
import { MAX_FILE_SIZE } from '../project/file-enumeration';
import { FILE_TIME_BUDGET_MS } from '../project/time-budget';
import { receivesRoutePattern } from '../languages/route-counts';
import type { OpenDocuments } from './documents';
import { ProjectRoutes } from './project-routes';

/** Where errors go; the LSP console in the server, anything in tests. */
export interface Logger {
  /** What a user may want to know happened (the Output channel shows it at info level). */
  info(message: string): void;
  log(message: string): void;
  error(message: string): void;
}

/** What the analysis of a file needs from the rest of the server. */
export interface FileAnalysisContext {
  readonly sys: WorkspaceContext['sys'];
  readonly documents: OpenDocuments;
  readonly logger: Logger;
  /** The languages to serve; the registry's unless a test narrows it. */
  readonly languages?: readonly Language[];
}

const NO_LABELS: FileLabels = { sites: [], declarations: [], metrics: [] };

/** How long a hover on a declaration searches the project for the label's uses. */
const PROJECT_SEARCH_BUDGET_MS = 2000;

/**
 * Runs the analysis of one file in whatever language it is written: the rest of the server never asks
 * which. Each language of the registry keeps its own live workspace. This also shields the server from
 * the analysis: a file of no supported language, too large, or that makes the analysis throw gets no
 * findings, and the failure is logged with the file name and stack so it can be reported.
 */
export class FileAnalysis {
  private readonly workspaces: ReadonlyMap<Language, LanguageWorkspace>;
  private readonly routes: ProjectRoutes;

  constructor(private readonly context: FileAnalysisContext) {
    const workspace: WorkspaceContext = { sys: context.sys, editor: context.documents, log: (message) => context.logger.log(message) };
    const languages = context.languages ?? LANGUAGES;
    this.workspaces = new Map(languages.map((language) => [language, language.openWorkspace(workspace)]));
    this.routes = new ProjectRoutes(context.sys, context.documents, languages);
  }

  /** Whether the file is in a language Cardinal analyses, by its name. */
  accepts(fileName: string): boolean {
    return this.languageOf(fileName) !== undefined;
  }

  /**
   * Of `fileNames` (a workspace scan), those that may have findings, each language choosing its own
   * (TypeScript reads the project's import graph, as the CLI does). The rest have no findings.
   */
  selectForScan(fileNames: readonly string[], config: CardinalConfig): string[] {
    const selected: string[] = [];
    for (const [language, workspace] of this.workspaces) {
      const own = fileNames.filter((fileName) => language.accepts(fileName));
      if (own.length > 0) selected.push(...(this.guardSync(`the files of a ${language.name} scan`, () => workspace.selectForScan(own, config)) ?? own));
    }
    return selected;
  }

  /** The files analyses since the last call left labels to (see `LanguageWorkspace.takeDelegated`). */
  takeDelegated(): string[] {
    return [...this.workspaces.values()].flatMap((workspace) => workspace.takeDelegated());
  }

  /** A workspace scan is over: every language gives back what only the scan needed. */
  scanFinished(): void {
    for (const workspace of this.workspaces.values()) workspace.scanFinished();
  }

  /** The findings of a file, or undefined when the analysis failed (already logged). */
  async findings(fileName: string, config: CardinalConfig, isCancelled: () => boolean): Promise<Finding[] | undefined> {
    const target = this.target(fileName);
    if (!target || !target.workspace.mayHaveFindings(fileName, target.text, config)) return [];
    const deadline = Date.now() + FILE_TIME_BUDGET_MS;
    return this.guard(fileName, () => target.workspace.findings(fileName, { config, isCancelled, deadline }));
  }

  /** The label sites of a file and its label declarations, for hover. */
  async labels(fileName: string, config: CardinalConfig): Promise<FileLabels> {
    const target = this.target(fileName);
    if (!target) return NO_LABELS;
    return (await this.guard(fileName, () => target.workspace.labels(fileName, config))) ?? NO_LABELS;
  }

  /** The labels written in the project of `fileName`, for hover on a declaration; none when the search failed (logged). */
  async projectLabels(fileName: string, config: CardinalConfig, isCancelled: () => boolean): Promise<ProjectLabels> {
    const target = this.target(fileName);
    const none: ProjectLabels = { sites: [], metrics: [], filesSearched: 0, complete: false };
    if (!target) return none;
    const deadline = Date.now() + PROJECT_SEARCH_BUDGET_MS;
    return (await this.guard(fileName, () => target.workspace.projectLabels(fileName, { config, isCancelled, deadline }))) ?? none;
  }

  /**
   * The worst case of each metric `fileName` declares, counted from the labels written anywhere in
   * its project (for hover and CodeLens), with the search they come from.
   */
  async metricBudgets(fileName: string, config: CardinalConfig, isCancelled: () => boolean): Promise<{ budgets: MetricBudget[]; project: ProjectLabels }> {
    const { metrics } = await this.labels(fileName, config);
    if (metrics.length === 0) return { budgets: [], project: { sites: [], metrics: [], filesSearched: 0, complete: true } };
    const project = await this.projectLabels(fileName, config, isCancelled);
    return { budgets: await this.budgetsIn(fileName, project, metrics), project };
  }

  /** The worst case of the metric a label of `fileName` writes, wherever in its project the metric is declared. */
  async metricBudgetNamed(fileName: string, metric: string, config: CardinalConfig, isCancelled: () => boolean): Promise<MetricBudget | undefined> {
    const project = await this.projectLabels(fileName, config, isCancelled);
    const declared = project.metrics.filter((declaration) => declaration.metric === metric && !declaration.dynamicName);
    return declared.length === 0 ? undefined : (await this.budgetsIn(fileName, project, declared))[0];
  }

  /** The budgets of `metrics` (shown where the first of each declares it) from every write the project search found. */
  private async budgetsIn(fileName: string, project: ProjectLabels, metrics: readonly MetricDeclaration[]): Promise<MetricBudget[]> {
    const names = new Set(metrics.map((metric) => metric.metric));
    const sites = project.sites.filter((site) => site.metric !== undefined && names.has(site.metric));
    // The same declaration, found by the file's analysis and by the project search, counts once.
    const given = new Set(metrics.map((metric) => `${metric.file}\u0000${metric.start}`));
    const elsewhere = project.metrics.filter((metric) => names.has(metric.metric) && !given.has(`${metric.file}\u0000${metric.start}`));
    const routes = receivesRoutePattern(sites) ? await this.guard(fileName, () => this.routes.of(fileName)) : undefined;
    return metricBudgets([...metrics, ...elsewhere], sites, () => routes);
  }

  /** The open files whose findings may change when `fileName` changes, itself included if open. */
  openFilesAffectedBy(fileName: string): string[] {
    const language = this.languageOf(fileName);
    const workspace = language && this.workspaces.get(language);
    return (workspace && this.guardSync(`the files affected by ${fileName}`, () => workspace.openFilesAffectedBy(fileName))) ?? [];
  }

  edited(fileName: string, edits: readonly TextEdit[]): void {
    this.routes.fileChanged(fileName);
    this.workspaceOf(fileName)?.edited(fileName, edits);
  }

  editorTextChanged(fileName: string): void {
    this.routes.fileChanged(fileName);
    this.workspaceOf(fileName)?.editorTextChanged(fileName);
  }

  diskFileChanged(fileName: string): void {
    this.routes.fileChanged(fileName);
    this.workspaceOf(fileName)?.diskFileChanged(fileName);
  }

  projectsChanged(): void {
    this.routes.filesChanged();
    for (const workspace of this.workspaces.values()) workspace.projectsChanged();
  }

  /** Files appeared or vanished: the projects of their languages are rebuilt on next use. */
  filesCreatedOrDeleted(fileNames: readonly string[]): void {
    this.routes.filesChanged(fileNames);
    const workspaces = new Set(fileNames.flatMap((fileName) => this.workspaceOf(fileName) ?? []));
    for (const workspace of workspaces) workspace.projectsChanged();
  }

  dispose(): void {
    for (const workspace of this.workspaces.values()) workspace.dispose();
  }

  private languageOf(fileName: string): Language | undefined {
    return languageOf(fileName, [...this.workspaces.keys()]);
  }

  private workspaceOf(fileName: string): LanguageWorkspace | undefined {
    const language = this.languageOf(fileName);
    return language && this.workspaces.get(language);
  }

  /** The language, workspace and text of a file that can be analysed. */
  private target(fileName: string): { language: Language; workspace: LanguageWorkspace; text: string } | undefined {
    const language = this.languageOf(fileName);
    const workspace = language && this.workspaces.get(language);
    if (!language || !workspace) return undefined;
    const text = this.context.documents.textOf(fileName);
    if (text === undefined) return undefined;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_SIZE) {
      this.context.logger.log(`Skipping ${fileName}: ${bytes} bytes is over the ${MAX_FILE_SIZE}-byte limit.`);
      return undefined;
    }
    return { language, workspace, text };
  }

  private async guard<T>(fileName: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.context.logger.error(`Analysing ${fileName} failed; it gets no diagnostics until it changes.\n${describeError(error)}`);
      return undefined;
    }
  }

  private guardSync<T>(what: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      this.context.logger.error(`Finding ${what} failed.\n${describeError(error)}`);
      return undefined;
    }
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
