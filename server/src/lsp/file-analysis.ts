import * as ts from 'typescript';
import { createAnalyzer, mayTouchMetrics } from '../analysis';
import type { Analyzer, CardinalConfig, Finding, LabelSite } from '../analysis';
import type { LanguageServices } from '../project/language-services';
import { MAX_FILE_SIZE } from '../project/file-enumeration';
import { isScriptFile } from '../project/source-files';
import type { FileTexts } from './convert';

/** Where errors go; the LSP console in the server, anything in tests. */
export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

/**
 * Runs the analysis core on one file of its project, shielding the server from it: a file that is not
 * TypeScript or JavaScript, too large, or makes the core throw gets no findings, and the failure is
 * logged with the file name and stack so it can be reported.
 */
export class FileAnalysis {
  /**
   * One analyzer per program and configuration, so the files checked against one program (the open
   * files of a project after an edit, a workspace scan) share its caches. A new program is a new key.
   */
  private readonly analyzers = new WeakMap<ts.Program, Map<CardinalConfig, Analyzer>>();

  constructor(
    private readonly services: LanguageServices,
    private readonly texts: FileTexts,
    private readonly logger: Logger,
  ) {}

  /** The findings of a file, or undefined when the analysis failed (already logged). */
  findings(fileName: string, config: CardinalConfig, isCancelled: () => boolean): Finding[] | undefined {
    const text = this.readAnalysable(fileName);
    if (text === undefined || !mayTouchMetrics(text, config)) return [];
    return this.guard(fileName, [], (program) => this.analyzerOf(program, config).analyzeFile(fileName, { isCancelled }));
  }

  /** The label sites of a file, for hover. */
  labelSites(fileName: string, config: CardinalConfig): { sites: LabelSite[]; sourceFile?: ts.SourceFile } {
    if (this.readAnalysable(fileName) === undefined) return { sites: [] };
    let sourceFile: ts.SourceFile | undefined;
    const sites = this.guard(fileName, [], (program) => {
      sourceFile = program.getSourceFile(fileName);
      return this.analyzerOf(program, config).describeLabels(fileName);
    });
    return { sites: sites ?? [], sourceFile };
  }

  private analyzerOf(program: ts.Program, config: CardinalConfig): Analyzer {
    let byConfig = this.analyzers.get(program);
    if (!byConfig) {
      byConfig = new Map();
      this.analyzers.set(program, byConfig);
    }
    let analyzer = byConfig.get(config);
    if (!analyzer) {
      analyzer = createAnalyzer(program, config);
      byConfig.set(config, analyzer);
    }
    return analyzer;
  }

  private readAnalysable(fileName: string): string | undefined {
    if (!isScriptFile(fileName)) return undefined;
    const text = this.texts.textOf(fileName);
    if (text === undefined) return undefined;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_SIZE) {
      this.logger.log(`Skipping ${fileName}: ${bytes} bytes is over the ${MAX_FILE_SIZE}-byte limit.`);
      return undefined;
    }
    return text;
  }

  private guard<T>(fileName: string, empty: T, run: (program: ts.Program) => T): T | undefined {
    try {
      const program = this.services.projectOf(fileName).getProgram();
      return program ? run(program) : empty;
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      this.logger.error(`Analysing ${fileName} failed; it gets no diagnostics until it changes.\n${detail}`);
      return undefined;
    }
  }
}
