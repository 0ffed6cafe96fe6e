/**
 * `cardinal`, the command line: scans files for unbounded metric labels and prints a report in the
 * requested format. `server/bin/cardinal.js` calls {@link main}; tests call it with their own streams.
 */
import ts from 'typescript';
import { formatConfigProblem } from '../analysis/config';
import { LANGUAGES, type BatchLanguage } from '../languages';
import { toolVersion } from '../product';
import { ConfigDiscovery } from '../project/config-discovery';
import { relativePath, resolvePath } from '../project/paths';
import { HELP_TEXT, parseArguments, type MetricsFormat, type MetricsOptions, type ScanOptions } from './arguments';
import { fixedFiles, formatDiff, withFixedFiles } from './fixing';
import { formatJson } from './json-format';
import { Positions } from './line-map';
import { compareMetrics, formatChangeMarkdown, formatChangeText } from './metrics-compare';
import { metricsDocument, parseMetricsDocument, type MetricsDocument } from './metrics-document';
import { formatMetricsMarkdown, formatMetricsText } from './metrics-format';
import { formatRuleList } from './rule-list';
import { createProgressLine, OutputStream } from './progress-line';
import { formatTiming } from './scan-timing';
import { formatSarif } from './sarif-format';
import { exitCodeFor, ScanReport } from './scan-report';
import { listScanFiles, scan, type ScanRequest } from './scanner';
import { formatText } from './text-format';

/** Exit code for usage, configuration and internal errors. */
export const EXIT_USAGE = 2;

/** Everything the CLI touches outside itself. */
export interface CliEnvironment {
  readonly system: ts.System;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The language table; tests substitute languages that return hand-made findings. */
  readonly languages: readonly BatchLanguage[];
  /** The time budget of one file; defaults to `FILE_TIME_BUDGET_MS` (tests shorten it). */
  readonly fileTimeBudgetMs?: number;
}

