/**
 * `cardinal scan` on the demo services, through the real analysis core. These tests need the core's
 * findings (the incident pattern, route-pattern fallbacks, custom sinks and sanitizers from
 * demo/cardinal.config.json); the CLI's own behaviour is covered without the core in cli.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { sarifSchemaErrors } from './sarif-validator';
import { REPO_ROOT } from '../support/server-module';

const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');
const INCIDENT_MIDDLEWARE = 'demo/incident/src/middleware/request-metrics.ts';

interface JsonPosition {
  line: number;
  column: number;
  offset: number;
}
interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  start: JsonPosition;
  end: JsonPosition;
  label?: string;
  source?: { text: string };
  path: { file: string; start: JsonPosition; note: string }[];
  fixes: { title: string; preferred: boolean; changes: unknown[] }[];
}

function cardinal(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** 1-based line and column of the first `snippet` in a repository file. */
function locate(file: string, snippet: string): { line: number; column: number } {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const offset = text.indexOf(snippet);
  assert.ok(offset >= 0, `${snippet} not found in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('the incident: req.path reaches the histogram through `labels(...lvs)`', () => {
  const spread = locate(INCIDENT_MIDDLEWARE, '...lvs');
  const source = locate(INCIDENT_MIDDLEWARE, 'req.path');

  test('text: the finding, its flow from req.path and the fix; exit 1', () => {
    const run = cardinal('scan', 'demo/incident');
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], new RegExp(`^${INCIDENT_MIDDLEWARE}:${spread.line}:${spread.column} error raw-path-label .*endpoint`));
    assert.match(lines[1], new RegExp(`^  ↳ ${INCIDENT_MIDDLEWARE}:${source.line}:${source.column} `));
    assert.ok(lines.some((line) => /^  fix: /.test(line)), run.stdout);
    assert.match(run.stdout, /\n1 finding \(1 error\) in 4 files\.\n$/);
  });

  test('json: exactly one finding, on the spread, labelled endpoint, sourced from req.path', () => {
    const run = cardinal('scan', 'demo/incident', '--format', 'json');
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout).findings as JsonFinding[];
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 2));
    const [finding] = findings;
    assert.equal(finding.ruleId, 'raw-path-label');
    assert.equal(finding.file, INCIDENT_MIDDLEWARE);
    assert.deepEqual([finding.start.line, finding.start.column, finding.end.column], [spread.line, spread.column, spread.column + '...lvs'.length]);
    assert.equal(finding.label, 'endpoint');
    assert.equal(finding.source?.text, 'req.path');
    assert.deepEqual([finding.path[0].start.line, finding.path[0].start.column], [source.line, source.column]);
    assert.ok(finding.path.length >= 2, 'the path walks through `endpoint` and `lvs`');
    assert.ok(finding.fixes.some((fix) => fix.preferred && fix.changes.length > 0));
  });

  test('sarif: a valid log whose result carries the code flow and the fix', () => {
    const run = cardinal('scan', 'demo/incident', '--format', 'sarif');
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const [result] = log.runs[0].results;
    assert.equal(result.ruleId, 'raw-path-label');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, INCIDENT_MIDDLEWARE);
    assert.ok(result.codeFlows[0].threadFlows[0].locations.length >= 2);
    assert.ok(result.fixes[0].artifactChanges[0].replacements.length > 0);
  });
});

describe('`cardinal scan demo`, the README command', () => {
  const run = cardinal('scan', 'demo', '--format', 'json');
  const findings = (JSON.parse(run.stdout || '{"findings": []}').findings as JsonFinding[]).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  const onLine = (file: string, snippet: string) => findings.filter((finding) => finding.file === file && finding.start.line === locate(file, snippet).line);

  test('exits 1', () => assert.equal(run.status, 1, run.stderr));

  const expected: [file: string, snippet: string, ruleId: string][] = [
    [INCIDENT_MIDDLEWARE, 'reqDuration.labels(...lvs)', 'raw-path-label'],
    ['demo/fastify-orders/src/server.ts', 'httpLatency.observe', 'raw-path-label'],
    ['demo/fastify-orders/src/server.ts', 'orderReads.inc', 'unbounded-label'],
    ['demo/koa-gateway/src/app.js', 'requestsByClient.inc', 'unbounded-label'],
    ['demo/koa-gateway/src/app.js', "recordUpstream('inventory', ctx.path)", 'raw-path-label'],
    ['demo/hono-edge/src/index.ts', 'cacheLookups.add', 'raw-path-label'],
    ['demo/node-http/server.js', 'statsd.timing', 'raw-path-label'],
    ['demo/go-gin/middlewares/prom.go', 'reqDuration.WithLabelValues(lvs...)', 'raw-path-label'],
  ];
  for (const [file, snippet, ruleId] of expected) {
    test(`${ruleId} at ${file}: ${snippet}`, () => {
      assert.ok(onLine(file, snippet).some((finding) => finding.ruleId === ruleId), JSON.stringify(onLine(file, snippet)));
    });
  }

  const clean: [file: string, snippet: string][] = [
    ['demo/fastify-orders/src/server.ts', 'httpRequests.inc'],
    ['demo/koa-gateway/src/app.js', 'requestsByRoute.inc'],
    ['demo/hono-edge/src/index.ts', "'http.route': routePath(c)"],
    ['demo/node-http/server.js', 'normalizeRoute(pathname)'],
    ['demo/go-gin/handlers/messages.go', 'messageRequests.WithLabelValues(c.FullPath()'],
  ];
  for (const [file, snippet] of clean) {
    test(`bounded, no finding: ${file}: ${snippet}`, () => assert.deepEqual(onLine(file, snippet), []));
  }

  test('bounded files have no findings at all', () => {
    for (const file of ['demo/incident/src/routes/users.ts', 'demo/node-http/routes.js', 'demo/go-gin/handlers/messages.go', 'demo/go-gin/main.go']) {
      assert.deepEqual(findings.filter((finding) => finding.file === file), [], file);
    }
  });
});
