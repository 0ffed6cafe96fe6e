import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as ConfigModule from '../../server/src/analysis/config';
import type * as CoreModule from '../../server/src/analysis';
import { loadServerModule } from '../support/server-module';

const { parseConfig, normalizeConfig, formatConfigProblem } = loadServerModule<typeof ConfigModule>('analysis/config');
const { DEFAULT_CONFIG } = loadServerModule<typeof CoreModule>('analysis');

const FILE = 'cardinal.config.json';

interface BadConfig {
  readonly name: string;
  /** A JSON value (serialised for the test) or, for syntax errors, the raw text. */
  readonly config: unknown;
  readonly raw?: true;
  readonly key: string;
  readonly message: string;
}

const BAD_CONFIGS: readonly BadConfig[] = [
  { name: 'trailing comma', raw: true, config: '{\n  "rules": {\n    "raw-path-label": "error",\n  }\n}', key: '', message: 'invalid JSON at line 4, column 3: Expected double-quoted property name' },
  { name: 'missing colon', raw: true, config: '{\n  "exclude" ["a"]\n}', key: '', message: "invalid JSON at line 2, column 13: Expected ':' after property name" },
  { name: 'empty file', raw: true, config: '', key: '', message: 'invalid JSON at line 1, column 1: Unexpected end of JSON input' },
  { name: 'comment', raw: true, config: '{ // no comments\n}', key: '', message: "invalid JSON at line 1, column 3: Expected property name or '}'" },
  { name: 'not an object', config: ['rules'], key: '', message: 'the configuration must be an object (got an array)' },
  { name: 'misspelt top-level key', config: { sink: [] }, key: 'sink', message: 'unknown key "sink"; did you mean "sinks"?' },
  { name: 'top-level key in another case', config: { Exclude: [] }, key: 'Exclude', message: 'unknown key "Exclude"; did you mean "exclude"?' },
  { name: 'unrelated top-level key', config: { colour: 'red' }, key: 'colour', message: 'unknown key "colour"' },
  { name: '$schema not a string', config: { $schema: 1 }, key: '$schema', message: 'must be a string (got number 1)' },
  { name: 'rules not an object', config: { rules: [] }, key: 'rules', message: 'must be an object mapping rule ids to severities (got an array)' },
  { name: 'rule id prefix', config: { rules: { 'raw-path': 'off' } }, key: 'rules.raw-path', message: 'unknown rule id "raw-path"; did you mean "raw-path-label"?' },
  { name: 'rule id typo', config: { rules: { 'unbounded-lable': 'off' } }, key: 'rules.unbounded-lable', message: 'unknown rule id "unbounded-lable"; did you mean "unbounded-label"?' },
  { name: 'unknown rule id', config: { rules: { 'no-console': 'off' } }, key: 'rules.no-console', message: 'unknown rule id "no-console"' },
  {
    name: 'abbreviated severity',
    config: { rules: { 'unbounded-label': 'warn' } },
    key: 'rules.unbounded-label',
    message: 'the severity must be one of "error", "warning", "info", "hint", "off" (got "warn"); did you mean "warning"?',
  },
  {
    name: 'numeric severity',
    config: { rules: { 'raw-path-label': 2 } },
    key: 'rules.raw-path-label',
    message: 'the severity must be one of "error", "warning", "info", "hint", "off" (got number 2)',
  },
  { name: 'sinks not an array', config: { sinks: { function: 'f' } }, key: 'sinks', message: 'must be an array (got an object)' },
  { name: 'sink not an object', config: { sinks: ['recordRequest'] }, key: 'sinks[0]', message: 'must be an object like { "function": "recordRequest", "labels": { "route": 0 } } (got the string "recordRequest")' },
  { name: 'negative label index', config: { sinks: [{ function: 'recordRequest', labels: { route: -1 } }] }, key: 'sinks[0].labels.route', message: 'the argument index must be a non-negative integer (got -1)' },
  { name: 'fractional label index', config: { sinks: [{ function: 'recordRequest', labels: { route: 1.5 } }] }, key: 'sinks[0].labels.route', message: 'the argument index must be a non-negative integer (got 1.5)' },
  { name: 'label index as a string', config: { sinks: [{ function: 'recordRequest', labels: { route: '0' } }] }, key: 'sinks[0].labels.route', message: 'the argument index must be a non-negative integer (got the string "0")' },
  { name: 'label name with a dot', config: { sinks: [{ function: 'record', labels: { 'http.route': -2 } }] }, key: 'sinks[0].labels["http.route"]', message: 'the argument index must be a non-negative integer (got -2)' },
  { name: 'two labels on one argument', config: { sinks: [{ function: 'record', labels: { route: 0, path: 0 } }] }, key: 'sinks[0].labels.path', message: 'argument 0 is already the label "route"' },
  { name: 'no labels', config: { sinks: [{ function: 'record', labels: {} }] }, key: 'sinks[0].labels', message: 'must name at least one label, e.g. { "route": 0 }' },
  { name: 'labels missing', config: { sinks: [{ function: 'record' }] }, key: 'sinks[0].labels', message: 'is required: an object mapping label names to argument indexes' },
  { name: 'empty sink function', config: { sinks: [{ function: '', labels: { route: 0 } }] }, key: 'sinks[0].function', message: 'a function name cannot be empty' },
  { name: 'blank sink function', config: { sinks: [{ function: '  ', labels: { route: 0 } }] }, key: 'sinks[0].function', message: 'a function name cannot be empty' },
  {
    name: 'sink function with parentheses',
    config: { sinks: [{ function: 'recordRequest()', labels: { route: 0 } }] },
    key: 'sinks[0].function',
    message: '"recordRequest()" is not a function name; write it as called, without parentheses: recordRequest or metrics.recordRequest',
  },
  { name: 'misspelt sink key', config: { sinks: [{ function: 'record', labels: { route: 0 }, lables: { path: 1 } }] }, key: 'sinks[0].lables', message: 'unknown key "lables"; did you mean "labels"?' },
  {
    name: 'source with neither function nor property',
    config: { sources: [{ kind: 'unbounded' }] },
    key: 'sources[0]',
    message: 'needs either "function" (a call such as getTenantId) or "property" (a read such as ctx.state.user)',
  },
  {
    name: 'source with both function and property',
    config: { sources: [{ function: 'getTenantId', property: 'ctx.state.tenant', kind: 'unbounded' }] },
    key: 'sources[0]',
    message: 'has both "function" and "property": a source is one or the other; split it into two entries',
  },
  { name: 'source kind typo', config: { sources: [{ function: 'getTenantId', kind: 'raw' }] }, key: 'sources[0].kind', message: 'must be one of "raw-path", "unbounded" (got "raw"); did you mean "raw-path"?' },
  { name: 'source kind missing', config: { sources: [{ function: 'getTenantId' }] }, key: 'sources[0].kind', message: 'is required: one of "raw-path", "unbounded"' },
  { name: 'empty source function', config: { sources: [{ function: '', kind: 'unbounded' }] }, key: 'sources[0].function', message: 'a function name cannot be empty' },
  {
    name: 'source property without a dot',
    config: { sources: [{ property: 'user', kind: 'unbounded' }] },
    key: 'sources[0].property',
    message: '"user" is not a property path; write the object and its properties joined by dots, e.g. ctx.state.user',
  },
  { name: 'source description not a string', config: { sources: [{ function: 'f', kind: 'unbounded', description: 3 }] }, key: 'sources[0].description', message: 'must be a string (got number 3)' },
  { name: 'empty sanitizer', config: { sanitizers: ['normalizeRoute', ''] }, key: 'sanitizers[1]', message: 'a function name cannot be empty' },
  { name: 'sanitizers not an array', config: { sanitizers: 'normalizeRoute' }, key: 'sanitizers', message: 'must be an array (got the string "normalizeRoute")' },
  { name: 'absolute glob', config: { exclude: ['/srv/app/**'] }, key: 'exclude[0]', message: '"/srv/app/**" is absolute; globs are relative to the folder of the configuration file' },
  { name: 'Windows absolute glob', config: { exclude: ['C:\\app\\**'] }, key: 'exclude[0]', message: '"C:\\app\\**" is absolute; globs are relative to the folder of the configuration file' },
  { name: 'glob escaping the folder', config: { exclude: ['src/../../shared/**'] }, key: 'exclude[0]', message: '"src/../../shared/**" leaves the folder of the configuration file with ".."; globs can only match files below it' },
  { name: 'unbalanced glob', config: { exclude: ['src/[abc'] }, key: 'exclude[0]', message: '"src/[abc" is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters' },
  { name: 'empty glob', config: { exclude: [''] }, key: 'exclude[0]', message: 'a glob cannot be empty' },
  { name: 'glob not a string', config: { exclude: [42] }, key: 'exclude[0]', message: 'must be a glob string (got number 42)' },
  { name: 'httpMethod typo', config: { httpMethod: 'warn' }, key: 'httpMethod', message: 'the severity must be one of "error", "warning", "info", "hint", "off" (got "warn"); did you mean "warning"?' },
  { name: 'httpMethod not a string', config: { httpMethod: true }, key: 'httpMethod', message: 'the severity must be one of "error", "warning", "info", "hint", "off" (got boolean true)' },
  { name: 'maxSeriesPerMetric zero', config: { maxSeriesPerMetric: 0 }, key: 'maxSeriesPerMetric', message: 'must be a positive integer (got 0)' },
  { name: 'maxSeriesPerMetric a string', config: { maxSeriesPerMetric: '2000' }, key: 'maxSeriesPerMetric', message: 'must be a positive integer (got the string "2000")' },
];

