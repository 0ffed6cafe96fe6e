/**
 * The Go import graph read from text: which packages a scan parses (a package is analysed when it, or a
 * project package it imports directly or not, names a sink), and which packages import a given one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as GraphModule from '../../server/src/go/import-graph';
import { loadServerModule } from '../support/server-module';

const { GoImportGraph, importSectionStrings } = loadServerModule<typeof GraphModule>('go/import-graph');

const SINK = 'package metrics\n\nimport "github.com/prometheus/client_golang/prometheus"\n\nvar hits = prometheus.NewCounterVec(opts, []string{"path"})\n';
const importing = (name: string, ...paths: string[]) => `package ${name}\n\nimport (\n${paths.map((p) => `\t"${p}"\n`).join('')})\n\nfunc Handle() {}\n`;

/** An in-memory module `example.com/shop` at /m; `files` maps paths below it to their text. Records every file read. */
function moduleOf(files: Record<string, string>) {
  const texts = new Map(Object.entries({ 'go.mod': 'module example.com/shop\n', ...files }).map(([name, text]) => [`/m/${name}`, text]));
  const reads: string[] = [];
  const graph = new GoImportGraph(
    {
      readFile: (name) => {
        if (name.endsWith('.go')) reads.push(name);
        return texts.get(name);
      },
      goFilesOf: (directory) => [...texts.keys()].filter((name) => name.endsWith('.go') && name.slice(0, name.lastIndexOf('/')) === directory),
      goFilesBelow: (root) => [...texts.keys()].filter((name) => name.endsWith('.go') && name.startsWith(`${root}/`)),
    },
    (_name, text) => text.includes('NewCounterVec'),
  );
  return { graph, reads };
}

describe('GoImportGraph', () => {
  test('a package naming a sink, and every package importing it directly or not, may have findings', () => {
    const { graph } = moduleOf({
      'metrics/metrics.go': SINK,
      'service/service.go': importing('service', 'example.com/shop/metrics'),
      'handlers/users.go': importing('handlers', 'net/http', 'example.com/shop/service'),
      'models/user.go': importing('models', 'time'),
    });
    assert.equal(graph.mayHaveFindings('/m/metrics'), true);
    assert.equal(graph.mayHaveFindings('/m/service'), true);
    assert.equal(graph.mayHaveFindings('/m/handlers'), true);
    assert.equal(graph.mayHaveFindings('/m/models'), false);
  });

  test('an import cycle is followed to a sink behind it, and one without a sink ends', () => {
    const { graph } = moduleOf({
      'a/a.go': importing('a', 'example.com/shop/b'),
      'b/b.go': importing('b', 'example.com/shop/a', 'example.com/shop/metrics'),
      'metrics/metrics.go': SINK,
      'c/c.go': importing('c', 'example.com/shop/d'),
      'd/d.go': importing('d', 'example.com/shop/c'),
    });
    assert.equal(graph.mayHaveFindings('/m/b'), true);
    assert.equal(graph.mayHaveFindings('/m/a'), true);
    assert.equal(graph.mayHaveFindings('/m/c'), false);
    assert.equal(graph.mayHaveFindings('/m/d'), false);
  });

  test('a package importing only dependencies and the standard library is judged by its own files', () => {
    const { graph } = moduleOf({ 'api/api.go': importing('api', 'github.com/gin-gonic/gin', 'example.org/other/metrics') });
    assert.equal(graph.mayHaveFindings('/m/api'), false);
  });

  test('each file is read once, however many packages import its package', () => {
    const { graph, reads } = moduleOf({
      'models/model.go': importing('models', 'time'),
      'a/a.go': importing('a', 'example.com/shop/models'),
      'b/b.go': importing('b', 'example.com/shop/models'),
    });
    for (const directory of ['/m/a', '/m/b', '/m/models', '/m/a']) assert.equal(graph.mayHaveFindings(directory), false);
    assert.deepEqual(reads.sort(), ['/m/a/a.go', '/m/b/b.go', '/m/models/model.go']);
  });
});

describe('GoImportGraph.importersOf', () => {
  test("the module's packages importing a package, and none for a package nobody imports", () => {
    const { graph } = moduleOf({
      'metrics/metrics.go': SINK,
      'metrics/prometheus/prometheus.go': importing('prometheus', 'example.com/shop/metrics'),
      'middleware/middleware.go': importing('middleware', 'context', 'example.com/shop/metrics'),
      'middleware/std/std.go': importing('std', 'example.com/shop/middleware'),
    });
    assert.deepEqual([...graph.importersOf('/m/metrics')].sort(), ['/m/metrics/prometheus', '/m/middleware']);
    assert.deepEqual(graph.importersOf('/m/middleware'), ['/m/middleware/std']);
    assert.deepEqual(graph.importersOf('/m/middleware/std'), []);
  });
});

describe('importSectionStrings', () => {
  test('every string before the first declaration: single imports, aliased ones, groups and raw strings', () => {
    const text = 'package x\n\nimport "fmt"\nimport m "example.com/shop/metrics"\nimport (\n\t_ "embed" // side effects\n\t. `example.com/shop/dot`\n)\n\nvar late = "example.com/shop/not-an-import"\n';
    assert.deepEqual(importSectionStrings(text), ['fmt', 'example.com/shop/metrics', 'embed', 'example.com/shop/dot']);
  });

  test('a stray quote in a comment spoils its own line only', () => {
    const text = 'package x\n\n// the "odd quote\nimport (\n\t"example.com/shop/metrics"\n)\n\nfunc f() {}\n';
    assert.ok(importSectionStrings(text).includes('example.com/shop/metrics'));
  });
});
