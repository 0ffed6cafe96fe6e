/**
 * The route-pattern fixes, run. Each case under test/fixtures/runtime is an app of a real framework
 * (Express, Koa, Hono, Fastify, from the devDependencies); its text and its `.fixed` text (the
 * product's fix-all, checked by the fixture runner) are compiled and served in-process. Two user
 * pages, an order page and a path no route matches are requested, then prom-client's registry is read: the fixed
 * app must keep one series per route and one for unmatched requests, which is what the fix promises.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { REPO_ROOT } from '../support/server-module';

const RUNTIME = path.join(REPO_ROOT, 'test', 'fixtures', 'runtime');
/** Compiled apps go below the build output, where `require('express')` finds the repository's node_modules. */
const OUT = path.join(REPO_ROOT, 'test', 'out', 'runtime-apps');
const PATHS = ['/users/1', '/users/2', '/orders/7', '/nowhere'];
/** The same requests to an app whose routes all sit below `/api`. */
const API_PATHS = PATHS.map((url) => `/api${url}`);

type Framework = 'express' | 'koa' | 'hono' | 'fastify';

interface RuntimeCase {
  readonly file: string;
  readonly framework: Framework;
  readonly metric: string;
  readonly label: string;
  /** The requests, when not `PATHS`. */
  readonly paths?: readonly string[];
  /** The label's values after the requests, sorted. */
  readonly before: readonly string[];
  readonly after: readonly string[];
}

const CASES: readonly RuntimeCase[] = [
  { file: 'express-middleware-before-routing.ts', framework: 'express', metric: 'early_hits_total', label: 'route', before: ['unmatched'], after: ['/users/:id', 'unmatched'] },
  { file: 'express-raw-path-before-routing.ts', framework: 'express', metric: 'raw_hits_total', label: 'path', before: PATHS.slice().sort(), after: ['/users/:id', 'unmatched'] },
  { file: 'express-mounted-routers.ts', framework: 'express', metric: 'mounted_hits_total', label: 'path', before: PATHS.slice().sort(), after: ['/orders/:id', '/users/:id', 'unmatched'] },
  { file: 'koa-prefixed-routers.ts', framework: 'koa', metric: 'koa_prefixed_hits_total', label: 'path', paths: API_PATHS, before: API_PATHS.slice().sort(), after: ['/api/orders/:id', '/api/users/:id', 'unmatched'] },
  { file: 'hono-base-path.ts', framework: 'hono', metric: 'hono_base_path_hits_total', label: 'path', paths: API_PATHS, before: API_PATHS.slice().sort(), after: ['/api/*', '/api/orders/:id', '/api/users/:id'] },
  { file: 'koa-middleware-before-routing.ts', framework: 'koa', metric: 'koa_early_hits_total', label: 'route', before: ['unmatched'], after: ['/users/:id', 'unmatched'] },
  { file: 'hono-middleware-before-routing.ts', framework: 'hono', metric: 'hono_early_hits_total', label: 'route', before: ['/*'], after: ['/*', '/users/:id'] },
  { file: 'fastify-raw-url-on-response.ts', framework: 'fastify', metric: 'fastify_hits_total', label: 'route', before: PATHS.slice().sort(), after: ['/users/:id', 'unmatched'] },
];

describe('fixed code, run against the real frameworks', () => {
  test('every runtime fixture is run here', () => {
    const fixtures = fs.readdirSync(RUNTIME).filter((name) => !name.includes('.fixed.'));
    assert.deepEqual(fixtures.sort(), CASES.map((c) => c.file).sort());
  });

  for (const runtimeCase of CASES) {
    test(`${runtimeCase.file}: before the fix ${runtimeCase.before.join(', ')}; after it, one series per route and one for unmatched`, async () => {
      const source = path.join(RUNTIME, runtimeCase.file);
      const fixed = source.replace(/\.ts$/, '.fixed.ts');
      assert.deepEqual(await labelValuesAfterRequests(source, runtimeCase), runtimeCase.before, 'the original app');
      assert.deepEqual(await labelValuesAfterRequests(fixed, runtimeCase), runtimeCase.after, 'the fixed app');
    });
  }
});

async function labelValuesAfterRequests(file: string, runtimeCase: RuntimeCase): Promise<string[]> {
  const promClient = require('prom-client') as typeof import('prom-client');
  promClient.register.clear();
  const app = loadApp(file).app;
  for (const url of runtimeCase.paths ?? PATHS) await request(runtimeCase.framework, app, url);
  // Express records in the response's 'finish' event, which may follow the client's read.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const metric = (await promClient.register.getMetricsAsJSON()).find((m) => m.name === runtimeCase.metric);
  assert.ok(metric, `${runtimeCase.metric} is registered`);
  return [...new Set(metric.values.map((value) => String(value.labels[runtimeCase.label])))].sort();
}

function loadApp(file: string): { app: unknown } {
  const output = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  fs.mkdirSync(OUT, { recursive: true });
  const compiled = path.join(OUT, `${path.basename(file, '.ts')}.js`);
  fs.writeFileSync(compiled, output);
  delete require.cache[compiled];
  return require(compiled) as { app: unknown };
}

/** One GET through the framework's own entry point. */
async function request(framework: Framework, app: unknown, url: string): Promise<void> {
  switch (framework) {
    case 'hono':
      await (app as { request(url: string): Promise<Response> }).request(url);
      return;
    case 'fastify': {
      const fastify = app as { ready(): Promise<unknown>; inject(options: { url: string }): Promise<unknown> };
      await fastify.ready();
      await fastify.inject({ url });
      return;
    }
    case 'express':
      return overHttp(app as http.RequestListener, url);
    case 'koa':
      return overHttp((app as { callback(): http.RequestListener }).callback(), url);
  }
}

async function overHttp(listener: http.RequestListener, url: string): Promise<void> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${url}`);
    await response.text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
