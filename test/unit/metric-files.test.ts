/**
 * The scan's program is built from the files that can reach a metric, not the whole project: which
 * files those are (text and imports), and that a caller outside them is still analysed when a label
 * of those files is judged at its callers (a wrapper's parameter), through a re-exporting module.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as ImportGraphModule from '../../server/src/project/import-graph';
import type * as MetricFilesModule from '../../server/src/project/metric-files';
import type * as ConfigTypes from '../../server/src/analysis/config-types';
import { loadServerModule, REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { buildImportGraph } = loadServerModule<typeof ImportGraphModule>('project/import-graph');
const { selectMetricFiles } = loadServerModule<typeof MetricFilesModule>('project/metric-files');
const { DEFAULT_CONFIG } = loadServerModule<typeof ConfigTypes>('analysis/config-types');

const TREE = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', noEmit: true, skipLibCheck: true }, include: ['src'] }),
  // Declares the metric: names prom-client.
  'src/metrics/registry.ts': "import { Counter } from 'prom-client';\nexport const hits = new Counter({ name: 'hits_total', help: 'h', labelNames: ['route'] });\n",
  // Labels with a parameter: reaches the registry through a project import.
  'src/metrics/record.ts': "import { hits } from './registry';\n\n/** Counts a hit. */\nexport function recordHit(route: string): void {\n  hits.labels(route).inc();\n}\n",
  'src/metrics/index.ts': "export { recordHit } from './record';\n",
  // Calls the recorder with the raw path through the re-export; holds no metric call itself.
  'src/routes/widgets.ts': "import type { Request } from 'express';\nimport { recordHit } from '../metrics';\n\nexport function show(req: Request): void {\n  recordHit(req.path);\n}\n",
  // `.set(` and `.add(` on project-only imports: no metric can reach it.
  'src/store/cache.ts': "import { clamp } from './math';\n\nconst rows = new Map<string, number>();\nconst seen = new Set<string>();\nexport function put(key: string, value: number): void {\n  rows.set(key, clamp(value));\n  seen.add(key);\n}\n",
  'src/store/math.ts': 'export const clamp = (value: number): number => Math.max(0, value);\n',
};

describe('files a scan analyses', () => {
  const root = createTempTree(TREE);
  after(() => removeTree(root));
  const files = Object.keys(TREE).filter((file) => file.endsWith('.ts')).map((file) => `${root}/${file}`);
  const texts = new Map(files.map((file) => [file, ts.sys.readFile(file)!]));
  const settings = { rootFiles: files, options: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }, currentDirectory: root };
  const graph = buildImportGraph(texts, settings, ts.sys);

  test('the import graph resolves project imports, re-exports included, both ways', () => {
    assert.deepEqual(graph.importsOf(`${root}/src/routes/widgets.ts`), [`${root}/src/metrics/index.ts`]);
    assert.deepEqual(graph.importersOf(`${root}/src/metrics/record.ts`), [`${root}/src/metrics/index.ts`]);
    assert.equal(graph.importsPackages(`${root}/src/routes/widgets.ts`), true, 'express is a package');
    assert.equal(graph.importsPackages(`${root}/src/store/cache.ts`), false);
  });

  test('a metric call is looked for where a metric can reach, and only there', () => {
    const selected = selectMetricFiles(texts, graph, DEFAULT_CONFIG).map((file) => path.relative(root, file));
    assert.deepEqual(selected.sort(), ['src/metrics/record.ts', 'src/metrics/registry.ts']);
  });

  test('the CLI finds the raw path a caller outside those files passes in', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/bin/cardinal.js'), 'scan', root, '--format', 'json'], { encoding: 'utf8', cwd: root });
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; start: { line: number }; label: string }[] };
    assert.deepEqual(
      report.findings.map((finding) => [finding.ruleId, finding.file, finding.start.line, finding.label]),
      // recordHit's parameter goes straight into the label: the finding is at the call that passes the raw path.
      [['raw-path-label', 'src/routes/widgets.ts', 5, 'route']],
    );
  });
});