describe('parseConfig: bad configurations', () => {
  for (const bad of BAD_CONFIGS) {
    test(bad.name, () => {
      const text = bad.raw ? (bad.config as string) : JSON.stringify(bad.config, null, 2);
      const { problems } = parseConfig(text, FILE);
      // A syntax error also carries its position, for the diagnostic in the file itself.
      const at = /^invalid JSON at line (\d+), column (\d+)/.exec(bad.message);
      const position = at ? { position: { line: Number(at[1]), column: Number(at[2]) } } : {};
      assert.deepEqual(problems, [{ file: FILE, key: bad.key, message: bad.message, ...position }]);
    });
  }
});

describe('parseConfig: good configurations', () => {
  test('an empty object is the defaults', () => {
    const { config, problems } = parseConfig('{}', FILE);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, DEFAULT_CONFIG);
  });

  test('rules merge one by one over the defaults; lists are taken as given', () => {
    const text = JSON.stringify({
      $schema: './node_modules/cardinal/cardinal.schema.json',
      rules: { 'suspicious-label-name': 'off', 'unbounded-label': 'error' },
      sinks: [{ function: 'metrics.recordRequest', labels: { route: 0, status: 1 } }],
      sources: [
        { function: 'getTenantId', kind: 'unbounded', description: 'tenant id' },
        { property: 'ctx.state.rawPath', kind: 'raw-path' },
      ],
      sanitizers: ['normalizeRoute'],
      exclude: ['**/*.generated.ts', 'legacy/**'],
      httpMethod: 'warning',
      maxSeriesPerMetric: 500,
    });
    const { config, problems } = parseConfig(text, FILE);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: {
        'raw-path-label': 'error',
        'unbounded-label': 'error',
        'route-pattern-too-early': 'warning',
        'dynamic-metric-name': 'warning',
        'suspicious-label-name': 'off',
        'series-budget': 'warning',
        'unused-suppression': 'warning',
      },
      sinks: [{ function: 'metrics.recordRequest', labels: { route: 0, status: 1 } }],
      sources: [
        { function: 'getTenantId', kind: 'unbounded', description: 'tenant id' },
        { property: 'ctx.state.rawPath', kind: 'raw-path' },
      ],
      sanitizers: ['normalizeRoute'],
      exclude: ['**/*.generated.ts', 'legacy/**'],
      httpMethod: 'warning',
      maxSeriesPerMetric: 500,
    });
  });

  test('the result is frozen', () => {
    const { config } = parseConfig('{"sanitizers": ["normalizeRoute"]}', FILE);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.rules) && Object.isFrozen(config.sanitizers));
  });

  test('invalid entries are dropped and reported; the valid ones are kept', () => {
    const text = JSON.stringify({
      rules: { 'raw-path-label': 'warning', 'dynamic-metric-name': 'loud' },
      sinks: [{ function: 'recordRequest', labels: { route: 0 } }, { function: 'broken', labels: { route: -1 } }],
      sanitizers: ['normalizeRoute', 7],
    });
    const { config, problems } = parseConfig(text, FILE);
    assert.deepEqual(
      problems.map((problem) => problem.key),
      ['rules.dynamic-metric-name', 'sinks[1].labels.route', 'sanitizers[1]'],
    );
    assert.equal(config.rules['raw-path-label'], 'warning');
    assert.equal(config.rules['dynamic-metric-name'], 'warning');
    assert.deepEqual(config.sinks, [{ function: 'recordRequest', labels: { route: 0 } }]);
    assert.deepEqual(config.sanitizers, ['normalizeRoute']);
  });

  test('every problem of a config is reported, in document order', () => {
    const { problems } = parseConfig(JSON.stringify({ rulez: {}, sources: [{ kind: 'x' }] }), FILE);
    assert.deepEqual(
      problems.map((problem) => `${problem.key}: ${problem.message}`),
      [
        'rulez: unknown key "rulez"; did you mean "rules"?',
        'sources[0]: needs either "function" (a call such as getTenantId) or "property" (a read such as ctx.state.user)',
        'sources[0].kind: must be one of "raw-path", "unbounded" (got "x")',
      ],
    );
  });
});

