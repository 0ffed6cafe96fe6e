/**
 * The editor and CI agree: the same monorepo, with a configuration at its root and nested ones in its
 * packages (one of them `"root": true`), gives the same findings through `cardinal scan` and through
 * the language server's workspace scan, for TypeScript and Go files alike.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, withServerOn } from './lsp-session';
import { createTempTree, removeTree } from '../support/temp-tree';

const express = (body: string) => `import type { Request } from 'express';\nimport { Counter } from 'prom-client';\n\nconst hits = new Counter({ name: 'hits_total', help: 'h', labelNames: ['route', 'user'] });\n\n${body}\n`;

const MONOREPO = {
  // Every package: unbounded labels are errors.
  'cardinal.config.json': JSON.stringify({ rules: { 'unbounded-label': 'error' } }),
  // The API adds a sanitizer and leaves its legacy folder out; the root's rules still apply.
  'packages/api/cardinal.config.json': JSON.stringify({ sanitizers: ['normalizeRoute'], exclude: ['legacy/**'] }),
  'packages/api/src/handler.ts': express(
    "const normalizeRoute = (p: string) => p.split('?')[0];\n\nexport function handle(req: Request): void {\n  hits.inc({ route: normalizeRoute(req.path), user: req.params.id });\n}",
  ),
  'packages/api/legacy/old.ts': express('export function old(req: Request): void {\n  hits.inc({ route: req.path, user: req.params.id });\n}'),
  // The web package stops the search: the root's rule does not reach it, its own does.
  'packages/web/cardinal.config.json': JSON.stringify({ root: true, rules: { 'raw-path-label': 'warning' } }),
  'packages/web/src/server.ts': express('export function serve(req: Request): void {\n  hits.inc({ route: req.path, user: req.params.id });\n}'),
  // Go under the root's configuration.
  'services/users/middleware.go':
    'package users\n\nimport (\n\t"github.com/gin-gonic/gin"\n\t"github.com/prometheus/client_golang/prometheus"\n)\n\nvar hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"route", "user"})\n\nfunc record(c *gin.Context) {\n\thits.WithLabelValues(c.Request.URL.Path, c.Param("id")).Inc()\n}\n',
};

const root = createTempTree(MONOREPO);
after(() => removeTree(root));

/** A finding as both shells can state it: file, 0-based position, rule, severity and message. */
type Row = readonly [file: string, line: number, character: number, rule: string, severity: string, message: string];

function cliRows(): Row[] {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: { file: string; start: { line: number; column: number }; ruleId: string; severity: string; message: string }[] };
  return report.findings.map((f) => [f.file, f.start.line - 1, f.start.column - 1, f.ruleId, f.severity, f.message] as const);
}

const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

test('cardinal scan and the server scan give the same findings in a monorepo with nested configurations', async () => {
  const expected = cliRows().sort();
  // The configurations took effect: the legacy folder is out, the sanitizer bounds the API's route,
  // the root's rule reaches the API and Go but not the web package.
  assert.deepEqual(
    expected.map(([file, , , rule, severity]) => `${file} ${rule} ${severity}`),
    [
      'packages/api/src/handler.ts unbounded-label error',
      'packages/web/src/server.ts raw-path-label warning',
      'packages/web/src/server.ts unbounded-label warning',
      'services/users/middleware.go raw-path-label error',
      'services/users/middleware.go unbounded-label error',
    ],
  );
  await withServerOn(root, async (session) => {
    const result = await session.connection.sendRequest<{ findings: number }>('cardinal/scanWorkspace', {});
    assert.equal(result.findings, expected.length);
    const rows: Row[] = [];
    for (const [uri, published] of session.diagnostics) {
      for (const d of published.diagnostics) {
        rows.push([path.relative(root, fileURLToPath(uri)), d.range.start.line, d.range.start.character, String(d.code), SEVERITIES[d.severity ?? 0], typeof d.message === 'string' ? d.message : d.message.value]);
      }
    }
    assert.deepEqual(rows.sort(), expected);
  });
});

