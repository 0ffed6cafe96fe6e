/**
 * Validation of a configuration object, whatever it came from (a parsed `cardinal.config.json`, the
 * editor's settings). Every problem is reported with the JSON path of the offending key; invalid
 * entries are dropped and valid ones kept, so one typo does not switch the rest of a config off.
 */
import picomatch from 'picomatch';
import type { CardinalConfig, ConfigProblem, CustomSink, CustomSource } from './config-types';
import { suggestName } from './did-you-mean';
import { RULE_IDS, RuleId, Severity } from './finding';

/** The parts of a configuration that were present and valid. */
export type ConfigOverrides = {
  -readonly [K in keyof CardinalConfig]?: K extends 'rules' ? Partial<Record<RuleId, Severity | 'off'>> : CardinalConfig[K];
};

/** Every key a configuration may have at its top level (the JSON Schema lists the same). */
export const TOP_LEVEL_KEYS = ['$schema', 'root', 'rules', 'sinks', 'sources', 'sanitizers', 'exclude', 'httpMethod', 'maxSeriesPerMetric'] as const;
const SINK_KEYS = ['function', 'labels'] as const;
const SOURCE_KEYS = ['function', 'property', 'kind', 'description'] as const;
const RULE_LEVELS: readonly (Severity | 'off')[] = ['error', 'warning', 'info', 'hint', 'off'];
const SOURCE_KINDS: readonly CustomSource['kind'][] = ['raw-path', 'unbounded'];

/** `recordRequest`, `metrics.recordRequest`: identifiers joined by dots. */
const DOTTED_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$/u;
/** Keys printed bare in a JSON path; anything else is quoted in brackets. */
const PLAIN_KEY = /^[\p{L}_$][\p{L}\p{N}_$-]*$/u;

/** Collects problems for one file while the validator walks the object. */
class ProblemLog {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly file: string) {}

  report(key: string, message: string): void {
    this.problems.push({ file: this.file, key, message });
  }
}

/** Validates `raw` against the configuration shape; see the file comment for what happens to bad parts. */
export function validateConfig(raw: unknown, file: string): { overrides: ConfigOverrides; problems: ConfigProblem[] } {
  const log = new ProblemLog(file);
  const overrides: ConfigOverrides = {};
  if (raw === undefined || raw === null) return { overrides, problems: log.problems };
  if (!isPlainObject(raw)) {
    log.report('', `the configuration must be an object (got ${describeType(raw)})`);
    return { overrides, problems: log.problems };
  }
  reportUnknownKeys(raw, TOP_LEVEL_KEYS, '', log);
  if (raw.$schema !== undefined && typeof raw.$schema !== 'string') {
    log.report('$schema', `must be a string (got ${describeType(raw.$schema)})`);
  }
  if (raw.root !== undefined && typeof raw.root !== 'boolean') {
    log.report('root', `must be true or false (got ${describeType(raw.root)})`);
  }
  if (raw.rules !== undefined) overrides.rules = validateRules(raw.rules, log);
  if (raw.sinks !== undefined) overrides.sinks = validateList(raw.sinks, 'sinks', log, validateSink);
  if (raw.sources !== undefined) overrides.sources = validateList(raw.sources, 'sources', log, validateSource);
  if (raw.sanitizers !== undefined) overrides.sanitizers = validateList(raw.sanitizers, 'sanitizers', log, validateFunctionName);
  if (raw.exclude !== undefined) overrides.exclude = validateList(raw.exclude, 'exclude', log, validateGlob);
  if (raw.httpMethod !== undefined) {
    const level = validateLevel(raw.httpMethod, 'httpMethod', log);
    if (level !== undefined) overrides.httpMethod = level;
  }
  if (raw.maxSeriesPerMetric !== undefined) {
    const limit = raw.maxSeriesPerMetric;
    if (typeof limit === 'number' && Number.isInteger(limit) && limit >= 1) overrides.maxSeriesPerMetric = limit;
    else log.report('maxSeriesPerMetric', `must be a positive integer (got ${typeof limit === 'number' ? limit : describeType(limit)})`);
  }
  return { overrides, problems: log.problems };
}

function validateRules(raw: unknown, log: ProblemLog): Partial<Record<RuleId, Severity | 'off'>> {
  const rules: Partial<Record<RuleId, Severity | 'off'>> = {};
  if (!isPlainObject(raw)) {
    log.report('rules', `must be an object mapping rule ids to severities (got ${describeType(raw)})`);
    return rules;
  }
  for (const [id, level] of Object.entries(raw)) {
    const key = joinKey('rules', id);
    if (!isRuleId(id)) {
      log.report(key, withSuggestion(`unknown rule id "${id}"`, id, RULE_IDS));
    } else {
      const valid = validateLevel(level, key, log);
      if (valid !== undefined) rules[id] = valid;
    }
  }
  return rules;
}

