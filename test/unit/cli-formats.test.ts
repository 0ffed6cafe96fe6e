/**
 * The three output formats, fed with hand-made findings (they do not need the analysis core).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/analysis';
import type * as JsonModule from '../../server/src/cli/json-format';
import type * as ReportModule from '../../server/src/cli/scan-report';
import type * as SarifModule from '../../server/src/cli/sarif-format';
import type * as TextModule from '../../server/src/cli/text-format';
import { sarifSchemaErrors } from './sarif-validator';
import { loadServerModule } from '../support/server-module';

const { formatText } = loadServerModule<typeof TextModule>('cli/text-format');
const { formatJson } = loadServerModule<typeof JsonModule>('cli/json-format');
const { formatSarif } = loadServerModule<typeof SarifModule>('cli/sarif-format');
const { exitCodeFor } = loadServerModule<typeof ReportModule>('cli/scan-report');

const MIDDLEWARE = '/repo/src/middleware.ts';
const METRICS = '/repo/src/metrics.ts';
const OUTSIDE = '/elsewhere/shared/labels.ts';

const SOURCES: Record<string, string> = {
  [MIDDLEWARE]: [
    "import { reqDuration } from './metrics';",
    'export function track(req, res) {',
    '  const endpoint = req.path;',
    '  const lvs = [String(res.statusCode), endpoint, req.method];',
    '  reqDuration.labels(...lvs).observe(1);',
    '}',
    '',
  ].join('\n'),
  [METRICS]: "export const hits = new Counter({ name: 'hits', help: 'h', labelNames: ['user_id'] });\n",
  [OUTSIDE]: "export const label = 'tenant';\n",
};

/** The span of the `occurrence`-th `snippet` in `file`. */
function span(file: string, snippet: string, occurrence = 1): { file: string; start: number; end: number } {
  let start = -1;
  for (let i = 0; i < occurrence; i++) start = SOURCES[file].indexOf(snippet, start + 1);
  assert.ok(start >= 0, `${snippet} in ${file}`);
  return { file, start, end: start + snippet.length };
}

const RAW_PATH: Finding = {
  ...span(MIDDLEWARE, '...lvs'),
  ruleId: 'raw-path-label',
  severity: 'error',
  message: 'label "endpoint" receives the raw request path `req.path`: one time series per distinct URL',
  label: 'endpoint',
  metric: 'http_request_duration_seconds',
  source: { ...span(MIDDLEWARE, 'req.path'), text: 'req.path', description: 'raw request path' },
  path: [
    { ...span(MIDDLEWARE, 'req.path'), note: 'raw request path `req.path`' },
    { ...span(MIDDLEWARE, 'endpoint', 2), note: '`endpoint` goes into the array `lvs`' },
    { ...span(MIDDLEWARE, '...lvs'), note: 'label "endpoint"' },
  ],
  fixes: [
    { kind: 'route-pattern', title: 'Use the route pattern', preferred: true, changes: [{ ...span(MIDDLEWARE, 'req.path'), newText: "req.route?.path ?? 'unmatched'" }] },
    {
      kind: 'suppress',
      title: 'Ignore this label here',
      preferred: false,
      changes: [{ file: MIDDLEWARE, start: span(MIDDLEWARE, '  reqDuration').start, end: span(MIDDLEWARE, '  reqDuration').start, newText: '  // cardinal-ignore raw-path-label: reason\n' }],
    },
  ],
};

const SUSPICIOUS: Finding = {
  ...span(METRICS, "'user_id'"),
  ruleId: 'suspicious-label-name',
  severity: 'hint',
  message: 'label name "user_id" usually holds unbounded values',
  label: 'user_id',
  path: [],
  fixes: [],
};

const OUTSIDE_ROOT: Finding = {
  ...span(OUTSIDE, "'tenant'"),
  ruleId: 'unbounded-label',
  severity: 'warning',
  message: 'label "tenant" receives a tenant id',
  path: [{ ...span(OUTSIDE, "'tenant'"), note: 'label "tenant"' }],
  fixes: [],
};

function report(findings: readonly Finding[], notes: ReportModule.ScanReport['notes'] = []): ReportModule.ScanReport {
  return { root: '/repo', findings, filesScanned: 3, notes, timing: { languages: [], files: [] }, inventory: { budgets: [], incomplete: [] }, readSource: (file) => SOURCES[file] };
}

