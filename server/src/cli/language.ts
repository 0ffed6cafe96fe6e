/**
 * The contract between the scanner and a language's analysis. Each supported language is one
 * `LanguageFrontend` in the table of `languages.ts`.
 */
import type * as ts from 'typescript';
import type { CardinalConfig, Finding } from '../analysis';
import type { ScanNote } from './scan-report';

/** What a frontend gets for one scan. */
export interface FrontendContext {
  readonly system: ts.System;
  readonly config: CardinalConfig;
  /** How long the analysis of one file may run before it stops with what it has (and notes it). */
  readonly fileTimeBudgetMs: number;
  /** Called once for every file handed to the frontend, analysed or not, for progress. */
  fileDone(file: string): void;
  /** Tells the user something that is not a finding (a broken project config, a file that failed to parse). */
  note(note: ScanNote): void;
}

export interface LanguageFrontend {
  /** For messages, e.g. "TypeScript/JavaScript". */
  readonly name: string;
  /** Whether this frontend analyses the file, by its name. */
  accepts(fileName: string): boolean;
  /** Analyses `files` (absolute, each accepted by {@link accepts}) and returns every finding in them. */
  analyze(files: readonly string[], context: FrontendContext): Promise<readonly Finding[]>;
}
