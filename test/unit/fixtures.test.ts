/**
 * The fixture runner, for every language (see test/fixtures/README.md). Each case runs in each of its
 * language's runs (TypeScript: the analysis program, the compiler's program, untyped; Go: its
 * package), and in every run:
 * - its findings equal its inline markers;
 * - the product's own fix-all (`combinePreferredFixes`) turns each file into its `.fixed` file, or
 *   leaves it unchanged when it has none; the fixed text parses, and has nothing fixable left;
 * - every finding's flow ends at the label, and its suppression fixes (next line, whole file) silence it.
 * The configuration of a case is found the way the CLI and the server find it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as CoreModule from '../../server/src/analysis';
import type { CardinalConfig, Finding } from '../../server/src/analysis';
import type * as GoModule from '../../server/src/go';
import type * as DiscoveryModule from '../../server/src/project/config-discovery';
import { loadServerModule } from '../support/server-module';
import { collectCases, fixedFileOf, FIXTURES, type Case } from './fixtures/cases';
import { goRun } from './fixtures/go-runs';
import type { FixtureRun } from './fixtures/runs';
import { typescriptRuns } from './fixtures/typescript-runs';
import { applyChanges, compareFindings, compareWorstCases, parseExpectations } from './markers';

const { combinePreferredFixes } = loadServerModule<typeof CoreModule>('analysis');
const { GoParser } = loadServerModule<typeof GoModule>('go');
const { ConfigDiscovery } = loadServerModule<typeof DiscoveryModule>('project/config-discovery');

const cases = collectCases();
const configs = new ConfigDiscovery(ts.sys);
const UNSUPPRESSIBLE = new Set(['unused-suppression']);

test('there are fixture cases of every language', () => {
  assert.ok(cases.filter((c) => c.language === 'typescript').length >= 150);
  assert.ok(cases.filter((c) => c.language === 'go').length >= 55);
});

/** Defines a suite of `run` over the cases of its language; `deep` adds the checks that re-analyse each suppression. */
function suite(title: string, language: Case['language'], run: () => FixtureRun, deep: boolean): void {
  describe(title, () => {
    for (const fixture of cases.filter((c) => c.language === language)) test(fixture.name, () => checkCase(fixture, run(), deep));
  });
}

const tsCases = cases.filter((c) => c.language === 'typescript');
let tsRuns: FixtureRun[] | undefined;
const tsRun = (index: number) => () => (tsRuns ??= typescriptRuns(tsCases))[index];
suite('fixtures (typescript, analysis program)', 'typescript', tsRun(0), true);
suite('fixtures (typescript, compiler program)', 'typescript', tsRun(1), false);
suite('fixtures (typescript, untyped)', 'typescript', tsRun(2), false);

let go: FixtureRun | undefined;
describe('go fixtures', () => {
  before(async () => {
    go = goRun(await GoParser.load());
  });
  for (const fixture of cases.filter((c) => c.language === 'go')) test(fixture.name, () => checkCase(fixture, go!, true));
});

