import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as EnumerationModule from '../../server/src/project/file-enumeration';
import type * as ExcludeModule from '../../server/src/project/exclude-globs';
import type * as SourceFilesModule from '../../server/src/project/source-files';
import { loadServerModule } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { enumerateSourceFiles, MAX_FILE_SIZE } = loadServerModule<typeof EnumerationModule>('project/file-enumeration');
const { createExcludeMatcher } = loadServerModule<typeof ExcludeModule>('project/exclude-globs');
const { isScriptFile } = loadServerModule<typeof SourceFilesModule>('project/source-files');

const roots: string[] = [];
after(() => roots.forEach(removeTree));
function tree(files: Record<string, string>): string {
  const root = createTempTree(files);
  roots.push(root);
  return root;
}

/** The enumerated files relative to `root`, sorted. */
function listed(root: string, result: EnumerationModule.EnumeratedFiles): string[] {
  return result.files.map((file) => file.slice(root.length + 1)).sort();
}

describe('isScriptFile', () => {
  test('JavaScript and TypeScript sources of every flavour', () => {
    for (const name of ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'A.TS', 'my.id.ts']) assert.ok(isScriptFile(`/p/${name}`), name);
  });
  test('not declaration files or other files', () => {
    for (const name of ['a.d.ts', 'a.d.mts', 'a.d.cts', 'styles.d.css.ts', 'a.json', 'a.go', 'README.md', 'ts']) assert.ok(!isScriptFile(`/p/${name}`), name);
  });
});

describe('enumerateSourceFiles', () => {
  test('lists sources in every folder, in a stable order', () => {
    const root = tree({ 'b.ts': '', 'a.js': '', 'types.d.ts': '', 'data.json': '', 'src/c.mts': '', 'src/deep/d.cjs': '', 'web/e.tsx': '' });
    const result = enumerateSourceFiles(ts.sys, [root], { accepts: isScriptFile });
    assert.deepEqual(result.files.map((file) => file.slice(root.length + 1)), ['a.js', 'b.ts', 'src/c.mts', 'src/deep/d.cjs', 'web/e.tsx']);
    assert.deepEqual(result.skipped, []);
  });

  test('skips dependencies, version control and build output', () => {
    const root = tree({
      'src/app.ts': '',
      'node_modules/pkg/index.js': '',
      'packages/x/node_modules/dep/index.js': '',
      '.git/hooks/pre-commit.js': '',
      'out/app.js': '',
      'dist/app.js': '',
      'build/app.js': '',
      'packages/x/dist/index.js': '',
      'packages/x/src/index.ts': '',
    });
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [root], { accepts: isScriptFile })), ['packages/x/src/index.ts', 'src/app.ts']);
  });

  test('a Go package named like build output is walked; JavaScript build output beside it is not', () => {
    const isGoOrScript = (file: string) => file.endsWith('.go') || isScriptFile(file);
    const root = tree({
      'go.mod': 'module example.com/svc\n',
      'internal/build/version.go': 'package build\n',
      'internal/build/linux/flags.go': 'package linux\n',
      'cmd/out/main.go': 'package main\n',
      'web/dist/app.js': '',
      'web/build/app.go.js': '',
    });
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [root], { accepts: isGoOrScript })), ['cmd/out/main.go', 'internal/build/linux/flags.go', 'internal/build/version.go']);
  });

  test('a skipped folder named explicitly is walked', () => {
    const root = tree({ 'dist/app.js': '', 'dist/node_modules/dep.js': '' });
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [`${root}/dist`], { accepts: isScriptFile })), ['dist/app.js']);
  });

  test('survives a symbolic link loop and lists each file once', () => {
    const root = tree({ 'src/a.ts': '', 'src/inner/b.ts': '' });
    fs.symlinkSync(`${root}/src`, `${root}/src/inner/loop`, 'dir');
    fs.symlinkSync(`${root}/src/a.ts`, `${root}/src/alias.ts`, 'file');
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [root], { accepts: isScriptFile })), ['src/a.ts', 'src/inner/b.ts']);
  });

  test('the same folder named twice is walked once', () => {
    const root = tree({ 'a.ts': '' });
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [root, `${root}/`], { accepts: isScriptFile })), ['a.ts']);
  });

  test('skips files over 2 MB with a note', () => {
    const root = tree({ 'small.js': 'x', 'bundle.js': 'x'.repeat(MAX_FILE_SIZE + 1) });
    const result = enumerateSourceFiles(ts.sys, [root], { accepts: isScriptFile });
    assert.deepEqual(listed(root, result), ['small.js']);
    assert.deepEqual(result.skipped, [{ file: `${root}/bundle.js`, reason: 'larger than 2 MB (2.1 MB)' }]);
  });

  test('reads sizes through the given system', () => {
    const root = tree({ 'a.ts': '', 'b.ts': '' });
    const system: ts.System = { ...ts.sys, getFileSize: (path) => (path.endsWith('/b.ts') ? 5 * 1024 * 1024 : 0) };
    const result = enumerateSourceFiles(system, [root], { accepts: isScriptFile });
    assert.deepEqual(listed(root, result), ['a.ts']);
    assert.deepEqual(result.skipped, [{ file: `${root}/b.ts`, reason: 'larger than 2 MB (5 MB)' }]);
  });

  test('leaves out what the exclude globs match, relative to the config folder', () => {
    const root = tree({
      'service/src/app.ts': '',
      'service/src/schema.generated.ts': '',
      'service/legacy/old.js': '',
      'service/legacy/deeper/older.js': '',
      'service/vendor/lib.js': '',
      'service/.hidden/x.generated.ts': '',
    });
    const isExcluded = createExcludeMatcher(['**/*.generated.ts', 'legacy/**', 'vendor'], `${root}/service`);
    assert.deepEqual(listed(root, enumerateSourceFiles(ts.sys, [root], { accepts: isScriptFile, isExcluded })), ['service/src/app.ts']);
  });

  test('files named explicitly: taken, or skipped with the reason', () => {
    const root = tree({ 'a.ts': '', 'notes.md': '', 'gen/b.ts': '' });
    const isExcluded = createExcludeMatcher(['gen/**'], root);
    const result = enumerateSourceFiles(ts.sys, [`${root}/a.ts`, `${root}/notes.md`, `${root}/gen/b.ts`, `${root}/missing.ts`], { accepts: isScriptFile, isExcluded });
    assert.deepEqual(listed(root, result), ['a.ts']);
    assert.deepEqual(result.skipped, [
      { file: `${root}/notes.md`, reason: 'not a supported source file' },
      { file: `${root}/gen/b.ts`, reason: 'excluded by the configuration' },
      { file: `${root}/missing.ts`, reason: 'does not exist' },
    ]);
  });
});

describe('createExcludeMatcher', () => {
  test('never excludes paths outside its folder', () => {
    const isExcluded = createExcludeMatcher(['**'], '/repo/service');
    assert.equal(isExcluded('/repo/service/a.ts'), true);
    assert.equal(isExcluded('/repo/other/a.ts'), false);
    assert.equal(isExcluded('/repo/service'), false);
  });

  test('no globs, nothing excluded', () => {
    assert.equal(createExcludeMatcher([], '/repo')('/repo/a.ts'), false);
  });
});
