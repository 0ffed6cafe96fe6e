/**
 * The command line: `cardinal scan [paths…] [options]`, `cardinal metrics [paths…] [options]` and
 * `cardinal rules [--format …]`, parsed without side effects.
 */
import { parseArgs } from 'node:util';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ScanOptions {
  /** As typed (relative to the working directory or absolute); `.` when none were given. */
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly config?: string;
  readonly output?: string;
  readonly maxWarnings: number;
  /** Print where the time went (slowest files, time per language) on standard error. */
  readonly timing: boolean;
  /** Apply the preferred fixes (`write`), or show them as a diff without writing (`dry-run`); the report is of what is left. */
  readonly fix?: 'write' | 'dry-run';
}

export const RULE_LIST_FORMATS = ['text', 'json', 'markdown'] as const;
export type RuleListFormat = (typeof RULE_LIST_FORMATS)[number];

export const METRICS_FORMATS = ['text', 'json', 'markdown'] as const;
export type MetricsFormat = (typeof METRICS_FORMATS)[number];

export interface MetricsOptions {
  readonly paths: readonly string[];
  readonly format: MetricsFormat;
  readonly config?: string;
  readonly output?: string;
  /** A previous `--format json` document: print what changed since, rather than the inventory. */
  readonly compare?: string;
}

export type ParsedArguments =
  | { readonly kind: 'help' }
  | { readonly kind: 'scan'; readonly options: ScanOptions }
  | { readonly kind: 'metrics'; readonly options: MetricsOptions }
  | { readonly kind: 'rules'; readonly format: RuleListFormat }
  | { readonly kind: 'usage-error'; readonly message: string };

export const HELP_TEXT = `Usage: cardinal scan [paths...] [options]
       cardinal metrics [paths...] [--format text|json|markdown] [--compare <base.json>]
       cardinal rules [--format text|json|markdown]

Finds metric labels fed with unbounded values (raw request paths, ids, timestamps, ...)
in JavaScript, TypeScript and Go code. "cardinal metrics" lists every metric with its
labels, what each can take and the worst-case number of series; with --compare, what
changed since an earlier --format json inventory. "cardinal rules" lists the rules.

Arguments:
  paths                    files or folders to scan (default: the current folder)

Options:
  -f, --format <format>    text (default), json or sarif
  -c, --config <file>      configuration file (default: the nearest cardinal.config.json
                           in the folder of the first path or any folder above it)
  -o, --output <file>      write the report to a file instead of standard output
      --max-warnings <n>   tolerate up to n warnings before exiting with 1 (default: 0)
      --fix                apply the preferred fixes (those fix-all applies in the editor)
                           to the files, then report what is left
      --fix-dry-run        print the preferred fixes as a diff without writing them, then
                           report what they would leave (the diff only with --format text)
      --timing             print the slowest files and the time per language on standard error
      --compare <file>     (metrics) the inventory to compare with, from --format json
  -h, --help               show this help

Exit codes:
  0  no errors, and no more warnings than --max-warnings (info and hints never fail)
  1  an error, or more warnings than --max-warnings
  2  usage, configuration or internal error
`;

/** Parses `argv` (the arguments after the program name). */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        output: { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        timing: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        compare: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [command, ...paths] = positionals;
  if (command === undefined) return usageError('missing command: cardinal scan [paths...]');
  if (command === 'rules') {
    const format = values.format ?? 'text';
    if (!(RULE_LIST_FORMATS as readonly string[]).includes(format)) return usageError(`unknown format "${format}" for rules: use ${RULE_LIST_FORMATS.join(', ')}`);
    if (paths.length > 0) return usageError('"cardinal rules" takes no paths');
    return { kind: 'rules', format: format as RuleListFormat };
  }
  for (const [name, value] of [['config', values.config], ['output', values.output], ['compare', values.compare]] as const) {
    if (value === '') return usageError(`--${name} needs a file name`);
  }
  if (command === 'metrics') {
    const format = values.format ?? 'text';
    if (!(METRICS_FORMATS as readonly string[]).includes(format)) return usageError(`unknown format "${format}" for metrics: use ${METRICS_FORMATS.join(', ')}`);
    for (const option of ['fix', 'fix-dry-run', 'max-warnings', 'timing'] as const) if (values[option] !== undefined) return usageError(`--${option} is an option of "cardinal scan", not of "cardinal metrics"`);
    return { kind: 'metrics', options: { paths: paths.length > 0 ? paths : ['.'], format: format as MetricsFormat, config: values.config, output: values.output, compare: values.compare } };
  }
  if (command !== 'scan') return usageError(`unknown command "${command}": the commands are "scan", "metrics" and "rules"`);
  if (values.compare !== undefined) return usageError('--compare is an option of "cardinal metrics"');

  const format = values.format ?? 'text';
  if (!isOutputFormat(format)) return usageError(`unknown format "${format}": use ${OUTPUT_FORMATS.join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? 0 : parseCount(values['max-warnings']);
  if (maxWarnings === undefined) return usageError(`--max-warnings takes a whole number of warnings, not "${values['max-warnings']}"`);
  if (values.fix && values['fix-dry-run']) return usageError('--fix and --fix-dry-run cannot be used together');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  return {
    kind: 'scan',
    options: { paths: paths.length > 0 ? paths : ['.'], format, config: values.config, output: values.output, maxWarnings, timing: values.timing ?? false, ...(fix ? { fix } : {}) },
  };
}

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function usageError(message: string): ParsedArguments {
  return { kind: 'usage-error', message };
}