function checkCase(fixture: Case, run: FixtureRun, deep: boolean): void {
  const { config, isExcluded } = configs.forFile(fixture.files[0]);
  assert.deepEqual(configs.problems(), [], 'the fixtures’ configuration files are valid');
  const texts = new Map(fixture.files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const analysis = run.analyze(fixture, config);
  const findings = analysis.findings.filter((finding) => !isExcluded(finding.file));

  const problems: string[] = [];
  for (const [file, text] of texts) {
    const own = findings.filter((finding) => finding.file === file);
    const expectations = parseExpectations(text);
    const worstCases = analysis.worstCases.filter((worstCase) => worstCase.file === file);
    problems.push(
      ...[...compareFindings(text, expectations, own, run.typed), ...compareWorstCases(text, expectations, worstCases, run.typed, isBudgetCase(fixture))].map((d) => `${path.relative(FIXTURES, file)}: ${d}`),
    );
  }
  assert.deepEqual(problems, [], `findings differ from markers:\n  ${problems.join('\n  ')}`);

  checkFixAll(fixture, run, config, isExcluded, texts, findings);
  for (const finding of findings) {
    const last = finding.path[finding.path.length - 1];
    if (last) assert.deepEqual([last.file, last.start, last.end], [finding.file, finding.start, finding.end], `the flow of ${finding.ruleId} ends at the label`);
    if (UNSUPPRESSIBLE.has(finding.ruleId)) continue;
    for (const kind of ['suppress', 'suppress-file'] as const) {
      const suppress = finding.fixes.find((fix) => fix.kind === kind);
      assert.ok(suppress, `${finding.ruleId} at ${finding.start} has a ${kind} fix`);
      if (deep) checkSuppressionSilences(fixture, run, config, texts, finding, suppress);
    }
  }
}

/** A case of a series-budget area: every metric it declares has its worst case written next to it. */
function isBudgetCase(fixture: Case): boolean {
  return fixture.name.startsWith('series-budget/') || fixture.name.startsWith('go/series-budget/');
}

/** The product's fix-all must produce each `.fixed` file exactly, parse, and leave nothing fixable. */
function checkFixAll(fixture: Case, run: FixtureRun, config: CardinalConfig, isExcluded: (file: string) => boolean, texts: ReadonlyMap<string, string>, findings: readonly Finding[]): void {
  const changes = combinePreferredFixes(findings);
  const fixedTexts = new Map<string, string>();
  for (const [file, text] of texts) {
    const applied = applyChanges(text, changes.filter((change) => change.file === file));
    const fixedFile = fixedFileOf(file);
    // A run without library types misses `[typed-only]` findings, and so their fixes.
    const complete = run.typed || !parseExpectations(text).some((e) => e.typedOnly);
    if (fixedFile && complete) assert.equal(applied, fs.readFileSync(fixedFile, 'utf8'), `${path.relative(FIXTURES, fixedFile)} differs from the text after fix-all`);
    else if (!fixedFile) assert.equal(applied, text, `fix-all changes ${path.relative(FIXTURES, file)}: add its .fixed file`);
    assert.deepEqual(run.syntaxErrors(file, applied), [], `${path.relative(FIXTURES, file)} has syntax errors after fix-all`);
    fixedTexts.set(file, applied);
  }
  const changed = [...fixedTexts].some(([file, text]) => text !== texts.get(file));
  if (changed) {
    const left = run.analyze(fixture, config, fixedTexts).findings.filter((f) => !isExcluded(f.file) && f.fixes.some((fix) => fix.preferred));
    assert.deepEqual(left.map((f) => `${f.ruleId} at ${f.start}`), [], 'after fix-all, nothing fixable is left');
  }
}

function checkSuppressionSilences(fixture: Case, run: FixtureRun, config: CardinalConfig, texts: ReadonlyMap<string, string>, finding: Finding, suppress: Finding['fixes'][number]): void {
  const suppressed = new Map([...texts].map(([file, text]) => [file, applyChanges(text, suppress.changes.filter((change) => change.file === file))]));
  const inserted = suppress.changes.filter((change) => change.file === finding.file && change.start <= finding.start).reduce((n, change) => n + change.newText.length - (change.end - change.start), 0);
  const after = run.analyze(fixture, config, suppressed).findings;
  const same = after.find((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.start === finding.start + inserted && f.label === finding.label);
  assert.equal(same, undefined, `${finding.ruleId} at ${finding.start} survives its suppression comment`);
  const unused = after.filter((f) => f.ruleId === 'unused-suppression' && f.file === finding.file && f.start >= suppress.changes[0].start && f.start < suppress.changes[0].start + suppress.changes[0].newText.length);
  assert.deepEqual(unused, [], 'the inserted directive is used');
}

test('every Go fixture is gofmt-clean', () => {
  const goFiles = cases.filter((c) => c.language === 'go').flatMap((c) => c.files.flatMap((file) => [file, ...(fixedFileOf(file) ? [fixedFileOf(file)!] : [])]));
  const gofmt = ensureGofmt();
  const result = spawnSync(gofmt, ['-l', ...goFiles], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '', `not gofmt-formatted:\n${result.stdout}`);
});

/** gofmt comes with Debian's golang-go; installed the way the project's machines get it when missing. */
function ensureGofmt(): string {
  const found = () => spawnSync('sh', ['-c', 'command -v gofmt'], { encoding: 'utf8' }).stdout.trim();
  if (found()) return found();
  const install = spawnSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y golang-go'], { encoding: 'utf8' });
  assert.ok(found(), `gofmt is missing and apt-get could not install golang-go:\n${install.stderr}`);
  return found();
}
