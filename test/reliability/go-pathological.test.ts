/**
 * Pathological Go shapes, one per way a tracer can go exponential or deep: reassignment chains through
 * a method (`chain = chain.Append(h)`, the alice pattern that once made a scan hang), deep method
 * chains, long `if` ladders, many closures, a long `+` chain. Each is run through the real CLI and
 * must give its finding, with no note, well inside the file time budget. The bound is a hang guard,
 * far above the time each takes; speed targets live in the bench.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { runCli, summarizeFindings } from './cli-run';
import { createTempTree, removeTree } from '../support/temp-tree';

/** Far above what any shape takes (tens of milliseconds), far below a hang. */
const HANG_GUARD_MS = 20_000;
const STEPS = 60;

const HEAD = `package api

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

var hits = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hits_total"}, []string{"path"})
`;

/** A handler whose label is `value` after `body`; the finding is on line 12, at column `column`. */
function handler(body: string, value: string, extra = ''): string {
  return `${HEAD}${extra}
func handle(w http.ResponseWriter, r *http.Request, flag int) {
${body}
	hits.WithLabelValues(${value}).Inc()
}
`;
}

const SHAPES: Readonly<Record<string, string>> = {
  'a reassignment chain through a method': handler(
    `\tchain := New()\n${Array.from({ length: STEPS }, (_, i) => `\tchain = chain.Append(${i})`).join('\n')}\n\tp := r.URL.Path\n\t_ = chain`,
    'p',
    `\ntype Chain struct{ steps []int }\n\nfunc New() Chain { return Chain{} }\n\nfunc (c Chain) Append(step int) Chain { c.steps = append(c.steps, step); return c }\n`,
  ),
  'a reassignment chain of the label value': handler(`\tp := r.URL.Path\n${Array.from({ length: STEPS }, () => '\tp = p + "/"').join('\n')}`, 'p'),
  'a deep method chain': handler('\tb := Builder{}', `b${'.With()'.repeat(500)}.Path(r)`, `\ntype Builder struct{}\n\nfunc (b Builder) With() Builder { return b }\n\nfunc (b Builder) Path(r *http.Request) string { return r.URL.Path }\n`),
  'a long if ladder': handler(`\tp := "none"\n${Array.from({ length: 2_000 }, (_, i) => `\tif flag == ${i} {\n\t\tp = "/static/${i}"\n\t}`).join('\n')}\n\tif flag < 0 {\n\t\tp = r.URL.Path\n\t}`, 'p'),
  'many closures': handler(`\tp := r.URL.Path\n${Array.from({ length: 40 }, (_, i) => `\tf${i} := func() string { return p }\n\tp = f${i}()`).join('\n')}`, 'p'),
  'a long + chain': handler('', `r.URL.Path${' + "/"'.repeat(10_000)}`),
};

describe('pathological Go: each shape finishes with its finding and no note', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));
  for (const [name, text] of Object.entries(SHAPES)) {
    test(name, async () => {
      const root = createTempTree({ 'handler.go': text });
      roots.push(root);
      const started = Date.now();
      const run = await runCli(root, ['.']);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < HANG_GUARD_MS, `took ${elapsed} ms`);
      assert.deepEqual(run.report?.notes, []);
      assert.deepEqual(
        summarizeFindings(run.report).map((finding) => finding.replace(/:\d+:\d+ /, ' ')),
        ['handler.go raw-path-label path'],
        run.stderr,
      );
    });
  }

  test('a Go file over its time budget stops with a note; the scan goes on', async () => {
    const root = createTempTree({ 'handler.go': SHAPES['a long + chain'] });
    roots.push(root);
    const run = await runCli(root, ['.'], { fileTimeBudgetMs: -1 });
    assert.deepEqual(run.report?.notes, [{ file: 'handler.go', message: 'analysis stopped after its time budget of -1 ms; the findings of this file may be incomplete' }]);
    assert.deepEqual(summarizeFindings(run.report), []);
  });
});
