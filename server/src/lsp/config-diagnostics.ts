/**
 * Problems of a `cardinal.config.json` as diagnostics in the file itself, on the key they are about
 * (a syntax error at its line and column), as well as in the Output channel. Every configuration file
 * a resolution read gets its list, an empty one once it is fixed.
 */
import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver';
import type { ConfigProblem } from '../analysis';
import { jsonKeySpans, locateJsonKey } from '../analysis/json-locations';
import { TextLines } from '../analysis/text-lines';
import { DIAGNOSTIC_SOURCE } from './convert';
import { fileNameToUri } from './uri';

export interface ConfigFileDiagnostics {
  readonly uri: string;
  readonly diagnostics: Diagnostic[];
}

/** The diagnostics of each of `files` (absolute names), from the problems that name them. */
export function configFileDiagnostics(files: readonly string[], problems: readonly ConfigProblem[], readFile: (file: string) => string | undefined): ConfigFileDiagnostics[] {
  return files.map((file) => {
    const own = problems.filter((problem) => problem.file === file);
    const text = own.length === 0 ? undefined : readFile(file);
    const diagnostics = text === undefined ? [] : own.map((problem) => problemDiagnostic(problem, text));
    return { uri: fileNameToUri(file), diagnostics };
  });
}

function problemDiagnostic(problem: ConfigProblem, text: string): Diagnostic {
  return { range: rangeOf(problem, text), severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: problem.message };
}

function rangeOf(problem: ConfigProblem, text: string): Range {
  if (problem.position) {
    const at = { line: problem.position.line - 1, character: problem.position.column - 1 };
    return { start: at, end: at };
  }
  const lines = new TextLines(text);
  const span = locateJsonKey(jsonKeySpans(text), problem.key) ?? { start: 0, end: 0 };
  const position = (offset: number) => {
    const line = lines.lineOf(offset);
    return { line, character: offset - lines.lineStart(line) };
  };
  return { start: position(span.start), end: position(span.end) };
}
