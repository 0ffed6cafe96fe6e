/**
 * How the configuration files above a file combine, as ESLint users expect: every
 * `cardinal.config.json` from the file's folder up to the first one with `"root": true` (or the file
 * system's root) applies, the nearest last. `rules` merge rule by rule; `sinks`, `sources`,
 * `sanitizers` and `exclude` add up, so a package's config extends its repository's; the nearest
 * `httpMethod` wins. Each file's
 * `exclude` globs stay relative to that file's folder. Pure: the caller reads the files.
 */
import { parseJson } from './config-json';
import { validateConfig } from './config-schema';
import { DEFAULT_CONFIG, type CardinalConfig, type ConfigProblem } from './config-types';

/** One configuration file: its name (for problems), its folder relative to the outermost one's, and its text. */
export interface ConfigLayer {
  readonly file: string;
  /** Forward slashes, no leading or trailing slash; '' for the outermost layer's own folder. */
  readonly relativeDirectory: string;
  readonly text: string;
}

export interface CascadedConfig {
  /** Exclude globs are relative to the outermost layer's folder. */
  readonly config: CardinalConfig;
  readonly problems: readonly ConfigProblem[];
}

/** Whether a configuration text says `"root": true`: the search for configs above it stops there. */
export function isRootConfig(text: string): boolean {
  const parsed = parseJson(text);
  return parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && (parsed.value as { root?: unknown }).root === true;
}

/** The configuration of `layers`, outermost first, over `base` (the defaults unless given). */
export function cascadeConfigs(layers: readonly ConfigLayer[], base: CardinalConfig = DEFAULT_CONFIG): CascadedConfig {
  const problems: ConfigProblem[] = [];
  let rules = { ...base.rules };
  const sinks = [...base.sinks];
  const sources = [...base.sources];
  const sanitizers = [...base.sanitizers];
  const exclude = [...base.exclude];
  let httpMethod = base.httpMethod;
  let maxSeriesPerMetric = base.maxSeriesPerMetric;
  for (const layer of layers) {
    const parsed = parseJson(layer.text);
    if (!parsed.ok) {
      problems.push({ file: layer.file, key: '', message: `invalid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}`, position: { line: parsed.line, column: parsed.column } });
      continue;
    }
    const { overrides, problems: layerProblems } = validateConfig(parsed.value, layer.file);
    problems.push(...layerProblems);
    rules = { ...rules, ...overrides.rules };
    sinks.push(...(overrides.sinks ?? []));
    sources.push(...(overrides.sources ?? []));
    sanitizers.push(...(overrides.sanitizers ?? []));
    exclude.push(...(overrides.exclude ?? []).map((glob) => rebase(glob, layer.relativeDirectory)));
    httpMethod = overrides.httpMethod ?? httpMethod;
    maxSeriesPerMetric = overrides.maxSeriesPerMetric ?? maxSeriesPerMetric;
  }
  const config: CardinalConfig = Object.freeze({
    rules: Object.freeze(rules),
    sinks: Object.freeze(sinks),
    sources: Object.freeze(sources),
    sanitizers: Object.freeze(sanitizers),
    exclude: Object.freeze(exclude),
    httpMethod,
    maxSeriesPerMetric,
  });
  return { config, problems };
}

/** A glob relative to a nested folder, made relative to the outermost one. */
function rebase(glob: string, relativeDirectory: string): string {
  if (relativeDirectory === '') return glob;
  return `${relativeDirectory}/${glob.replace(/^\.\//, '')}`;
}
