/**
 * Runs `cardinal scan` in this process (the same `main` as the executable), with the JSON format, and
 * returns the exit code, what it wrote and the parsed report: thousands of fresh CLI runs cost nothing
 * to spawn.
 */
import * as ts from 'typescript';
import type * as CliModule from '../../server/src/cli/cardinal';
import type * as LanguagesModule from '../../server/src/languages';
import { loadServerModule } from '../support/server-module';

const { main } = loadServerModule<typeof CliModule>('cli/cardinal');
const { LANGUAGES } = loadServerModule<typeof LanguagesModule>('languages');

export interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface JsonFinding {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly start: JsonPosition;
  readonly end: JsonPosition;
  readonly label?: string;
}

export interface JsonReport {
  readonly notes: readonly { readonly file?: string; readonly message: string }[];
  readonly findings: readonly JsonFinding[];
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The report, when the run printed one. */
  readonly report?: JsonReport;
}

export interface CliOptions {
  /** The file system; defaults to `ts.sys`. */
  readonly system?: ts.System;
  readonly fileTimeBudgetMs?: number;
}

/** `cardinal scan --format json …args`, run from `cwd`. */
export async function runCli(cwd: string, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const system: ts.System = { ...(options.system ?? ts.sys), getCurrentDirectory: () => cwd };
  const code = await main(['scan', '--format', 'json', ...args], {
    system,
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env: { NO_COLOR: '1' },
    languages: LANGUAGES,
    fileTimeBudgetMs: options.fileTimeBudgetMs,
  });
  return { code, stdout, stderr, report: stdout === '' ? undefined : (JSON.parse(stdout) as JsonReport) };
}

/** `file:line:column rule label` of each finding, for compact assertions. */
export function summarizeFindings(report: JsonReport | undefined): string[] {
  return (report?.findings ?? []).map((finding) => `${finding.file}:${finding.start.line}:${finding.start.column} ${finding.ruleId}${finding.label === undefined ? '' : ` ${finding.label}`}`);
}