/** A severity or 'off'; undefined (and a problem) otherwise. */
function validateLevel(level: unknown, key: string, log: ProblemLog): Severity | 'off' | undefined {
  if (typeof level === 'string' && RULE_LEVELS.includes(level as Severity)) return level as Severity | 'off';
  const got = typeof level === 'string' ? `"${level}"` : describeType(level);
  const message = `the severity must be one of ${quoteAll(RULE_LEVELS)} (got ${got})`;
  log.report(key, typeof level === 'string' ? withSuggestion(message, level, RULE_LEVELS) : message);
  return undefined;
}

/** Validates each element of an array; the elements that fail are left out of the result. */
function validateList<T>(
  raw: unknown,
  key: string,
  log: ProblemLog,
  validateElement: (element: unknown, key: string, log: ProblemLog) => T | undefined,
): T[] {
  if (!Array.isArray(raw)) {
    log.report(key, `must be an array (got ${describeType(raw)})`);
    return [];
  }
  const valid: T[] = [];
  raw.forEach((element, index) => {
    const value = validateElement(element, `${key}[${index}]`, log);
    if (value !== undefined) valid.push(value);
  });
  return valid;
}

function validateSink(raw: unknown, key: string, log: ProblemLog): CustomSink | undefined {
  if (!isPlainObject(raw)) {
    log.report(key, `must be an object like { "function": "recordRequest", "labels": { "route": 0 } } (got ${describeType(raw)})`);
    return undefined;
  }
  reportUnknownKeys(raw, SINK_KEYS, key, log);
  const functionKey = joinKey(key, 'function');
  const labelsKey = joinKey(key, 'labels');
  if (raw.function === undefined) log.report(functionKey, 'is required: the name of the function whose arguments are labels');
  if (raw.labels === undefined) log.report(labelsKey, 'is required: an object mapping label names to argument indexes');
  const functionName = raw.function === undefined ? undefined : validateFunctionName(raw.function, functionKey, log);
  const labels = raw.labels === undefined ? undefined : validateSinkLabels(raw.labels, labelsKey, log);
  return functionName !== undefined && labels !== undefined ? { function: functionName, labels } : undefined;
}

function validateSinkLabels(raw: unknown, key: string, log: ProblemLog): Record<string, number> | undefined {
  if (!isPlainObject(raw)) {
    log.report(key, `must be an object mapping label names to argument indexes (got ${describeType(raw)})`);
    return undefined;
  }
  const entries = Object.entries(raw);
  if (entries.length === 0) {
    log.report(key, 'must name at least one label, e.g. { "route": 0 }');
    return undefined;
  }
  const labels: Record<string, number> = {};
  const labelByIndex = new Map<number, string>();
  let valid = true;
  for (const [label, index] of entries) {
    const labelKey = joinKey(key, label);
    if (label.trim() === '') {
      log.report(labelKey, 'a label name cannot be empty');
      valid = false;
    } else if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) {
      log.report(labelKey, `the argument index must be a non-negative integer (got ${typeof index === 'number' ? index : describeType(index)})`);
      valid = false;
    } else if (labelByIndex.has(index)) {
      log.report(labelKey, `argument ${index} is already the label "${labelByIndex.get(index)}"`);
      valid = false;
    } else {
      labelByIndex.set(index, label);
      labels[label] = index;
    }
  }
  return valid ? labels : undefined;
}

function validateSource(raw: unknown, key: string, log: ProblemLog): CustomSource | undefined {
  if (!isPlainObject(raw)) {
    log.report(key, `must be an object like { "function": "getTenantId", "kind": "unbounded" } (got ${describeType(raw)})`);
    return undefined;
  }
  reportUnknownKeys(raw, SOURCE_KEYS, key, log);
  let valid = true;
  if (raw.function === undefined && raw.property === undefined) {
    log.report(key, 'needs either "function" (a call such as getTenantId) or "property" (a read such as ctx.state.user)');
    valid = false;
  } else if (raw.function !== undefined && raw.property !== undefined) {
    log.report(key, 'has both "function" and "property": a source is one or the other; split it into two entries');
    valid = false;
  }
  const functionName = raw.function === undefined ? undefined : validateFunctionName(raw.function, joinKey(key, 'function'), log);
  const property = raw.property === undefined ? undefined : validatePropertyPath(raw.property, joinKey(key, 'property'), log);
  if ((raw.function !== undefined && functionName === undefined) || (raw.property !== undefined && property === undefined)) valid = false;
  const kind = validateSourceKind(raw.kind, joinKey(key, 'kind'), log);
  if (kind === undefined) valid = false;
  if (raw.description !== undefined && typeof raw.description !== 'string') {
    log.report(joinKey(key, 'description'), `must be a string (got ${describeType(raw.description)})`);
    valid = false;
  }
  if (!valid || kind === undefined) return undefined;
  return {
    ...(functionName !== undefined ? { function: functionName } : { property }),
    kind,
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
  };
}