/** Runs the CLI with `argv` (the arguments after the program name) and resolves to the exit code. */
export async function main(argv: readonly string[], environment: CliEnvironment = processEnvironment()): Promise<number> {
  const { stdout, stderr } = environment;
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      stdout.write(HELP_TEXT);
      return 0;
    case 'usage-error':
      stderr.write(`cardinal: ${parsed.message}\nRun "cardinal --help" for usage.\n`);
      return EXIT_USAGE;
    case 'rules':
      stdout.write(formatRuleList(parsed.format));
      return 0;
    case 'scan':
    case 'metrics':
      try {
        return await (parsed.kind === 'scan' ? runScan(parsed.options, environment) : runMetrics(parsed.options, environment));
      } catch (error) {
        stderr.write(`cardinal: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        return EXIT_USAGE;
      }
  }
}

/** What a scan of the requested paths needs once they exist and their configurations are valid. */
interface PreparedScan {
  readonly cwd: string;
  readonly request: ScanRequest;
  readonly listed: ReturnType<typeof listScanFiles>;
}

/** Resolves the paths and configurations and lists the files; an exit code when they are not usable (said on standard error). */
function prepareScan(options: { readonly paths: readonly string[]; readonly config?: string }, environment: CliEnvironment): PreparedScan | number {
  const { system, stderr } = environment;
  const cwd = system.getCurrentDirectory();
  const paths = options.paths.map((p) => resolvePath(cwd, p));
  const missing = options.paths.filter((_, i) => !system.fileExists(paths[i]) && !system.directoryExists(paths[i]));
  if (missing.length > 0) {
    stderr.write(missing.map((p) => `cardinal: no such file or folder: ${p}\n`).join(''));
    return EXIT_USAGE;
  }
  const configs = new ConfigDiscovery(system, {
    explicitFile: options.config === undefined ? undefined : resolvePath(cwd, options.config),
    displayName: (file) => relativePath(cwd, file) || file,
  });
  if (options.config !== undefined) configs.forFile(paths[0]);
  const request = { paths, configs, root: cwd };
  // Listing the files resolves the configuration of every folder they are in: its problems stop the scan before any analysis.
  const listed = listScanFiles(system, request, environment.languages);
  const problems = configs.problems();
  if (problems.length > 0) {
    stderr.write(problems.map((problem) => `cardinal: ${formatConfigProblem(problem)}\n`).join(''));
    return EXIT_USAGE;
  }
  return { cwd, request, listed };
}

async function runScan(options: ScanOptions, environment: CliEnvironment): Promise<number> {
  const { system, stdout, stderr } = environment;
  const prepared = prepareScan(options, environment);
  if (typeof prepared === 'number') return prepared;
  const { cwd, request, listed } = prepared;

  const progress = createProgressLine(stderr);
  const scanWith = async (files: ts.System): Promise<ScanReport> => {
    try {
      return await scan(request, listed, {
        system: files,
        languages: environment.languages,
        fileTimeBudgetMs: environment.fileTimeBudgetMs,
        onProgress: (done, total) => progress.update(done, total),
      });
    } finally {
      progress.clear();
    }
  };
  let report = await scanWith(system);
  let diff = '';
  if (options.fix) {
    const fixed = fixedFiles(report);
    if (fixed.size > 0) {
      const displayName = (file: string) => relativePath(cwd, file) || file;
      if (options.fix === 'write') {
        for (const [file, { after }] of fixed) system.writeFile(file, after);
      } else if (options.format === 'text') {
        diff = formatDiff(fixed, displayName);
      }
      const before = report.findings.length;
      report = await scanWith(options.fix === 'write' ? system : withFixedFiles(system, fixed));
      const verb = options.fix === 'write' ? 'fixed' : 'would fix';
      stderr.write(`cardinal: ${verb} ${plural(before - report.findings.length, 'finding')} in ${[...fixed.keys()].map(displayName).sort().join(', ')}\n`);
    }
  }
  writeNotes(report, cwd, stderr);
  if (options.timing) stderr.write(formatTiming(report.timing, (file) => relativePath(cwd, file) || file));

  const useColor = options.output === undefined && stdout.isTTY === true && !environment.env.NO_COLOR;
  if (!writeOutput(diff + render(report, options, useColor), options.output, cwd, environment)) return EXIT_USAGE;
  return exitCodeFor(report.findings, options.maxWarnings);
}

/** `cardinal metrics`: the series inventory of the scanned files, or what changed since `--compare`'s. */
async function runMetrics(options: MetricsOptions, environment: CliEnvironment): Promise<number> {
  const { system, stderr } = environment;
  let base: MetricsDocument | undefined;
  if (options.compare !== undefined) {
    const text = system.readFile(resolvePath(system.getCurrentDirectory(), options.compare));
    const parsed = text === undefined ? 'cannot be read' : parseMetricsDocument(text);
    if (typeof parsed === 'string') {
      stderr.write(`cardinal: --compare ${options.compare}: ${parsed}\n`);
      return EXIT_USAGE;
    }
    base = parsed;
  }
  const prepared = prepareScan(options, environment);
  if (typeof prepared === 'number') return prepared;
  const { cwd, request, listed } = prepared;
  const progress = createProgressLine(stderr);
  let report: ScanReport;
  try {
    report = await scan(request, listed, { system, languages: environment.languages, fileTimeBudgetMs: environment.fileTimeBudgetMs, onProgress: (done, total) => progress.update(done, total) });
  } finally {
    progress.clear();
  }
  writeNotes(report, cwd, stderr);
  const document = metricsDocument(report, new Positions(report.readSource), toolVersion(), (file) => request.configs.forFile(file).config.maxSeriesPerMetric);
  return writeOutput(renderMetrics(document, base, options.format), options.output, cwd, environment) ? 0 : EXIT_USAGE;
}

function renderMetrics(document: MetricsDocument, base: MetricsDocument | undefined, format: MetricsFormat): string {
  if (base) {
    const change = compareMetrics(base, document);
    if (format === 'json') return `${JSON.stringify(change, null, 2)}\n`;
    return format === 'markdown' ? formatChangeMarkdown(change) : formatChangeText(change);
  }
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return format === 'markdown' ? formatMetricsMarkdown(document) : formatMetricsText(document);
}

function writeNotes(report: ScanReport, cwd: string, stderr: OutputStream): void {
  for (const note of report.notes) {
    stderr.write(`cardinal: note: ${note.file === undefined ? '' : `${relativePath(cwd, note.file)}: `}${note.message}\n`);
  }
}

/** Writes `text` to `--output` or standard output; false (said on standard error) when the file cannot be written. */
function writeOutput(text: string, output: string | undefined, cwd: string, environment: CliEnvironment): boolean {
  if (output === undefined) {
    environment.stdout.write(text);
    return true;
  }
  try {
    environment.system.writeFile(resolvePath(cwd, output), text);
    return true;
  } catch (error) {
    environment.stderr.write(`cardinal: cannot write ${output}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

function render(report: ScanReport, options: ScanOptions, color: boolean): string {
  switch (options.format) {
    case 'text':
      return formatText(report, { color });
    case 'json':
      return formatJson(report, toolVersion());
    case 'sarif':
      return formatSarif(report, toolVersion());
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function processEnvironment(): CliEnvironment {
  return { system: ts.sys, stdout: process.stdout, stderr: process.stderr, env: process.env, languages: LANGUAGES };
}
