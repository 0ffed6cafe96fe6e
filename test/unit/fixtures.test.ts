/**
 * The fixture runner: every case under test/fixtures (but go/) is analysed three times, and its
 * findings must equal its inline markers in each run: against the analysis program Cardinal builds
 * (library types from node_modules, no DOM or ambient `@types`), against the program the project's
 * compiler builds (everything loaded: what the analysis leaves out must change nothing), and with
 * every package import unresolved. Where a `<file>.fixed.<ext>` exists, applying every preferred
 * fix of the case must produce it exactly.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as TypeScriptModule from '../../server/src/typescript';
import type { Finding, TextChange } from '../../server/src/analysis';
import type * as ConfigModule from '../../server/src/analysis/config';
import type * as AnalysisProgramModule from '../../server/src/project/analysis-program';
import type * as ExcludeModule from '../../server/src/project/exclude-globs';
import { applyChanges, compareFindings, parseExpectations } from './markers';
import { loadServerModule } from '../support/server-module';

const { createAnalyzer } = loadServerModule<typeof TypeScriptModule>('typescript');
const { CONFIG_FILE_NAME, parseConfig } = loadServerModule<typeof ConfigModule>('analysis/config');
const { createExcludeMatcher } = loadServerModule<typeof ExcludeModule>('project/exclude-globs');
const { analysisCompilerOptions, analysisHostHooks } = loadServerModule<typeof AnalysisProgramModule>('project/analysis-program');

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const FIXED = /\.fixed\.\w+$/;

interface Case {
  readonly name: string;
  readonly files: readonly string[];
}

function sourceFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFilesUnder(full);
    return SOURCE.test(entry.name) && !FIXED.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function collectCases(): Case[] {
  const cases: Case[] = [];
  for (const group of fs.readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!group.isDirectory() || group.name === 'go') continue;
    const groupDir = path.join(FIXTURES, group.name);
    for (const entry of fs.readdirSync(groupDir, { withFileTypes: true })) {
      const full = path.join(groupDir, entry.name);
      const name = `${group.name}/${entry.name}`;
      if (entry.isDirectory()) cases.push({ name, files: sourceFilesUnder(full) });
      else if (SOURCE.test(entry.name) && !FIXED.test(entry.name)) cases.push({ name, files: [full] });
    }
  }
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

function fixtureOptions(): ts.CompilerOptions {
  const configPath = path.join(FIXTURES, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  assert.ok(parsed, 'test/fixtures/tsconfig.json must parse');
  return parsed.options;
}

/** The program the CLI and the language server analyse. */
function createAnalysisProgram(rootNames: readonly string[], options: ts.CompilerOptions): ts.Program {
  const analysisOptions = analysisCompilerOptions(options);
  const host = Object.assign(ts.createCompilerHost(analysisOptions, true), analysisHostHooks);
  return ts.createProgram({ rootNames, options: analysisOptions, host });
}

/** A program where no package import resolves and no @types load: what a fresh clone without node_modules sees. */
function createUntypedProgram(rootNames: readonly string[], options: ts.CompilerOptions): ts.Program {
  const untypedOptions = analysisCompilerOptions(options);
  const host = Object.assign(ts.createCompilerHost(untypedOptions, true), analysisHostHooks);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, compilerOptions) =>
    literals.map((literal) => {
      if (!literal.text.startsWith('.')) return { resolvedModule: undefined };
      return ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, undefined, redirected);
    });
  return ts.createProgram({ rootNames, options: untypedOptions, host });
}

function configFor(file: string) {
  for (let dir = path.dirname(file); dir.startsWith(FIXTURES); dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) {
      const { config, problems } = parseConfig(fs.readFileSync(candidate, 'utf8'), candidate);
      assert.deepEqual(problems, [], `${candidate} must be valid`);
      return { config, isExcluded: createExcludeMatcher(config.exclude, dir) };
    }
  }
  const { config } = parseConfig('{}', 'defaults');
  return { config, isExcluded: () => false };
}

function fixedFileFor(file: string): string | undefined {
  const extension = path.extname(file);
  const candidate = file.slice(0, -extension.length) + '.fixed' + extension;
  return fs.existsSync(candidate) ? candidate : undefined;
}

const cases = collectCases();
const options = fixtureOptions();
const rootNames = cases.flatMap((c) => c.files);
const programs = {
  typed: createAnalysisProgram(rootNames, options),
  compiler: ts.createProgram({ rootNames, options }),
  untyped: createUntypedProgram(rootNames, options),
};

for (const mode of ['typed', 'compiler', 'untyped'] as const) {
  describe(`fixtures (${mode})`, () => {
    for (const fixture of cases) {
      test(fixture.name, () => {
        const { config, isExcluded } = configFor(fixture.files[0]);
        const analyzer = createAnalyzer(programs[mode], config);
        const problems: string[] = [];
        const findings: Finding[] = [];
        for (const file of fixture.files) {
          const text = fs.readFileSync(file, 'utf8');
          const found = isExcluded(file) ? [] : analyzer.analyzeFile(file);
          findings.push(...found);
          const differences = compareFindings(text, parseExpectations(text), found, mode !== 'untyped');
          problems.push(...differences.map((d) => `${path.relative(FIXTURES, file)}: ${d}`));
        }
        assert.deepEqual(problems, [], `findings differ from markers:\n  ${problems.join('\n  ')}`);
        checkFixedFiles(fixture, findings);
      });
    }
  });
}

/** Every `.fixed` file equals its source after all preferred fixes of the case (which may edit other files). */
function checkFixedFiles(fixture: Case, findings: readonly Finding[]): void {
  const changes = new Map<string, TextChange[]>();
  for (const finding of findings) {
    for (const fix of finding.fixes.filter((f) => f.preferred)) {
      for (const change of fix.changes) {
        const list = changes.get(change.file) ?? [];
        if (!list.some((c) => c.start === change.start && c.end === change.end && c.newText === change.newText)) list.push(change);
        changes.set(change.file, list);
      }
    }
  }
  for (const file of fixture.files) {
    const fixed = fixedFileFor(file);
    if (!fixed) continue;
    const actual = applyChanges(fs.readFileSync(file, 'utf8'), changes.get(file) ?? []);
    assert.equal(actual, fs.readFileSync(fixed, 'utf8'), `${path.relative(FIXTURES, fixed)} differs from the fixed text`);
  }
}