function validateSourceKind(raw: unknown, key: string, log: ProblemLog): CustomSource['kind'] | undefined {
  if (raw === undefined) {
    log.report(key, `is required: one of ${quoteAll(SOURCE_KINDS)}`);
    return undefined;
  }
  if (typeof raw !== 'string' || !SOURCE_KINDS.includes(raw as CustomSource['kind'])) {
    const got = typeof raw === 'string' ? `"${raw}"` : describeType(raw);
    const message = `must be one of ${quoteAll(SOURCE_KINDS)} (got ${got})`;
    log.report(key, typeof raw === 'string' ? withSuggestion(message, raw, SOURCE_KINDS) : message);
    return undefined;
  }
  return raw as CustomSource['kind'];
}

function validateFunctionName(raw: unknown, key: string, log: ProblemLog): string | undefined {
  if (typeof raw !== 'string') {
    log.report(key, `must be a function name (got ${describeType(raw)})`);
    return undefined;
  }
  if (raw.trim() === '') {
    log.report(key, 'a function name cannot be empty');
    return undefined;
  }
  if (!DOTTED_NAME.test(raw)) {
    log.report(key, `"${raw}" is not a function name; write it as called, without parentheses: recordRequest or metrics.recordRequest`);
    return undefined;
  }
  return raw;
}

function validatePropertyPath(raw: unknown, key: string, log: ProblemLog): string | undefined {
  if (typeof raw !== 'string') {
    log.report(key, `must be a property path such as ctx.state.user (got ${describeType(raw)})`);
    return undefined;
  }
  if (!DOTTED_NAME.test(raw) || !raw.includes('.')) {
    log.report(key, `"${raw}" is not a property path; write the object and its properties joined by dots, e.g. ctx.state.user`);
    return undefined;
  }
  return raw;
}

/**
 * Glob matching backtracks: each extra \`*\` in a path segment multiplies the work on a long file name
 * (five of them take seconds per name of 255 characters). Real globs use one or two.
 */
const MAX_WILDCARDS_PER_SEGMENT = 3;
const MAX_GLOB_LENGTH = 1024;

function validateGlob(raw: unknown, key: string, log: ProblemLog): string | undefined {
  if (typeof raw !== 'string') {
    log.report(key, `must be a glob string (got ${describeType(raw)})`);
    return undefined;
  }
  if (raw.trim() === '') {
    log.report(key, 'a glob cannot be empty');
    return undefined;
  }
  if (raw.startsWith('/') || /^[A-Za-z]:[\\/]/.test(raw)) {
    log.report(key, `"${raw}" is absolute; globs are relative to the folder of the configuration file`);
    return undefined;
  }
  const wildcards = Math.max(...raw.split(/[\\/]/).map((segment) => (segment === '**' ? 0 : (segment.match(/\*+/g) ?? []).length)));
  if (raw.length > MAX_GLOB_LENGTH || wildcards > MAX_WILDCARDS_PER_SEGMENT) {
    const why = raw.length > MAX_GLOB_LENGTH ? `is ${raw.length} characters long` : `has ${wildcards} "*" wildcards in one path segment`;
    log.report(key, `"${raw.slice(0, 80)}" ${why}; globs are limited to ${MAX_GLOB_LENGTH} characters and ${MAX_WILDCARDS_PER_SEGMENT} wildcards per segment, so that matching them stays fast`);
    return undefined;
  }
  if (raw.split(/[\\/]/).includes('..')) {
    log.report(key, `"${raw}" leaves the folder of the configuration file with ".."; globs can only match files below it`);
    return undefined;
  }
  try {
    picomatch.makeRe(raw, { strictBrackets: true });
  } catch (error) {
    log.report(key, `"${raw}" is not a valid glob: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return raw;
}

function reportUnknownKeys(object: Record<string, unknown>, known: readonly string[], parentKey: string, log: ProblemLog): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      log.report(joinKey(parentKey, key), withSuggestion(`unknown key "${key}"`, key, known.filter((name) => !name.startsWith('$'))));
    }
  }
}

function withSuggestion(message: string, name: string, candidates: readonly string[]): string {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? message : `${message}; did you mean "${suggestion}"?`;
}

/** `sinks[0].labels` + `route` → `sinks[0].labels.route`; keys that are not plain words are bracketed. */
export function joinKey(parent: string, key: string): string {
  const segment = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (parent === '') return segment;
  return segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
}

function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

function quoteAll(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
