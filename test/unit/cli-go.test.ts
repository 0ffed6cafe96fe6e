/**
 * `cardinal scan` on Go code, through the real Go frontend: the incident's gin middleware (verbatim
 * from test/fixtures/go) in a folder of its own, with a metric declared in one file of a package and
 * used in another, and a `vendor` folder that is never walked.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { sarifSchemaErrors } from './sarif-validator';
import { REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');
const GO_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'go');
const fixture = (name: string) => fs.readFileSync(path.join(GO_FIXTURES, name), 'utf8');

const INCIDENT = fixture('raw-path-label/incident-gin-middleware.go');
const MIDDLEWARE = 'middlewares/prom.go';

const root = createTempTree({
  [MIDDLEWARE]: INCIDENT,
  'server/metrics.go': fixture('cross-file/package-vector/metrics.go'),
  'server/middleware.go': fixture('cross-file/package-vector/middleware.go'),
  // Dependencies are someone else's code: a finding in there is not the user's to fix.
  'vendor/github.com/acme/metrics/prom.go': INCIDENT,
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
});
after(() => removeTree(root));

function cardinal(...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'scan', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** 1-based line and column of the first `snippet` in `text`. */
function locate(text: string, snippet: string): { line: number; column: number } {
  const offset = text.indexOf(snippet);
  assert.ok(offset >= 0, `${snippet} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

interface JsonPosition {
  line: number;
  column: number;
}
interface JsonFinding {
  ruleId: string;
  file: string;
  start: JsonPosition;
  label?: string;
  source?: { text: string };
  path: { file: string; start: JsonPosition; note: string }[];
  fixes: { title: string; preferred: boolean; changes: { newText: string }[] }[];
}

describe('the incident middleware: c.Request.URL.Path reaches `WithLabelValues(lvs...)`', () => {
  const source = locate(INCIDENT, 'c.Request.URL.Path');
  const assigned = locate(INCIDENT, 'endpoint := ');
  const element = locate(INCIDENT, 'endpoint, method}');
  const spread = locate(INCIDENT, 'lvs...');
  // The flow, step by step: the source, the variable it is assigned to, the array it sits in, the label.
  const flow = [
    [source, /c\.Request\.URL\.Path/],
    [assigned, /'endpoint'/],
    [element, /'lvs'/],
    [spread, /label "endpoint"/],
  ] as const;

  test('text: the finding, its flow and the c.FullPath() fix; Go files count in the summary; exit 1', () => {
    const run = cardinal();
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith(`${MIDDLEWARE}:`));
    assert.match(lines[first], new RegExp(`^${MIDDLEWARE}:${spread.line}:${spread.column} error raw-path-label label "endpoint"`));
    flow.forEach(([position, note], index) => {
      const line = lines[first + 1 + index];
      assert.ok(line.startsWith(`  ↳ ${MIDDLEWARE}:${position.line}:${position.column} `), line);
      assert.match(line, note);
    });
    assert.match(lines[first + 1 + flow.length], /^ {2}fix: Use the route pattern: c\.FullPath\(\)/);
    assert.ok(lines.some((line) => line.startsWith('server/middleware.go:')), 'the package-level vector of server/metrics.go is understood');
    assert.ok(!run.stdout.includes('vendor/'), run.stdout);
    // The HTTP method, which net/http takes from the client as sent, is said at information severity.
    assert.match(run.stdout, new RegExp(`\\n${MIDDLEWARE}:${spread.line}:${spread.column} info unbounded-label label "method" `));
    assert.match(run.stdout, /\n4 findings \(2 errors, 2 info\) in 3 files\.\n$/);
  });

  test('json: the finding, its flow from c.Request.URL.Path and the fix', () => {
    const run = cardinal('--format', 'json');
    assert.equal(run.status, 1, run.stderr);
    const document = JSON.parse(run.stdout) as { summary: { files: number }; findings: JsonFinding[] };
    assert.equal(document.summary.files, 3);
    const finding = document.findings.find((candidate) => candidate.file === MIDDLEWARE);
    assert.ok(finding, JSON.stringify(document.findings, null, 2));
    assert.equal(finding.ruleId, 'raw-path-label');
    assert.equal(finding.label, 'endpoint');
    assert.equal(finding.source?.text, 'c.Request.URL.Path');
    assert.deepEqual(
      finding.path.map((step) => [step.file, step.start.line, step.start.column]),
      flow.map(([position]) => [MIDDLEWARE, position.line, position.column]),
    );
    const preferred = finding.fixes.find((fix) => fix.preferred);
    assert.deepEqual(preferred?.changes.map((change) => change.newText), ['c.FullPath()']);
  });

  test('sarif: a valid log whose result carries the code flow and the c.FullPath() replacement', () => {
    const run = cardinal('--format', 'sarif');
    assert.equal(run.status, 1, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const result = log.runs[0].results.find(
      (candidate: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => candidate.locations[0].physicalLocation.artifactLocation.uri === MIDDLEWARE,
    );
    assert.ok(result, JSON.stringify(log.runs[0].results));
    assert.equal(result.ruleId, 'raw-path-label');
    const steps = result.codeFlows[0].threadFlows[0].locations.map(
      (step: { location: { physicalLocation: { region: { startLine: number; startColumn: number } } } }) => step.location.physicalLocation.region,
    );
    assert.deepEqual(
      steps.map((region: { startLine: number; startColumn: number }) => [region.startLine, region.startColumn]),
      flow.map(([position]) => [position.line, position.column]),
    );
    const [replacement] = result.fixes[0].artifactChanges[0].replacements;
    assert.equal(replacement.insertedContent.text, 'c.FullPath()');
    assert.deepEqual([replacement.deletedRegion.startLine, replacement.deletedRegion.startColumn], [source.line, source.column]);
  });

  test('a Go file named on the command line is scanned even inside vendor', () => {
    const run = cardinal('vendor/github.com/acme/metrics/prom.go', '--format', 'json');
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(
      (JSON.parse(run.stdout).findings as JsonFinding[]).map((finding) => [finding.file, finding.ruleId]),
      [
        ['vendor/github.com/acme/metrics/prom.go', 'raw-path-label'],
        ['vendor/github.com/acme/metrics/prom.go', 'unbounded-label'],
      ],
    );
  });
});
