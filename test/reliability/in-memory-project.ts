/**
 * One TypeScript language service over files held in memory, for analysing thousands of generated or
 * mutated programs cheaply: each case replaces the files, and the service re-parses only those, while
 * the libraries' declarations (lib.d.ts, prom-client, express) are parsed once for the whole run.
 * The files live in a folder of the repository that does not exist on disk, so their package imports
 * resolve to the repository's node_modules.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type * as TypeScriptModule from '../../server/src/typescript';
import type { CardinalConfig, Finding } from '../../server/src/analysis';
import type * as GuardModule from '../../server/src/project/syntax-guard';
import { loadServerModule, REPO_ROOT } from '../support/server-module';

const { createAnalyzer } = loadServerModule<typeof TypeScriptModule>('typescript');
const { guardDocumentRegistry } = loadServerModule<typeof GuardModule>('project/syntax-guard');

/** The folder the in-memory files pretend to live in. */
export const VIRTUAL_ROOT = path.posix.join(REPO_ROOT.replace(/\\/g, '/'), 'test', 'reliability', 'in-memory');

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: ['node'],
  allowJs: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Relative file name → text. */
export type Files = Readonly<Record<string, string>>;

/** A file skipped by the syntax guard, and why. */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export class InMemoryProject {
  private files = new Map<string, string>();
  private version = 0;
  private readonly service: ts.LanguageService;
  /** Files the syntax guard replaced during the last {@link analyze}. */
  skipped: SkippedFile[] = [];

  constructor() {
    const registry = guardDocumentRegistry(ts.createDocumentRegistry(), (file, reason) => this.skipped.push({ file: path.posix.relative(VIRTUAL_ROOT, file), reason }));
    this.service = ts.createLanguageService(this.host(), registry);
  }

  /** Replaces every file with `files` and returns the findings of each, keyed by relative name. */
  analyze(files: Files, config: CardinalConfig): Map<string, Finding[]> {
    this.files = new Map(Object.entries(files).map(([name, text]) => [path.posix.join(VIRTUAL_ROOT, name), text]));
    this.version++;
    this.skipped = [];
    const program = this.service.getProgram();
    if (!program) throw new Error('the language service built no program');
    const analyzer = createAnalyzer(program, config);
    const findings = new Map<string, Finding[]>();
    for (const fileName of this.files.keys()) findings.set(path.posix.relative(VIRTUAL_ROOT, fileName), analyzer.analyzeFile(fileName));
    return findings;
  }

  /** The absolute name of a relative file name. */
  fileName(name: string): string {
    return path.posix.join(VIRTUAL_ROOT, name);
  }

  private host(): ts.LanguageServiceHost {
    const readFile = (fileName: string) => this.files.get(fileName) ?? ts.sys.readFile(fileName);
    return {
      getProjectVersion: () => String(this.version),
      getScriptFileNames: () => [...this.files.keys()],
      // Every in-memory file counts as changed in each case; files on disk never change.
      getScriptVersion: (fileName) => (this.files.has(fileName) ? String(this.version) : '0'),
      getScriptSnapshot: (fileName) => {
        const text = readFile(fileName);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCompilationSettings: () => COMPILER_OPTIONS,
      getCurrentDirectory: () => VIRTUAL_ROOT,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => this.files.has(fileName) || ts.sys.fileExists(fileName),
      readFile,
      directoryExists: (directory) => directory === VIRTUAL_ROOT || ts.sys.directoryExists(directory),
      getDirectories: (directory) => ts.sys.getDirectories(directory),
    };
  }
}
