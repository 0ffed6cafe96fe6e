import ts from 'typescript';
import { createAnalyzer, mayTouchMetrics } from '../typescript';
import type { CardinalConfig, Finding } from '../analysis';
import type { Analyzer } from '../typescript';
import { analyzeGoPackage, describeGoLabels, isGoFile } from '../go';
import type { Project } from '../project/language-service-host';
import type { LanguageServices } from '../project/language-services';
import type { CallersLookup } from '../project/metric-files';
import { MAX_FILE_SIZE } from '../project/file-enumeration';
import { directoryOf } from '../project/paths';
import { isScriptFile } from '../project/source-files';
import { describeTimeBudgetExceeded, FILE_TIME_BUDGET_MS } from '../project/time-budget';
import type { OpenDocuments } from './documents';
import type { GoDocuments } from './go-documents';
import type { FileLabels } from './hover';
import { findLabelDeclarationAt } from './label-declaration';

/** Where errors go; the LSP console in the server, anything in tests. */
export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

/** What the analysis of a file needs from the rest of the server. */
export interface FileAnalysisContext {
  /** TypeScript and JavaScript: one program per project. */
  readonly services: LanguageServices;
  /** Go: parsed packages. */
  readonly go: GoDocuments;
  readonly documents: OpenDocuments;
  readonly logger: Logger;
}

/**
 * Runs the analysis of one file, whatever its language; the rest of the server never asks which
 * language a file is in. It also shields the server from the analysis: a file of no supported
 * language, too large, or that makes the analysis throw gets no findings, and the failure is logged
 * with the file name and stack so it can be reported.
 */
export class FileAnalysis {
  /**
   * One analyzer per program and configuration, so the files checked against one program (the open
   * files of a project after an edit, a workspace scan) share its caches. A new program is a new key.
   */
  private readonly analyzers = new WeakMap<ts.Program, Map<CardinalConfig, Analyzer>>();
  /** Where the running analysis records the functions whose callers it looked for. */
  private callersLookups: CallersLookup[] = [];

  constructor(private readonly context: FileAnalysisContext) {}

  /** Whether the file is in a language Cardinal analyses, by its name. */
  accepts(fileName: string): boolean {
    return isScriptFile(fileName) || isGoFile(fileName);
  }

  /**
   * Of `fileNames` (a workspace scan), those that may have findings: Go files, and the TypeScript and
   * JavaScript files that may hold a metric call (from their text and imports, as the CLI selects
   * them). Each project's program is then built once from its selected files, rather than growing
   * file by file. The rest have no findings without being analysed.
   */
  selectForScan(fileNames: readonly string[], config: CardinalConfig): string[] {
    const { services, logger } = this.context;
    const byProject = new Map<Project, string[]>();
    const selected: string[] = [];
    for (const fileName of fileNames) {
      if (!isScriptFile(fileName)) {
        if (isGoFile(fileName)) selected.push(fileName);
        continue;
      }
      const project = services.projectOf(fileName);
      const files = byProject.get(project);
      if (files) files.push(fileName);
      else byProject.set(project, [fileName]);
    }
    for (const [project, files] of byProject) {
      try {
        const metricFiles = new Set(project.getSources().metricFiles(config));
        const chosen = files.filter((file) => metricFiles.has(file) || this.context.documents.get(file) !== undefined);
        project.include(chosen);
        selected.push(...chosen);
      } catch (error) {
        logger.error(`Reading the files of ${project.configFile ?? 'the inferred project'} failed; all of them are analysed.\n${String(error)}`);
        selected.push(...files);
      }
    }
    return selected;
  }

  /**
   * A workspace scan is over: programs drop the files it analysed and keep the open ones (the callers
   * these need come back on demand), so that each edit updates a program the size of what is open
   * rather than of everything the scan touched.
   */
  scanFinished(): void {
    const { services, documents } = this.context;
    services.retainRoots((fileName) => documents.get(fileName) !== undefined);
  }

