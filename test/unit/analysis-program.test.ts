/**
 * The options of analysis programs: the ECMAScript library of the project, without the host libraries
 * and ambient types that only type checking needs. The fixture runner shows the findings do not change.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as AnalysisProgramModule from '../../server/src/project/analysis-program';
import { loadServerModule } from '../support/server-module';

const { analysisCompilerOptions, analysisHostHooks } = loadServerModule<typeof AnalysisProgramModule>('project/analysis-program');

describe('analysis program options', () => {
  test('a target without `lib` keeps the ECMAScript part of its default library', () => {
    const cases: [ts.ScriptTarget, string][] = [
      [ts.ScriptTarget.ES5, 'lib.es5.d.ts'],
      [ts.ScriptTarget.ES2015, 'lib.es2015.d.ts'],
      [ts.ScriptTarget.ES2022, 'lib.es2022.d.ts'],
      [ts.ScriptTarget.ESNext, 'lib.esnext.d.ts'],
    ];
    for (const [target, lib] of cases) assert.deepEqual(analysisCompilerOptions({ target }).lib, [lib], ts.ScriptTarget[target]);
  });

  test('an explicit `lib` loses its host libraries only', () => {
    const options = analysisCompilerOptions({ lib: ['lib.es2021.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.webworker.d.ts', 'lib.scripthost.d.ts', 'lib.es2022.intl.d.ts'] });
    assert.deepEqual(options.lib, ['lib.es2021.d.ts', 'lib.es2022.intl.d.ts']);
  });

  test('ambient types are dropped, and everything else the project set is kept', () => {
    const options = analysisCompilerOptions({ types: ['node', 'jest'], strict: true, module: ts.ModuleKind.NodeNext, paths: { '@/*': ['src/*'] } });
    assert.deepEqual(options.types, []);
    assert.equal(options.strict, true);
    assert.equal(options.module, ts.ModuleKind.NodeNext);
    assert.deepEqual(options.paths, { '@/*': ['src/*'] });
    assert.equal(options.noEmit, true);
  });

  test('`noLib` stays without a library', () => {
    assert.equal(analysisCompilerOptions({ noLib: true }).lib, undefined);
  });

  test('type reference directives resolve to nothing', () => {
    const resolved = analysisHostHooks.resolveTypeReferenceDirectiveReferences(['node', 'jest']);
    assert.deepEqual(resolved.map((entry) => entry.resolvedTypeReferenceDirective), [undefined, undefined]);
  });

  test('a program built with them loads neither the DOM nor @types/node', () => {
    const options = analysisCompilerOptions({ target: ts.ScriptTarget.ES2022, types: ['node'] });
    const host = Object.assign(ts.createCompilerHost(options, true), analysisHostHooks);
    const original = host.getSourceFile.bind(host);
    const source = '/// <reference types="node" />\nexport const started = Date.now();\n';
    host.getSourceFile = (fileName, ...rest) => (fileName === '/virtual/main.ts' ? ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022) : original(fileName, ...rest));
    host.fileExists = ((exists) => (fileName: string) => fileName === '/virtual/main.ts' || exists(fileName))(host.fileExists.bind(host));
    const loaded = ts.createProgram({ rootNames: ['/virtual/main.ts'], options, host }).getSourceFiles().map((file) => file.fileName);
    assert.ok(loaded.some((file) => file.endsWith('/lib.es2022.d.ts')), 'the ECMAScript library is loaded');
    assert.ok(!loaded.some((file) => /lib\.dom|@types\/node/.test(file)), `loaded: ${loaded.join(', ')}`);
  });
});