/** A Go module whose handler package uses a vector and a wrapper declared in another package. */
const GO_MODULE = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'internal/metrics/metrics.go':
    'package metrics\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar RequestSeconds = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "request_seconds"}, []string{"route", "code"})\n\nvar logins = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "logins_total"}, []string{"client"})\n\nfunc CountLogin(client string) {\n\tlogins.WithLabelValues(client).Inc()\n}\n',
  'handlers/users.go':
    'package handlers\n\nimport (\n\t"net/http"\n\n\t"example.com/shop/internal/metrics"\n)\n\nfunc users(w http.ResponseWriter, r *http.Request) {\n\tmetrics.RequestSeconds.WithLabelValues(r.URL.Path, "200").Observe(1)\n\tmetrics.CountLogin(r.RemoteAddr)\n}\n',
};

test('Go: cardinal scan of one file and the editor with that file open see the same packages and give the same findings', async () => {
  const moduleRoot = createTempTree(GO_MODULE);
  try {
    const users = path.join(moduleRoot, 'handlers/users.go');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', 'handlers/users.go', '--format', 'json'], { cwd: moduleRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { file: string; start: { line: number; column: number }; ruleId: string; label?: string; message: string }[] };
    const expected = report.findings.map((f) => [f.start.line - 1, f.start.column - 1, f.ruleId, f.message] as const).sort();
    // The vector's label names and the wrapper's label come from the other package.
    assert.deepEqual(
      report.findings.map((f) => `${f.file} ${f.ruleId} ${f.label}`),
      ['handlers/users.go raw-path-label route', 'handlers/users.go unbounded-label client'],
    );
    await withServerOn(moduleRoot, async (session) => {
      const uri = await session.open(users, GO_MODULE['handlers/users.go'], 'go');
      const diagnostics = await session.waitForDiagnostics(uri, 'the two findings', (list) => list.length === expected.length);
      const rows = diagnostics.map((d) => [d.range.start.line, d.range.start.character, String(d.code), typeof d.message === 'string' ? d.message : d.message.value] as const).sort();
      assert.deepEqual(rows, expected);
    });
  } finally {
    removeTree(moduleRoot);
  }
});

/** A handler file that names no sink: it calls a wrapper of its own package and one of an imported package. */
const GO_WRAPPERS = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'internal/metrics/metrics.go': GO_MODULE['internal/metrics/metrics.go'],
  'handlers/record.go':
    'package handlers\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar pages = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "pages_total"}, []string{"path"})\n\nfunc recordPage(path string) {\n\tpages.WithLabelValues(path).Inc()\n}\n',
  'handlers/routes.go':
    'package handlers\n\nimport (\n\t"net/http"\n\n\t"example.com/shop/internal/metrics"\n)\n\nfunc show(w http.ResponseWriter, r *http.Request) {\n\trecordPage(r.URL.Path)\n\tmetrics.CountLogin(r.RemoteAddr)\n}\n',
  // Imports the metrics package's importer only: still analysed, and clean.
  'app/main.go': 'package main\n\nimport "example.com/shop/handlers"\n\nfunc main() { _ = handlers.Version }\n',
};

test('Go: a file naming no sink, calling wrappers of its package and of an imported one: the scan and the editor agree', async () => {
  const moduleRoot = createTempTree({ ...GO_WRAPPERS, 'handlers/version.go': 'package handlers\n\nconst Version = "1"\n' });
  try {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', '.', '--format', 'json'], { cwd: moduleRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { file: string; start: { line: number; column: number }; ruleId: string; label?: string; message: string }[] };
    assert.deepEqual(
      report.findings.map((f) => `${f.file} ${f.ruleId} ${f.label}`),
      ['handlers/routes.go raw-path-label path', 'handlers/routes.go unbounded-label client'],
    );
    const expected = report.findings.map((f) => [f.start.line - 1, f.start.column - 1, f.ruleId, f.message] as const).sort();
    await withServerOn(moduleRoot, async (session) => {
      const uri = await session.open(path.join(moduleRoot, 'handlers/routes.go'), GO_WRAPPERS['handlers/routes.go'], 'go');
      const diagnostics = await session.waitForDiagnostics(uri, 'the two findings at the calls', (list) => list.length === expected.length);
      const rows = diagnostics.map((d) => [d.range.start.line, d.range.start.character, String(d.code), typeof d.message === 'string' ? d.message : d.message.value] as const).sort();
      assert.deepEqual(rows, expected);
    });
  } finally {
    removeTree(moduleRoot);
  }
});

