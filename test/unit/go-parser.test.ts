/**
 * The Go frontend's parser and public API beyond the fixtures: UTF-16 offsets, incremental re-parsing,
 * per-file analysis among package siblings, and traces through pathologically deep code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as ConfigModule from '../../server/src/analysis/config';
import type * as GoModule from '../../server/src/go';
import { loadServerModule } from '../support/server-module';

const { analyzeGoFiles, analyzeGoPackage, describeGoFile, describeGoPackageLabels, GoParser } = loadServerModule<typeof GoModule>('go');
const { parseConfig } = loadServerModule<typeof ConfigModule>('analysis/config');
const config = parseConfig('{}', 'defaults').config;

const HANDLER = `package api

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

var hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"path"})

// Zählt Anfragen 😀
func handle(w http.ResponseWriter, r *http.Request) {
	hits.WithLabelValues(r.URL.Path).Inc()
}
`;

test('finding offsets count UTF-16 code units after non-ASCII text', async () => {
  const parser = await GoParser.load();
  const [finding] = analyzeGoFiles(parser, [{ fileName: 'handler.go', text: HANDLER }], config);
  assert.equal(HANDLER.slice(finding.start, finding.end), 'r.URL.Path');
  assert.equal(finding.message, `label "path" receives the raw request path 'r.URL.Path': one time series per distinct URL. Use the matched route pattern instead`);
  const [fix] = finding.fixes;
  assert.equal(HANDLER.slice(fix.changes[0].start, fix.changes[0].end), 'r.URL.Path');
});

test('an incremental re-parse equals a full parse of the edited text', async () => {
  const parser = await GoParser.load();
  let tree = parser.parse('handler.go', HANDLER);
  const at = HANDLER.indexOf('r.URL.Path');
  tree = parser.reparse(tree, [
    { start: at, end: at + 'r.URL.Path'.length, newText: 'r.Pattern' },
    { start: HANDLER.indexOf('😀'), end: HANDLER.indexOf('😀') + 2, newText: 'ü\n//' },
  ]);
  const expected = HANDLER.replace('r.URL.Path', 'r.Pattern').replace('😀', 'ü\n//');
  const full = parser.parse('handler.go', expected);
  try {
    assert.equal(tree.syntax.text, expected);
    assert.deepEqual(shape(tree.syntax.root), shape(full.syntax.root));
    assert.deepEqual(analyzeGoPackage([tree.syntax], config), []);
  } finally {
    tree.dispose();
    full.dispose();
  }
});

test('one open file is analysed among its package siblings', async () => {
  const parser = await GoParser.load();
  const metrics = parser.parse('metrics.go', 'package api\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"path"})\n');
  const handler = parser.parse('handler.go', 'package api\n\nimport "net/http"\n\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\thits.WithLabelValues(r.URL.Path).Inc()\n}\n');
  try {
    const findings = analyzeGoPackage([metrics.syntax, handler.syntax], config, { onlyFile: 'handler.go' });
    assert.deepEqual(findings.map((f) => [f.ruleId, f.file, f.label, f.metric]), [['raw-path-label', 'handler.go', 'path', 'hits_total']]);
    assert.deepEqual(analyzeGoPackage([metrics.syntax, handler.syntax], config, { onlyFile: 'metrics.go' }), []);
    const [site] = describeGoFile([metrics.syntax, handler.syntax], 'handler.go', config).sites;
    assert.equal(site.values.kind, 'unbounded');
    const declared = describeGoFile([metrics.syntax, handler.syntax], 'metrics.go', config);
    assert.deepEqual(declared.metrics.map((metric) => [metric.metric, metric.labels]), [['hits_total', ['path']]]);
    assert.deepEqual(declared.declarations.map((declaration) => declaration.label), ['path']);
    const everywhere = describeGoPackageLabels([metrics.syntax, handler.syntax], config);
    assert.deepEqual(everywhere.sites.map((use) => [use.file, use.label, use.metric, use.values.kind]), [['handler.go', 'path', 'hits_total', 'unbounded']]);
    assert.deepEqual(everywhere.metrics.map((metric) => [metric.file, metric.metric]), [['metrics.go', 'hits_total']]);
  } finally {
    metrics.dispose();
    handler.dispose();
  }
});

test('rules set to off produce nothing', async () => {
  const parser = await GoParser.load();
  const off = parseConfig('{ "rules": { "raw-path-label": "off" } }', 'cardinal.config.json').config;
  assert.deepEqual(analyzeGoFiles(parser, [{ fileName: 'handler.go', text: HANDLER }], off), []);
});

test('10,000 nested expressions end the trace without a stack overflow', async () => {
  const parser = await GoParser.load();
  const deep = (expression: string) => HANDLER.replace('hits.WithLabelValues(r.URL.Path)', `hits.WithLabelValues(${expression})`);
  const parens = '('.repeat(10_000) + 'r.URL.Path' + ')'.repeat(10_000);
  const concatenation = Array.from({ length: 10_000 }, () => 'r.URL.Path').join(' + ');
  const calls = 'strings.ToLower('.repeat(10_000) + 'r.URL.Path' + ')'.repeat(10_000);
  const negations = '-'.repeat(10_000) + 'x';
  assert.equal(analyzeGoFiles(parser, [{ fileName: 'a.go', text: deep(parens) }], config).length, 1);
  assert.equal(analyzeGoFiles(parser, [{ fileName: 'b.go', text: deep(concatenation) }], config).length, 1);
  assert.doesNotThrow(() => analyzeGoFiles(parser, [{ fileName: 'c.go', text: deep(calls).replace('"net/http"', '"net/http"\n\t"strings"') }], config));
  assert.doesNotThrow(() => analyzeGoFiles(parser, [{ fileName: 'd.go', text: deep(negations) }], config));
});

test('a variable assigned from itself in a loop ends the trace', async () => {
  const parser = await GoParser.load();
  const text = HANDLER.replace(
    '\thits.WithLabelValues(r.URL.Path).Inc()',
    '\tp := r.URL.Path\n\tq := p\n\tfor i := 0; i < 3; i++ {\n\t\tp = q\n\t\tq = p\n\t}\n\thits.WithLabelValues(q).Inc()',
  );
  const findings = analyzeGoFiles(parser, [{ fileName: 'loop.go', text }], config);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.source?.text]), [['raw-path-label', 'r.URL.Path']]);
});

interface Shape {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly children: readonly Shape[];
}

function shape(node: { type: string; start: number; end: number; children: readonly Parameters<typeof shape>[0][] }): Shape {
  return { type: node.type, start: node.start, end: node.end, children: node.children.map(shape) };
}
