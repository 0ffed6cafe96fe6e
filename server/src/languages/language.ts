/**
 * What a supported language is to the shells. The CLI and the language server never ask which
 * language a file is in: they find its `Language` in the registry (`./index.ts`) and call it. A
 * language owns how it gathers the program its analysis needs (TypeScript's callers, a Go package's
 * siblings), for a batch of files on disk and for a live workspace of open documents.
 */
import type * as ts from 'typescript';
import type { CardinalConfig, Finding, LabelDeclaration, LabelSite, MetricDeclaration } from '../analysis';
import type { FileMetrics } from '../analysis/series-budget';
import type { FileRoutes } from '../analysis/value-sets';
import type { TextEdit } from '../project/editor-snapshot';
import type { EditorTexts } from '../project/language-service-host';

/** Something the user should know that is not a finding: a skipped file, a broken tsconfig. */
export interface Note {
  readonly file?: string;
  readonly message: string;
}

/** What a batch analysis (a CLI scan) gets. */
export interface BatchContext {
  readonly system: ts.System;
  /** The configuration of a file (the nearest `cardinal.config.json` files above it). */
  configFor(fileName: string): CardinalConfig;
  /** How long the analysis of one file may run before it stops with what it has (and notes it). */
  readonly fileTimeBudgetMs: number;
  /** Called once for every file handed to the language, analysed or not, for progress. */
  fileDone(file: string): void;
  note(note: Note): void;
  /** Given each analysed file's metric declarations and judged labels (a file analysed twice comes twice; the last counts). */
  onMetrics?(metrics: FileMetrics): void;
}

/** The part of a language a batch scan uses (tests stand in for it with hand-made findings). */
export interface BatchLanguage {
  /** For messages, e.g. "TypeScript/JavaScript". */
  readonly name: string;
  /** Whether this language analyses the file, by its name. */
  accepts(fileName: string): boolean;
  /** Analyses `files` (absolute, each accepted) and returns every finding in them. */
  analyzeBatch(files: readonly string[], context: BatchContext): Promise<readonly Finding[]>;
  /** The route patterns each of `files` registers (those registering any), for labels that receive the matched pattern (syntax only). */
  countRoutes?(files: readonly string[], system: ts.System): Promise<ReadonlyMap<string, FileRoutes>>;
}

/** Where a workspace's texts and messages come from and go. */
export interface WorkspaceContext {
  readonly sys: ts.System;
  /** The editor's open documents (their unsaved texts win over the disk's). */
  readonly editor: EditorTexts & { openFileNames(): readonly string[] };
  log(message: string): void;
}

/** What a file's labels are known to hold, and the label names its metrics declare (for hover). */
export interface FileLabels {
  readonly sites: readonly LabelSite[];
  readonly declarations: readonly LabelDeclaration[];
  readonly metrics: readonly MetricDeclaration[];
}

/** Every label written in a file's project (TypeScript) or module (Go), for hover on a declaration. */
export interface ProjectLabels {
  readonly sites: readonly LabelSite[];
  /** The metrics the searched files declare (a StatsD stat is declared by each call that writes it). */
  readonly metrics: readonly MetricDeclaration[];
  /** How many files were searched, and whether the time budget stopped the search before the end. */
  readonly filesSearched: number;
  readonly complete: boolean;
}

export interface AnalysisRequest {
  readonly config: CardinalConfig;
  readonly isCancelled: () => boolean;
  /** A `Date.now()` time past which the analysis stops with what it has (and logs it). */
  readonly deadline: number;
}

/** A language's live view of a workspace, kept current as documents and files change. */
export interface LanguageWorkspace {
  /**
   * A cheap test of a file's text (and of what surrounds it, such as the workspace's packages): false
   * means it cannot have findings and need not be analysed.
   */
  mayHaveFindings(fileName: string, text: string, config: CardinalConfig): boolean;
  findings(fileName: string, request: AnalysisRequest): Promise<Finding[]>;
  labels(fileName: string, config: CardinalConfig): Promise<FileLabels>;
  /** The labels written anywhere in the project of `fileName`, searched until the request's deadline. */
  projectLabels(fileName: string, request: AnalysisRequest): Promise<ProjectLabels>;
  /** The open files (of this language) whose findings may change when `fileName` changes, itself included if open. */
  openFilesAffectedBy(fileName: string): string[];
  /** Of a workspace scan's files, those that may have findings; the others need not be analysed. */
  selectForScan(fileNames: readonly string[], config: CardinalConfig): string[];
  /** A workspace scan is over: what it loaded may be given back. */
  scanFinished(): void;
  /**
   * The files that analyses since the last call left labels to (they call a wrapper whose parameter
   * goes straight into a label): a workspace scan analyses them too.
   */
  takeDelegated(): string[];
  /** An open document was edited (the edits, in order), for incremental parsers. */
  edited(fileName: string, edits: readonly TextEdit[]): void;
  /** The editor's text of a file changed: opened, edited or closed. */
  editorTextChanged(fileName: string): void;
  /** A file changed on disk. */
  diskFileChanged(fileName: string): void;
  /** Files were created or deleted, or a project file changed. */
  projectsChanged(): void;
  dispose(): void;
}

export interface Language extends BatchLanguage {
  readonly id: string;
  /** File name endings the language analyses, e.g. `.ts`, `.go`. */
  readonly extensions: readonly string[];
  openWorkspace(context: WorkspaceContext): LanguageWorkspace;
}