describe('text format', () => {
  test('location, severity, rule and message; the flow one step a line; the preferred fix; a summary', () => {
    assert.equal(
      formatText(report([RAW_PATH, SUSPICIOUS]), { color: false }),
      [
        'src/middleware.ts:5:22 error raw-path-label label "endpoint" receives the raw request path `req.path`: one time series per distinct URL',
        '  ↳ src/middleware.ts:3:20 raw request path `req.path`',
        '  ↳ src/middleware.ts:4:40 `endpoint` goes into the array `lvs`',
        '  ↳ src/middleware.ts:5:22 label "endpoint"',
        '  fix: Use the route pattern',
        "src/metrics.ts:1:73 hint suspicious-label-name label name \"user_id\" usually holds unbounded values",
        '',
        '2 findings (1 error, 1 hint) in 3 files.',
        '',
      ].join('\n'),
    );
  });

  test('files outside the root are shown relative to it', () => {
    assert.match(formatText(report([OUTSIDE_ROOT]), { color: false }), /^\.\.\/elsewhere\/shared\/labels\.ts:1:22 warning unbounded-label /);
  });

  test('a clean scan says so', () => {
    assert.equal(formatText(report([]), { color: false }), 'No findings in 3 files.\n');
  });

  test('colours only when asked', () => {
    const colored = formatText(report([RAW_PATH]), { color: true });
    assert.match(colored, /\u001b\[31merror\u001b\[0m/);
    assert.doesNotMatch(formatText(report([RAW_PATH]), { color: false }), /\u001b/);
  });
});

describe('json format', () => {
  test('the documented shape: 1-based lines and columns, offsets, the path and the fixes', () => {
    const document = JSON.parse(formatJson(report([RAW_PATH, SUSPICIOUS], [{ file: '/repo/big.js', message: 'skipped: larger than 2 MB (3 MB)' }]), '1.2.3'));
    assert.deepEqual(
      { ...document, findings: document.findings.length },
      {
        version: 1,
        tool: { name: 'cardinal', version: '1.2.3' },
        root: '/repo',
        summary: { files: 3, findings: 2, error: 1, warning: 0, info: 0, hint: 1 },
        notes: [{ file: 'big.js', message: 'skipped: larger than 2 MB (3 MB)' }],
        findings: 2,
      },
    );
    assert.deepEqual(document.findings[0], {
      ruleId: 'raw-path-label',
      severity: 'error',
      message: 'label "endpoint" receives the raw request path `req.path`: one time series per distinct URL',
      file: 'src/middleware.ts',
      start: { line: 5, column: 22, offset: RAW_PATH.start },
      end: { line: 5, column: 28, offset: RAW_PATH.end },
      label: 'endpoint',
      metric: 'http_request_duration_seconds',
      source: {
        text: 'req.path',
        description: 'raw request path',
        file: 'src/middleware.ts',
        start: { line: 3, column: 20, offset: RAW_PATH.source!.start },
        end: { line: 3, column: 28, offset: RAW_PATH.source!.end },
      },
      path: [
        { file: 'src/middleware.ts', start: { line: 3, column: 20, offset: RAW_PATH.path[0].start }, end: { line: 3, column: 28, offset: RAW_PATH.path[0].end }, note: 'raw request path `req.path`' },
        { file: 'src/middleware.ts', start: { line: 4, column: 40, offset: RAW_PATH.path[1].start }, end: { line: 4, column: 48, offset: RAW_PATH.path[1].end }, note: '`endpoint` goes into the array `lvs`' },
        { file: 'src/middleware.ts', start: { line: 5, column: 22, offset: RAW_PATH.start }, end: { line: 5, column: 28, offset: RAW_PATH.end }, note: 'label "endpoint"' },
      ],
      fixes: [
        {
          kind: 'route-pattern',
          title: 'Use the route pattern',
          preferred: true,
          changes: [{ file: 'src/middleware.ts', start: { line: 3, column: 20, offset: RAW_PATH.source!.start }, end: { line: 3, column: 28, offset: RAW_PATH.source!.end }, newText: "req.route?.path ?? 'unmatched'" }],
        },
        {
          kind: 'suppress',
          title: 'Ignore this label here',
          preferred: false,
          changes: [{ file: 'src/middleware.ts', start: { line: 5, column: 1, offset: RAW_PATH.fixes[1].changes[0].start }, end: { line: 5, column: 1, offset: RAW_PATH.fixes[1].changes[0].start }, newText: '  // cardinal-ignore raw-path-label: reason\n' }],
        },
      ],
    });
    assert.deepEqual(document.findings[1], {
      ruleId: 'suspicious-label-name',
      severity: 'hint',
      message: 'label name "user_id" usually holds unbounded values',
      file: 'src/metrics.ts',
      start: { line: 1, column: 73, offset: SUSPICIOUS.start },
      end: { line: 1, column: 82, offset: SUSPICIOUS.end },
      label: 'user_id',
      path: [],
      fixes: [],
    });
  });
});

describe('sarif format', () => {
  const log = JSON.parse(formatSarif(report([RAW_PATH, SUSPICIOUS, OUTSIDE_ROOT], [{ file: '/repo/big.js', message: 'skipped: larger than 2 MB (3 MB)' }]), '1.2.3'));
  const run = log.runs[0];

  test('is valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  test('the schema check catches a broken log', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[0].message;
    assert.ok(sarifSchemaErrors(broken).length >= 2);
  });

  test('the driver lists every rule module with its documentation and default level', () => {
    assert.equal(run.tool.driver.name, 'cardinal');
    assert.equal(run.tool.driver.version, '1.2.3');
    type SarifRule = { id: string; helpUri?: string; help: { markdown: string }; defaultConfiguration: { level: string } };
    assert.deepEqual(
      run.tool.driver.rules.map((rule: SarifRule) => [rule.id, rule.defaultConfiguration.level]),
      [
        ['raw-path-label', 'error'],
        ['unbounded-label', 'warning'],
        ['route-pattern-too-early', 'warning'],
        ['dynamic-metric-name', 'warning'],
        ['suspicious-label-name', 'note'],
        ['series-budget', 'warning'],
        ['unused-suppression', 'warning'],
      ],
    );
    for (const rule of run.tool.driver.rules as SarifRule[]) {
      // package.json names no repository, so there is no page to link to: the help travels in the log.
      assert.equal(rule.helpUri, undefined);
      assert.ok(rule.help.markdown.length > 200, rule.id);
    }
    for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
  });

  test('results: rule, level, message and a location relative to %SRCROOT%', () => {
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    const [rawPath, suspicious] = run.results;
    assert.equal(rawPath.ruleId, 'raw-path-label');
    assert.equal(rawPath.ruleIndex, 0);
    assert.equal(rawPath.level, 'error');
    assert.equal(suspicious.level, 'note');
    assert.deepEqual(rawPath.message, { text: RAW_PATH.message });
    assert.deepEqual(rawPath.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/middleware.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 5, startColumn: 22, endLine: 5, endColumn: 28, charOffset: RAW_PATH.start, charLength: 6 },
        },
      },
    ]);
  });

  test('files outside the root get absolute file URIs', () => {
    assert.deepEqual(run.results[2].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/shared/labels.ts' });
  });

  test('the flow is a code flow whose locations carry the step notes', () => {
    const steps = run.results[0].codeFlows[0].threadFlows[0].locations;
    assert.deepEqual(
      steps.map((step: { location: { message: { text: string }; physicalLocation: { region: { startLine: number } } } }) => [step.location.physicalLocation.region.startLine, step.location.message.text]),
      [
        [3, 'raw request path `req.path`'],
        [4, '`endpoint` goes into the array `lvs`'],
        [5, 'label "endpoint"'],
      ],
    );
    assert.equal(run.results[1].codeFlows, undefined, 'no empty code flows');
  });

  test('fixes are artifact changes with deleted regions and inserted content', () => {
    const [routePattern, suppress] = run.results[0].fixes;
    assert.deepEqual(routePattern, {
      description: { text: 'Use the route pattern' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'src/middleware.ts', uriBaseId: '%SRCROOT%' },
          replacements: [
            {
              deletedRegion: { startLine: 3, startColumn: 20, endLine: 3, endColumn: 28, charOffset: RAW_PATH.source!.start, charLength: 8 },
              insertedContent: { text: "req.route?.path ?? 'unmatched'" },
            },
          ],
        },
      ],
    });
    assert.equal(suppress.artifactChanges[0].replacements[0].deletedRegion.charLength, 0, 'an insertion deletes nothing');
  });

  test('notes become tool execution notifications', () => {
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          { level: 'note', message: { text: 'skipped: larger than 2 MB (3 MB)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'big.js', uriBaseId: '%SRCROOT%' } } }] },
        ],
      },
    ]);
  });
});

describe('exit codes', () => {
  const withSeverity = (severity: Finding['severity']): Finding => ({ ...SUSPICIOUS, severity });
  test('errors fail', () => assert.equal(exitCodeFor([withSeverity('error')], 10), 1));
  test('warnings fail past the allowance', () => {
    assert.equal(exitCodeFor([withSeverity('warning')], 0), 1);
    assert.equal(exitCodeFor([withSeverity('warning')], 1), 0);
  });
  test('info and hints never fail', () => assert.equal(exitCodeFor([withSeverity('info'), withSeverity('hint')], 0), 0));
  test('nothing found, nothing fails', () => assert.equal(exitCodeFor([], 0), 0));
});
