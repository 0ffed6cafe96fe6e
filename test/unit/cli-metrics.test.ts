/**
 * `cardinal metrics`: the series inventory of a small service, in each format, and `--compare`
 * against the inventory before a change. Golden text: the formats are read by people in reviews.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree, writeTree } from '../support/temp-tree';

const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');

const METRICS = `import { Counter, Histogram } from 'prom-client';

export const latency = new Histogram({ name: 'http_request_duration_seconds', help: 'Latency', labelNames: ['route', 'method'] });
export const carts = new Counter({ name: 'cart_updates_total', help: 'Cart updates', labelNames: ['action'] });
`;

const APP = `import express from 'express';
import { carts, latency } from './metrics';

export const app = express();
app.use((req, res, next) => {
  const end = latency.startTimer();
  res.on('finish', () => end({ route: req.route?.path ?? 'unmatched', method: req.method }));
  next();
});
app.get('/cart', (_req, res) => res.end());
app.post('/cart/items', (_req, res) => {
  carts.inc({ action: 'add' });
  res.end();
});
`;

const SERVICE = {
  'package.json': '{ "name": "shop", "dependencies": { "express": "^4.19.0", "prom-client": "^15.1.0" } }\n',
  'cardinal.config.json': '{ "root": true, "maxSeriesPerMetric": 200 }\n',
  'src/metrics.ts': METRICS,
  'src/app.ts': APP,
};

const roots: string[] = [];
after(() => roots.forEach(removeTree));

function service(): string {
  const root = createTempTree(SERVICE);
  roots.push(root);
  return root;
}

function metrics(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'metrics', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('cardinal metrics', () => {
  test('text: each metric, each label with its count and where it comes from, the worst case', () => {
    assert.equal(
      metrics(service(), '.'),
      `http_request_duration_seconds (histogram)  src/metrics.ts:3
  route    3  2 routes registered in 1 scanned file + "unmatched"
  method  35  the methods Node's HTTP parser accepts (http.METHODS)
  worst case: ≤ 105 series, ≤ 1,470 samples (12 buckets by default + _sum + _count)

cart_updates_total (counter)  src/metrics.ts:4
  action  1  "add"
  worst case: ≤ 1 series

2 metrics, 0 unbounded, 0 over budget, 0 not fully counted. ≤ is a bound the code proves; ≈ includes an estimate (status codes).
`,
    );
  });

  test('markdown: a table to paste in a pull request, with the evidence folded', () => {
    const text = metrics(service(), '.', '--format', 'markdown');
    assert.match(text, /^### Cardinal: metric series\n/);
    assert.ok(text.includes('| `http_request_duration_seconds` | histogram | route (3) × method (35) | ≤ 105 series | src/metrics.ts:3 |'), text);
    assert.ok(text.includes('| `cart_updates_total` | counter | action (1) | ≤ 1 series | src/metrics.ts:4 |'), text);
    assert.ok(text.includes("- `method` (35): the methods Node's HTTP parser accepts (http.METHODS) — src/app.ts:7"), text);
    assert.ok(text.includes('<details><summary>Where each count comes from</summary>') && text.trimEnd().endsWith('</details>'), text);
  });

  test('json: a versioned document with every label and the budget that applies', () => {
    const document = JSON.parse(metrics(service(), '.', '--format', 'json'));
    assert.equal(document.version, 1);
    const latency = document.metrics.find((entry: { name: string }) => entry.name === 'http_request_duration_seconds');
    assert.deepEqual(latency.worstCase, { kind: 'counted', series: 105, samples: 1470 });
    assert.equal(latency.budget, 200);
    assert.deepEqual(latency.writtenIn, ['src/app.ts']);
    assert.deepEqual(
      latency.labels.map((label: { name: string; kind: string; size?: number }) => [label.name, label.kind, label.size]),
      [
        ['route', 'counted', 3],
        ['method', 'counted', 35],
      ],
    );
  });

  test('--compare: what a change adds, changes and removes', () => {
    const root = service();
    writeTree(root, { 'base.json': metrics(root, '.', '--format', 'json') });
    assert.equal(metrics(root, '.', '--compare', 'base.json'), 'No metric added, removed or changed.\n');

    writeTree(root, {
      'src/app.ts': APP.replace("app.get('/cart',", "app.get('/cart/:id', (_req, res) => res.end());\napp.get('/cart',").replace("carts.inc({ action: 'add' });", "carts.inc({ action: 'add', user: _req.get('x-user') });"),
      'src/metrics.ts': METRICS.replace("labelNames: ['action']", "labelNames: ['action', 'user']") + "export const logins = new Counter({ name: 'logins_total', help: 'Logins', labelNames: ['ok'] });\n",
    });
    assert.equal(
      metrics(root, '.', '--compare', 'base.json'),
      `+ logins_total: ok (?) = unknown  (src/metrics.ts:5)
~ cart_updates_total: ≤ 1 series → unbounded; action (1) → action (1) × user (unbounded)
~ http_request_duration_seconds: ≤ 105 series → ≤ 140 series; route (3) × method (35) → route (4) × method (35)
`,
    );
    const markdown = metrics(root, '.', '--compare', 'base.json', '--format', 'markdown');
    assert.ok(markdown.includes('| changed | `http_request_duration_seconds` | route (3) × method (35) = ≤ 105 series | route (4) × method (35) = **≤ 140 series** |'), markdown);
  });

  test('a StatsD stat and a metric named at run time are listed too, the name fenced in markdown', () => {
    const root = service();
    writeTree(root, {
      'src/jobs.ts': [
        "import StatsD from 'hot-shots';",
        "import { Counter } from 'prom-client';",
        '',
        "const statsd = new StatsD({ prefix: 'shop.' });",
        "const prefix = process.env.PREFIX ?? 'shop';",
        "export const retries = new Counter({ name: `${prefix}_retries_total`, help: 'Retries', labelNames: ['queue'] });",
        '',
        "export function queued(queue: 'mail' | 'sms'): void {",
        "  statsd.increment('jobs.queued', 1, { queue });",
        '}',
        '',
      ].join('\n'),
    });
    const text = metrics(root, 'src/jobs.ts');
    assert.ok(text.startsWith('shop.jobs.queued (counter)  src/jobs.ts:9\n  queue  2  "mail" | "sms"\n  worst case: ≤ 2 series\n'), text);
    assert.ok(text.includes("`${prefix}_retries_total` (counter), name built at run time  src/jobs.ts:6\n  queue  ?  the metric's name is built at run time"), text);
    const markdown = metrics(root, 'src/jobs.ts', '--format', 'markdown');
    assert.ok(markdown.includes('| `` `${prefix}_retries_total` `` (built at run time) | counter | queue (?) | unknown | src/jobs.ts:6 |'), markdown);
    const document = JSON.parse(metrics(root, 'src/jobs.ts', '--format', 'json'));
    assert.deepEqual(
      document.metrics.map((entry: { name: string; dynamicName?: boolean }) => [entry.name, entry.dynamicName ?? false]),
      [
        ['`${prefix}_retries_total`', true],
        ['shop.jobs.queued', false],
      ],
    );
  });

  test('a budget exceeded is said on the worst-case line', () => {
    const root = service();
    writeTree(root, { 'cardinal.config.json': '{ "root": true, "maxSeriesPerMetric": 100 }\n' });
    assert.match(metrics(root, '.'), /worst case: ≤ 105 series, ≤ 1,470 samples \(12 buckets by default \+ _sum \+ _count\) {2}over the budget of 100\n/);
  });
});
