import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as LocatorModule from '../../server/src/project/project-locator';
import type * as GroupsModule from '../../server/src/project/project-groups';
import type * as ProgramModule from '../../server/src/project/create-program';
import { loadServerModule } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { ProjectLocator } = loadServerModule<typeof LocatorModule>('project/project-locator');
const { groupFilesByProject } = loadServerModule<typeof GroupsModule>('project/project-groups');
const { createProjectProgram } = loadServerModule<typeof ProgramModule>('project/create-program');

const json = (value: unknown) => JSON.stringify(value);

const root = createTempTree({
  // A monorepo: the root project owns src/ and tools/, a package has its own project.
  'mono/tsconfig.json': json({ compilerOptions: { strict: true }, include: ['src', 'tools'] }),
  'mono/src/index.ts': 'export const a = 1;',
  'mono/tools/tsconfig.json': json({ files: ['only.ts'] }),
  'mono/tools/only.ts': 'export {};',
  'mono/tools/other.ts': 'export {};',
  'mono/scripts/release.ts': 'export {};',
  'mono/packages/api/tsconfig.json': json({ compilerOptions: { target: 'es2020' }, include: ['src'] }),
  'mono/packages/api/src/server.ts': 'export {};',
  'mono/packages/api/test/server.test.ts': 'export {};',
  // A JavaScript project.
  'js-app/jsconfig.json': json({ compilerOptions: { checkJs: false }, include: ['lib'] }),
  'js-app/lib/app.js': 'module.exports = {};',
  // Vite's layout: a solution-style tsconfig.json referencing tsconfig.app.json in the same folder.
  'vite/tsconfig.json': json({ files: [], references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.node.json' }] }),
  'vite/tsconfig.app.json': json({ compilerOptions: { composite: true, jsx: 'preserve' }, include: ['src'] }),
  'vite/tsconfig.node.json': json({ compilerOptions: { composite: true }, include: ['vite.config.ts'] }),
  'vite/src/main.tsx': 'export const App = () => null;',
  'vite/vite.config.ts': 'export default {};',
  'vite/loose.ts': 'export {};',
  // Broken configs.
  'broken/options/tsconfig.json': json({ compilerOptions: { notAnOption: true }, include: ['*.ts'] }),
  'broken/options/a.ts': 'export {};',
  'broken/syntax/tsconfig.json': '{ "include": [ }',
  'broken/syntax/a.ts': 'export {};',
  'loose/handler.js': 'export function handle() {}',
});
after(() => removeTree(root));

describe('ProjectLocator.findConfigFile', () => {
  const locator = new ProjectLocator(ts.sys);
  const owner = (file: string) => locator.findConfigFile(`${root}/${file}`);

  test('the nearest config that includes the file', () => {
    assert.equal(owner('mono/src/index.ts'), `${root}/mono/tsconfig.json`);
    assert.equal(owner('mono/packages/api/src/server.ts'), `${root}/mono/packages/api/tsconfig.json`);
    assert.equal(owner('mono/tools/only.ts'), `${root}/mono/tools/tsconfig.json`);
  });

  test('falls back further up when the nearest config does not include the file', () => {
    assert.equal(owner('mono/tools/other.ts'), `${root}/mono/tsconfig.json`);
  });

  test('no owner when no config above includes the file', () => {
    assert.equal(owner('mono/scripts/release.ts'), undefined);
    assert.equal(owner('mono/packages/api/test/server.test.ts'), undefined);
    assert.equal(owner('loose/handler.js'), undefined);
  });

  test('a jsconfig.json owns JavaScript and turns allowJs on', () => {
    assert.equal(owner('js-app/lib/app.js'), `${root}/js-app/jsconfig.json`);
    assert.equal(locator.readProject(`${root}/js-app/jsconfig.json`).options.allowJs, true);
  });

  test('a solution-style config owns files through its references', () => {
    assert.equal(owner('vite/src/main.tsx'), `${root}/vite/tsconfig.app.json`);
    assert.equal(owner('vite/vite.config.ts'), `${root}/vite/tsconfig.node.json`);
    assert.equal(owner('vite/loose.ts'), undefined);
  });

  test('a config with mistakes still owns its files', () => {
    assert.equal(owner('broken/options/a.ts'), `${root}/broken/options/tsconfig.json`);
  });
});

describe('ProjectLocator.readProject', () => {
  const locator = new ProjectLocator(ts.sys);

  test('parses files and options relative to the config', () => {
    const project = locator.readProject(`${root}/mono/packages/api/tsconfig.json`);
    assert.deepEqual(project.rootFiles, [`${root}/mono/packages/api/src/server.ts`]);
    assert.equal(project.options.target, ts.ScriptTarget.ES2020);
    assert.equal(project.currentDirectory, `${root}/mono/packages/api`);
    assert.deepEqual(project.errors, []);
  });

  test('resolves project references to config files', () => {
    assert.deepEqual(locator.readProject(`${root}/vite/tsconfig.json`).references, [`${root}/vite/tsconfig.app.json`, `${root}/vite/tsconfig.node.json`]);
  });

  test('reports config errors as messages instead of throwing', () => {
    const options = locator.readProject(`${root}/broken/options/tsconfig.json`);
    assert.equal(options.errors.length, 1);
    assert.match(options.errors[0], /tsconfig\.json\(1,\d+\): error TS5023: Unknown compiler option 'notAnOption'\./);
    const syntax = locator.readProject(`${root}/broken/syntax/tsconfig.json`);
    assert.ok(syntax.errors.length > 0);
    assert.ok(syntax.errors.every((error) => /error TS\d+/.test(error)), syntax.errors.join('\n'));
  });

  test('an unreadable config is an error message too', () => {
    const missing = locator.readProject(`${root}/nowhere/tsconfig.json`);
    assert.deepEqual(missing.rootFiles, []);
    assert.match(missing.errors.join('\n'), /Cannot read file/);
  });

  test('caches parses until told to forget', () => {
    const configFile = `${root}/mono/tsconfig.json`;
    const first = locator.readProject(configFile);
    assert.equal(locator.readProject(configFile), first);
    locator.forget(configFile);
    assert.notEqual(locator.readProject(configFile), first);
  });
});

test('the inferred project: JavaScript on, bundler resolution, nothing emitted', () => {
  const settings = new ProjectLocator(ts.sys).inferredSettings();
  assert.deepEqual(settings.rootFiles, []);
  assert.equal(settings.options.allowJs, true);
  assert.equal(settings.options.module, ts.ModuleKind.ESNext);
  assert.equal(settings.options.moduleResolution, ts.ModuleResolutionKind.Bundler);
  assert.equal(settings.options.target, ts.ScriptTarget.ES2022);
  assert.equal(settings.options.skipLibCheck, true);
  assert.equal(settings.options.noEmit, true);
});

test('groupFilesByProject: one group per owning config, loose files last', () => {
  const files = ['loose/handler.js', 'mono/src/index.ts', 'mono/packages/api/src/server.ts', 'mono/scripts/release.ts', 'mono/tools/other.ts'].map((file) => `${root}/${file}`);
  const groups = groupFilesByProject(new ProjectLocator(ts.sys), files);
  assert.deepEqual(
    groups.map((group) => ({ configFile: group.configFile?.slice(root.length + 1), files: group.files.map((file) => file.slice(root.length + 1)) })),
    [
      { configFile: 'mono/tsconfig.json', files: ['mono/src/index.ts', 'mono/tools/other.ts'] },
      { configFile: 'mono/packages/api/tsconfig.json', files: ['mono/packages/api/src/server.ts'] },
      { configFile: undefined, files: ['loose/handler.js', 'mono/scripts/release.ts'] },
    ],
  );
});

describe('createProjectProgram', () => {
  test('builds the program of a configured project', () => {
    const locator = new ProjectLocator(ts.sys);
    const program = createProjectProgram(ts.sys, locator.readProject(`${root}/mono/tsconfig.json`));
    assert.ok(program.getSourceFile(`${root}/mono/src/index.ts`));
    assert.ok(program.getSourceFile(`${root}/mono/tools/other.ts`));
    assert.ok(program.getTypeChecker());
  });

  test('reads every file through the given system', () => {
    const virtualFile = `${root}/loose/virtual.js`;
    const virtualText = 'export const fromMemory = true;';
    const system: ts.System = {
      ...ts.sys,
      fileExists: (path) => path === virtualFile || ts.sys.fileExists(path),
      readFile: (path, encoding) => (path === virtualFile ? virtualText : ts.sys.readFile(path, encoding)),
    };
    const settings = { ...new ProjectLocator(system).inferredSettings(), rootFiles: [virtualFile, `${root}/loose/handler.js`] };
    const program = createProjectProgram(system, settings);
    assert.equal(program.getSourceFile(virtualFile)?.text, virtualText);
    assert.ok(program.getSourceFile(`${root}/loose/handler.js`), 'JavaScript is part of the inferred project');
  });
});
