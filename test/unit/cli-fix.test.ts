/**
 * `cardinal scan --fix` and `--fix-dry-run`, through the real analysis core: on a copy of the demo
 * workspace, and on the runtime fixtures, whose `.fixed` text is what fix-all must write (the fixture
 * runner checks the same text against the editor's fix-all).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../support/server-module';

const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');
const INCIDENT = path.join('incident', 'src', 'middleware', 'request-metrics.ts');

function cardinal(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function copyOf(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-fix-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

describe('cardinal scan --fix-dry-run', () => {
  const workspace = copyOf(path.join(REPO_ROOT, 'demo'));
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));
  const original = fs.readFileSync(path.join(workspace, INCIDENT), 'utf8');
  const run = cardinal(workspace, 'scan', '.', '--fix-dry-run');

  test('prints the fixes as a diff, then what they would leave, and writes nothing', () => {
    assert.equal(fs.readFileSync(path.join(workspace, INCIDENT), 'utf8'), original);
    assert.match(run.stdout, /^--- a\/fastify-orders\/src\/server\.ts\n\+\+\+ b\/fastify-orders\/src\/server\.ts\n@@ /);
    assert.match(run.stdout, /\n-  const endpoint = req\.path;\n/);
    assert.match(run.stdout, /\n\+    const lvs = \[status, req\.route\?\.path \?\? 'unmatched', method\];\n/);
    assert.doesNotMatch(run.stdout, /raw-path-label label "endpoint"/, 'the incident is not among what is left');
    assert.match(run.stderr, /cardinal: would fix \d+ findings in .*incident\/src\/middleware\/request-metrics\.ts/);
  });

  test('the exit code is that of what the fixes would leave', () => {
    // node-http's raw URL has no safe rewrite, so an error remains.
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /node-http\/server\.js:\d+:\d+ error raw-path-label/);
  });

  test('with --format json, the report is of what is left and no diff is mixed in', () => {
    const json = cardinal(workspace, 'scan', '.', '--fix-dry-run', '--format', 'json');
    const report = JSON.parse(json.stdout) as { findings: { file: string }[] };
    assert.ok(!report.findings.some((finding) => finding.file === INCIDENT.split(path.sep).join('/')));
  });
});

describe('cardinal scan --fix', () => {
  const workspace = copyOf(path.join(REPO_ROOT, 'demo', 'incident'));
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  test('writes the fix, reports what is left (nothing) and exits 0; a second run changes nothing', () => {
    const first = cardinal(workspace, 'scan', '.', '--fix');
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stderr, /cardinal: fixed 1 finding in src\/middleware\/request-metrics\.ts/);
    assert.match(first.stdout, /No findings/i);
    const fixed = fs.readFileSync(path.join(workspace, 'src', 'middleware', 'request-metrics.ts'), 'utf8');
    assert.ok(fixed.includes("const lvs = [status, req.route?.path ?? 'unmatched', method];"), fixed);
    assert.ok(!fixed.includes('const endpoint = req.path;'), fixed);
    const second = cardinal(workspace, 'scan', '.', '--fix');
    assert.equal(second.status, 0);
    assert.doesNotMatch(second.stderr, /fixed/);
    assert.equal(fs.readFileSync(path.join(workspace, 'src', 'middleware', 'request-metrics.ts'), 'utf8'), fixed);
  });
});

describe('cardinal scan --fix on the runtime fixtures writes their .fixed text', () => {
  const runtime = path.join(REPO_ROOT, 'test', 'fixtures', 'runtime');
  for (const name of fs.readdirSync(runtime).filter((file) => file.endsWith('.fixed.ts'))) {
    const sourceName = name.replace('.fixed.ts', '.ts');
    test(sourceName, () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-fix-'));
      try {
        fs.copyFileSync(path.join(runtime, sourceName), path.join(folder, sourceName));
        const run = cardinal(folder, 'scan', sourceName, '--fix');
        assert.ok(run.status === 0 || run.status === 1, run.stderr);
        assert.equal(fs.readFileSync(path.join(folder, sourceName), 'utf8'), fs.readFileSync(path.join(runtime, name), 'utf8'));
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
