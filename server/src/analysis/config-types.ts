import type { RuleId, Severity } from './finding';
import { RULES } from './rules';

/**
 * The configuration the analysis runs with, after validation and defaults. The same shape comes from
 * `cardinal.config.json` (read by the CLI and the server) and from the editor's `cardinal.*` settings.
 */
export interface CardinalConfig {
  /** Per rule: its severity, or 'off'. Every rule id is present. */
  readonly rules: Readonly<Record<RuleId, Severity | 'off'>>;
  /** A team's own functions whose arguments become labels, e.g. `recordRequest(route, status)`. */
  readonly sinks: readonly CustomSink[];
  /** Extra unbounded producers, e.g. `getTenantId()` or a property `ctx.state.user`. */
  readonly sources: readonly CustomSource[];
  /** Functions whose result is bounded whatever their input, e.g. `normalizeRoute`. */
  readonly sanitizers: readonly string[];
  /** Globs (relative to the config's folder) of files never analysed. */
  readonly exclude: readonly string[];
  /**
   * The severity of a label fed by the request's HTTP method where the server accepts any method
   * token (Go's net/http), or 'off' to count the method as bounded. Turning `unbounded-label` off turns it off too.
   */
  readonly httpMethod: Severity | 'off';
  /** A metric whose worst case is more series than this gets `series-budget` (the OTel SDK's default cap, past which it merges series). */
  readonly maxSeriesPerMetric: number;
}

export interface CustomSink {
  /** The function or method name as called: `recordRequest`, or `metrics.recordRequest`. */
  readonly function: string;
  /** Argument index → label name. */
  readonly labels: Readonly<Record<string, number>>;
}

export interface CustomSource {
  /** A function or method call (`getTenantId`) or a property path (`ctx.state.user`). */
  readonly function?: string;
  readonly property?: string;
  /** Treat it as a raw path (`raw-path-label`) or any other unbounded value (`unbounded-label`). */
  readonly kind: 'raw-path' | 'unbounded';
  readonly description?: string;
}

/** A problem in a configuration, with enough context for a person to fix it. */
export interface ConfigProblem {
  readonly file: string;
  /** A JSON path like `rules.raw-path-label` or `sinks[0].labels`. */
  readonly key: string;
  readonly message: string;
  /** Where a syntax error is (1-based), for a file that is not JSON. */
  readonly position?: { readonly line: number; readonly column: number };
}

/** Defaults: every rule on at the severity its module declares, nothing custom. */
export const DEFAULT_CONFIG: CardinalConfig = Object.freeze({
  rules: Object.freeze(Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])) as Record<RuleId, Severity>),
  sinks: Object.freeze([]),
  sources: Object.freeze([]),
  sanitizers: Object.freeze([]),
  exclude: Object.freeze([]),
  httpMethod: 'info',
  maxSeriesPerMetric: 2000,
});
