/**
 * Monorepos: a sibling package imported by name resolves to its sources on a fresh clone (nothing
 * installed, nothing built), and a wrapper one package exports is judged at the calls another
 * package (with its own tsconfig.json) makes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as WorkspaceModule from '../../server/src/project/workspace-packages';
import type * as LocatorModule from '../../server/src/project/project-locator';
import { loadServerModule, REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { WorkspacePackages } = loadServerModule<typeof WorkspaceModule>('project/workspace-packages');
const { ProjectLocator } = loadServerModule<typeof LocatorModule>('project/project-locator');

const PROJECT = JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, skipLibCheck: true }, include: ['src'] });

const PNPM_TREE = {
  'package.json': JSON.stringify({ name: 'acme', private: true }),
  'pnpm-workspace.yaml': "packages:\n  # services and shared code\n  - 'services/*'\n  - \"packages/**\"\n  - '!packages/legacy'\ncatalog:\n  zod: 3.0.0\n",
  'packages/metrics/package.json': JSON.stringify({ name: '@acme/metrics', main: './dist/index.js', exports: { '.': './dist/index.js', './src/*': './dist/*.js' } }),
  'packages/metrics/tsconfig.json': PROJECT,
  // The wrapper: its stat's tags go straight to StatsD.
  'packages/metrics/src/index.ts': "export { recordIncrement } from './record';\n",
  'packages/metrics/src/record.ts':
    "import StatsD from 'hot-shots';\n\nconst client = new StatsD();\n\nexport function recordIncrement(stat: string, tags: Record<string, string>): void {\n  client.increment(stat, 1, tags);\n}\n",
  'packages/tools/nested/package.json': JSON.stringify({ name: 'nested-tool' }),
  'services/api/package.json': JSON.stringify({ name: 'api', dependencies: { '@acme/metrics': 'workspace:*', express: '^5' } }),
  'services/api/tsconfig.json': PROJECT,
  // Calls the wrapper by the package's name; holds no metric call itself.
  'services/api/src/routes.ts':
    "import type { Request } from 'express';\nimport { recordIncrement } from '@acme/metrics';\n\nexport function show(req: Request): void {\n  recordIncrement('api.hits', { path: req.path, plan: 'free' });\n}\n",
  'services/api/src/health.ts': "export function health(): string {\n  return 'ok';\n}\n",
};

describe('workspace packages', () => {
  const root = createTempTree(PNPM_TREE);
  after(() => removeTree(root));

  test('pnpm-workspace.yaml globs map each package name to its folder, tried before node_modules', () => {
    const options = new WorkspacePackages(ts.sys).withPackagePaths({ strict: true }, `${root}/services/api`);
    assert.deepEqual(options.paths, {
      '@acme/metrics': [`${root}/packages/metrics/src/index`, `${root}/packages/metrics/index`, `${root}/packages/metrics/lib/index`],
      '@acme/metrics/*': [`${root}/packages/metrics/*`],
      'nested-tool': [`${root}/packages/tools/nested/src/index`, `${root}/packages/tools/nested/index`, `${root}/packages/tools/nested/lib/index`],
      'nested-tool/*': [`${root}/packages/tools/nested/*`],
      api: [`${root}/services/api/src/index`, `${root}/services/api/index`, `${root}/services/api/lib/index`],
      'api/*': [`${root}/services/api/*`],
    });
    assert.equal(options.strict, true);
  });

  test("a project's own paths win over the workspace's", () => {
    const own = { '@acme/metrics': ['./vendor/metrics'] };
    const options = new WorkspacePackages(ts.sys).withPackagePaths({ paths: own }, `${root}/services/api`);
    assert.deepEqual(options.paths?.['@acme/metrics'], ['./vendor/metrics']);
  });

  test('the project of a package resolves an import of a sibling package to its source', () => {
    const settings = new ProjectLocator(ts.sys).readProject(`${root}/services/api/tsconfig.json`);
    const host = { fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, directoryExists: ts.sys.directoryExists, getDirectories: ts.sys.getDirectories };
    const resolved = ts.resolveModuleName('@acme/metrics', `${root}/services/api/src/routes.ts`, settings.options, host).resolvedModule;
    assert.equal(resolved?.resolvedFileName, `${root}/packages/metrics/src/index.ts`);
  });

  test('a folder outside any workspace gets no paths', () => {
    const outside = createTempTree({ 'package.json': JSON.stringify({ name: 'single' }) });
    try {
      assert.equal(new WorkspacePackages(ts.sys).withPackagePaths({}, outside).paths, undefined);
    } finally {
      removeTree(outside);
    }
  });

  test('npm workspaces (a list, or an object with packages) count the same', () => {
    for (const workspaces of [['libs/*'], { packages: ['libs/*'] }]) {
      const tree = createTempTree({ 'package.json': JSON.stringify({ name: 'mono', workspaces }), 'libs/a/package.json': JSON.stringify({ name: 'a' }) });
      try {
        assert.deepEqual(Object.keys(new WorkspacePackages(ts.sys).withPackagePaths({}, `${tree}/libs/a`).paths ?? {}), ['a', 'a/*']);
      } finally {
        removeTree(tree);
      }
    }
  });

  test("the CLI judges one package's wrapper at another package's call", () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', '.', '--format', 'json'], { encoding: 'utf8', cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; start: { line: number }; label: string }[] };
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.file, finding.start.line, finding.label]),
      [['raw-path-label', 'services/api/src/routes.ts', 5, 'path']],
    );
  });
});