  /** The findings of a file, or undefined when the analysis failed (already logged). */
  async findings(fileName: string, config: CardinalConfig, isCancelled: () => boolean): Promise<Finding[] | undefined> {
    const text = this.readAnalysable(fileName);
    if (text === undefined) return [];
    if (isGoFile(fileName)) {
      return this.guard(fileName, async () => analyzeGoPackage(await this.context.go.packageOf(fileName), config, { onlyFile: fileName, isCancelled }));
    }
    if (!mayTouchMetrics(text, config)) return [];
    const deadline = Date.now() + FILE_TIME_BUDGET_MS;
    const onDeadline = () => this.context.logger.log(`${fileName}: ${describeTimeBudgetExceeded(FILE_TIME_BUDGET_MS)}`);
    return this.guard(fileName, () => this.withProgram(fileName, [], (program) => this.analyzerOf(program, config).analyzeFile(fileName, { isCancelled, deadline, onDeadline })));
  }

  /** The label sites of a file and its label declarations, for hover. */
  async labels(fileName: string, config: CardinalConfig): Promise<FileLabels> {
    const none: FileLabels = { fileName, sites: [], declarationAt: () => undefined };
    if (this.readAnalysable(fileName) === undefined) return none;
    if (isGoFile(fileName)) {
      const sites = await this.guard(fileName, async () => describeGoLabels(await this.context.go.packageOf(fileName), fileName, config));
      return { ...none, sites: sites ?? [] };
    }
    const labels = await this.guard(fileName, () =>
      this.withProgram(fileName, none, (program): FileLabels => {
        const sourceFile = program.getSourceFile(fileName);
        return {
          fileName: sourceFile?.fileName ?? fileName,
          sites: this.analyzerOf(program, config).describeLabels(fileName),
          declarationAt: (offset) => (sourceFile ? findLabelDeclarationAt(sourceFile, offset) : undefined),
        };
      }),
    );
    return labels ?? none;
  }

  /**
   * The open files whose findings may change when `fileName` changes, itself included if open: findings
   * flow across the files of a TypeScript project, and across the files of a Go package (a directory).
   */
  openFilesAffectedBy(fileName: string): string[] {
    const open = this.context.documents.openFileNames();
    if (isGoFile(fileName)) {
      const directory = directoryOf(fileName);
      return open.filter((other) => isGoFile(other) && directoryOf(other) === directory);
    }
    if (!isScriptFile(fileName)) return [];
    const { services, logger } = this.context;
    try {
      const project = services.projectOf(fileName);
      return open.filter((other) => isScriptFile(other) && services.projectOf(other) === project);
    } catch (error) {
      logger.error(`Finding the project of ${fileName} failed: ${String(error)}`);
      return [];
    }
  }

  private analyzerOf(program: ts.Program, config: CardinalConfig): Analyzer {
    let byConfig = this.analyzers.get(program);
    if (!byConfig) {
      byConfig = new Map();
      this.analyzers.set(program, byConfig);
    }
    let analyzer = byConfig.get(config);
    if (!analyzer) {
      analyzer = createAnalyzer(program, config, { onCallersLookup: (fileName, functionName) => this.callersLookups.push({ fileName, functionName }) });
      byConfig.set(config, analyzer);
    }
    return analyzer;
  }

  private readAnalysable(fileName: string): string | undefined {
    if (!this.accepts(fileName)) return undefined;
    const text = this.context.documents.textOf(fileName);
    if (text === undefined) return undefined;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_SIZE) {
      this.context.logger.log(`Skipping ${fileName}: ${bytes} bytes is over the ${MAX_FILE_SIZE}-byte limit.`);
      return undefined;
    }
    return text;
  }

  /**
   * Runs `run` against a program holding `fileName`. When it follows a parameter to the calls of its
   * function and some callers are not in the program, they are added and `run` starts over on the
   * grown program (which reuses every file already parsed), until none is missing.
   */
  private withProgram<T>(fileName: string, empty: T, run: (program: ts.Program) => T): T {
    const project = this.context.services.projectOf(fileName);
    project.include([fileName]);
    for (;;) {
      const program = project.getProgram();
      if (!program) return empty;
      this.callersLookups = [];
      const result = run(program);
      const callers = this.callersLookups.length > 0 ? project.getSources().callersOutside(program, this.callersLookups) : [];
      // A caller that stays out of the program (it cannot be read) must not start the run over forever.
      if (callers.length === 0 || !project.include(callers)) return result;
    }
  }

  private async guard<T>(fileName: string, run: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.context.logger.error(`Analysing ${fileName} failed; it gets no diagnostics until it changes.\n${detail}`);
      return undefined;
    }
  }
}
