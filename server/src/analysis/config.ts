/**
 * Reading a configuration: the text of `cardinal.config.json` (for the CLI and the language server) or
 * the raw settings object of an editor, validated and merged over defaults. Pure: callers read files.
 *
 * Merging: `rules` merges rule by rule over the base; `sinks`, `sources`, `sanitizers` and `exclude`
 * replace the base's list when present, and so does `httpMethod`.
 */
import { parseJson } from './config-json';
import { validateConfig } from './config-schema';
import { CardinalConfig, ConfigProblem, DEFAULT_CONFIG } from './config-types';

/** The name of the configuration file the CLI and the language server look for. */
export const CONFIG_FILE_NAME = 'cardinal.config.json';

/** A usable configuration, and every problem found on the way (the config holds the valid parts). */
export interface ConfigResult {
  readonly config: CardinalConfig;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Parses the text of a configuration file. `file` only names the file in problems. Invalid JSON yields
 * `base` unchanged and one problem (key `""`) whose message carries the line and column.
 */
export function parseConfig(text: string, file: string, base: CardinalConfig = DEFAULT_CONFIG): ConfigResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      config: base,
      problems: [{ file, key: '', message: `invalid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}`, position: { line: parsed.line, column: parsed.column } }],
    };
  }
  return normalizeConfig(parsed.value, file, base);
}

/**
 * Validates a configuration object of unknown shape (parsed JSON, or the `cardinal.*` settings an editor
 * sends) and merges its valid parts over `base`. `undefined` and `null` mean "nothing configured".
 * `file` names the origin in problems (a path, or e.g. "settings" for editor settings).
 */
export function normalizeConfig(raw: unknown, file: string, base: CardinalConfig = DEFAULT_CONFIG): ConfigResult {
  const { overrides, problems } = validateConfig(raw, file);
  const config: CardinalConfig = Object.freeze({
    rules: Object.freeze({ ...base.rules, ...overrides.rules }),
    sinks: Object.freeze(overrides.sinks ?? base.sinks),
    sources: Object.freeze(overrides.sources ?? base.sources),
    sanitizers: Object.freeze(overrides.sanitizers ?? base.sanitizers),
    exclude: Object.freeze(overrides.exclude ?? base.exclude),
    httpMethod: overrides.httpMethod ?? base.httpMethod,
    maxSeriesPerMetric: overrides.maxSeriesPerMetric ?? base.maxSeriesPerMetric,
  });
  return { config, problems };
}

/** `file: key: message`, or `file: message` for problems about the whole file; for terminals and logs. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return problem.key === '' ? `${problem.file}: ${problem.message}` : `${problem.file}: ${problem.key}: ${problem.message}`;
}