/** The fixture of a recorder behind an interface: the middleware that calls it and the router reporter it reads are imported by neither. */
const INTERFACE_FIXTURE = path.join(REPO_ROOT, 'test/fixtures/go/cross-package/interface-recorder');
const INTERFACE_MODULE = Object.fromEntries(
  ['go.mod', 'metrics/metrics.go', 'metrics/prometheus/prometheus.go', 'middleware/middleware.go', 'middleware/std/std.go'].map((name) => [name, fs.readFileSync(path.join(INTERFACE_FIXTURE, name), 'utf8')]),
);

test('Go: a recorder behind an interface: cardinal scan of its file and the editor with it open follow the same importers', async () => {
  const moduleRoot = createTempTree(INTERFACE_MODULE);
  try {
    const recorder = 'metrics/prometheus/prometheus.go';
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', recorder, '--format', 'json'], { cwd: moduleRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { file: string; start: { line: number; column: number }; ruleId: string; label?: string; message: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.ruleId} ${f.label}`), [`${recorder} raw-path-label handler`]);
    const expected = report.findings.map((f) => [f.start.line - 1, f.start.column - 1, f.ruleId, f.message] as const);
    await withServerOn(moduleRoot, async (session) => {
      const uri = await session.open(path.join(moduleRoot, recorder), INTERFACE_MODULE[recorder], 'go');
      const diagnostics = await session.waitForDiagnostics(uri, 'the finding through the interface', (list) => list.length === expected.length);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, String(d.code), typeof d.message === 'string' ? d.message : d.message.value] as const), expected);
    });
  } finally {
    removeTree(moduleRoot);
  }
});

/** A pnpm workspace: a service calls a wrapper its sibling package exports, by the package's name. */
const WORKSPACE = {
  'package.json': JSON.stringify({ name: 'acme', private: true }),
  'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'services/*'\n",
  'packages/metrics/package.json': JSON.stringify({ name: '@acme/metrics', main: './dist/index.js' }),
  'packages/metrics/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] }),
  'packages/metrics/src/index.ts':
    "import StatsD from 'hot-shots';\n\nconst client = new StatsD();\n\nexport function recordIncrement(stat: string, tags: Record<string, string>): void {\n  client.increment(stat, 1, tags);\n}\n",
  'services/api/package.json': JSON.stringify({ name: 'api', dependencies: { '@acme/metrics': 'workspace:*' } }),
  'services/api/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] }),
  // Names no metric method itself: only its import says a wrapper may be called.
  'services/api/src/routes.ts':
    "import type { Request } from 'express';\nimport { recordIncrement } from '@acme/metrics';\n\nexport function show(req: Request): void {\n  recordIncrement('api.hits', { path: req.path });\n}\n",
};

test("a monorepo's sibling package: cardinal scan and the editor with the caller open give the same finding at the call", async () => {
  const workspaceRoot = createTempTree(WORKSPACE);
  try {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', '.', '--format', 'json'], { cwd: workspaceRoot, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { file: string; start: { line: number; column: number }; ruleId: string; label?: string; message: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.ruleId} ${f.label}`), ['services/api/src/routes.ts raw-path-label path']);
    const expected = report.findings.map((f) => [f.start.line - 1, f.start.column - 1, f.ruleId, f.message] as const);
    await withServerOn(workspaceRoot, async (session) => {
      const routes = path.join(workspaceRoot, 'services/api/src/routes.ts');
      const uri = await session.open(routes, WORKSPACE['services/api/src/routes.ts'], 'typescript');
      const diagnostics = await session.waitForDiagnostics(uri, 'the finding at the call', (list) => list.length === expected.length);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, String(d.code), typeof d.message === 'string' ? d.message : d.message.value] as const), expected);
    });
  } finally {
    removeTree(workspaceRoot);
  }
});