describe('normalizeConfig (editor settings)', () => {
  test('undefined and null mean nothing configured', () => {
    for (const raw of [undefined, null]) {
      const { config, problems } = normalizeConfig(raw, 'settings');
      assert.deepEqual(problems, []);
      assert.deepEqual(config, DEFAULT_CONFIG);
    }
  });

  test('layers over a base: rules per rule, lists replaced only when present', () => {
    const base = parseConfig(JSON.stringify({ rules: { 'raw-path-label': 'warning' }, sanitizers: ['normalizeRoute'], exclude: ['gen/**'] }), FILE).config;
    const { config, problems } = normalizeConfig({ rules: { 'unbounded-label': 'off' }, exclude: [] }, 'settings', base);
    assert.deepEqual(problems, []);
    assert.equal(config.rules['raw-path-label'], 'warning');
    assert.equal(config.rules['unbounded-label'], 'off');
    assert.deepEqual(config.sanitizers, ['normalizeRoute']);
    assert.deepEqual(config.exclude, []);
  });

  test('problems name the origin given', () => {
    const { problems } = normalizeConfig({ rules: 'strict' }, 'settings');
    assert.deepEqual(problems, [{ file: 'settings', key: 'rules', message: 'must be an object mapping rule ids to severities (got the string "strict")' }]);
  });
});

test('formatConfigProblem names file, key and problem', () => {
  assert.equal(formatConfigProblem({ file: FILE, key: 'sinks[0].labels.route', message: 'bad' }), 'cardinal.config.json: sinks[0].labels.route: bad');
  assert.equal(formatConfigProblem({ file: FILE, key: '', message: 'invalid JSON' }), 'cardinal.config.json: invalid JSON');
});
