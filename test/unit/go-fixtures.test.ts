/**
 * Runs every Go fixture under test/fixtures/go (see test/fixtures/README.md): findings must equal the
 * markers, `.fixed.go` files must equal the text after every preferred fix, parse cleanly, leave
 * nothing fixable behind and be gofmt-clean.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CardinalConfig, Finding } from '../../server/src/analysis';
import type * as ConfigModule from '../../server/src/analysis/config';
import type * as GoModule from '../../server/src/go';
import type { GoSourceFile } from '../../server/src/go';
import { applyChanges, compareFindings, parseExpectations } from './markers';
import { loadServerModule } from '../support/server-module';

const { analyzeGoFiles, GoParser } = loadServerModule<typeof GoModule>('go');
const { CONFIG_FILE_NAME, parseConfig } = loadServerModule<typeof ConfigModule>('analysis/config');

const FIXTURES = path.resolve(__dirname, '../../fixtures/go');
const FIXED_SUFFIX = '.fixed.go';

interface GoCase {
  readonly name: string;
  readonly files: readonly GoSourceFile[];
  readonly config: CardinalConfig;
}

/** `<area>/<case>.go` is a one-file case; `<area>/<case>/` a package of several files. */
function collectCases(): GoCase[] {
  const cases: GoCase[] = [];
  for (const area of fs.readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    const areaDir = path.join(FIXTURES, area.name);
    for (const entry of fs.readdirSync(areaDir, { withFileTypes: true })) {
      const full = path.join(areaDir, entry.name);
      if (entry.isDirectory()) {
        const files = fs.readdirSync(full).filter(isCaseFile).map((name) => readSource(path.join(full, name)));
        cases.push({ name: `${area.name}/${entry.name}/`, files, config: configFor(full) });
      } else if (isCaseFile(entry.name)) {
        cases.push({ name: `${area.name}/${entry.name}`, files: [readSource(full)], config: configFor(areaDir) });
      }
    }
  }
  return cases;
}

function isCaseFile(name: string): boolean {
  return name.endsWith('.go') && !name.endsWith(FIXED_SUFFIX);
}

function readSource(fileName: string): GoSourceFile {
  return { fileName, text: fs.readFileSync(fileName, 'utf8') };
}

function fixedFileOf(fileName: string): string {
  return fileName.slice(0, -'.go'.length) + FIXED_SUFFIX;
}

/** The nearest `cardinal.config.json` between the case and the fixture root, or the defaults. */
function configFor(directory: string): CardinalConfig {
  for (let dir = directory; dir.startsWith(FIXTURES); dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    if (!fs.existsSync(file)) continue;
    const { config, problems } = parseConfig(fs.readFileSync(file, 'utf8'), file);
    assert.deepEqual(problems, [], file);
    return config;
  }
  return parseConfig('{}', 'defaults').config;
}

function preferredChanges(findings: readonly Finding[], fileName: string) {
  return findings.flatMap((f) => f.fixes.filter((fix) => fix.preferred).flatMap((fix) => fix.changes)).filter((c) => c.file === fileName);
}

const cases = collectCases();

test('there are at least 35 Go fixture cases', () => {
  assert.ok(cases.length >= 35, `only ${cases.length} cases`);
});

test('Go fixtures', async (t) => {
  const parser = await GoParser.load();
  for (const goCase of cases) {
    await t.test(goCase.name, () => {
      const findings = analyzeGoFiles(parser, goCase.files, goCase.config);
      const fixedFiles: GoSourceFile[] = [];
      for (const file of goCase.files) {
        const own = findings.filter((f) => f.file === file.fileName);
        assert.deepEqual(compareFindings(file.text, parseExpectations(file.text), own, true), [], path.basename(file.fileName));
        const applied = applyChanges(file.text, preferredChanges(findings, file.fileName));
        const fixedName = fixedFileOf(file.fileName);
        if (fs.existsSync(fixedName)) {
          assert.equal(applied, fs.readFileSync(fixedName, 'utf8'), `${path.basename(fixedName)} differs from the preferred fixes`);
          fixedFiles.push({ fileName: file.fileName, text: applied });
        } else {
          assert.equal(applied, file.text, `preferred fixes change ${path.basename(file.fileName)}: add ${path.basename(fixedName)}`);
          fixedFiles.push(file);
        }
      }
      for (const finding of findings) {
        assert.ok(finding.fixes.some((fix) => fix.kind === 'suppress'), `no suppression fix for ${finding.ruleId} at ${finding.start}`);
        const last = finding.path[finding.path.length - 1];
        assert.deepEqual([last?.start, last?.end], [finding.start, finding.end], 'the flow ends at the label');
      }
      if (fixedFiles.some((file, i) => file.text !== goCase.files[i].text)) {
        const left = analyzeGoFiles(parser, fixedFiles, goCase.config).filter((f) => f.fixes.some((fix) => fix.preferred));
        assert.deepEqual(left.map((f) => `${f.ruleId} at ${f.start}`), [], 'the fixed files still have fixable findings');
      }
    });
  }
});

test('every suppression fix silences its finding', async () => {
  const parser = await GoParser.load();
  for (const goCase of cases) {
    for (const finding of analyzeGoFiles(parser, goCase.files, goCase.config)) {
      const suppress = finding.fixes.find((fix) => fix.kind === 'suppress');
      assert.ok(suppress);
      const files = goCase.files.map((file) => ({ ...file, text: applyChanges(file.text, suppress.changes.filter((c) => c.file === file.fileName)) }));
      const after = analyzeGoFiles(parser, files, goCase.config);
      const inserted = suppress.changes[0].newText.length;
      const same = after.find((f) => f.ruleId === finding.ruleId && f.file === finding.file && f.start === finding.start + inserted && f.label === finding.label);
      assert.equal(same, undefined, `${goCase.name}: ${finding.ruleId} at ${finding.start} survives its suppression comment`);
    }
  }
});

test('every .fixed.go parses without ERROR or MISSING nodes', async () => {
  const parser = await GoParser.load();
  for (const fileName of allGoFiles().filter((name) => name.endsWith(FIXED_SUFFIX))) {
    const tree = parser.parse(fileName, fs.readFileSync(fileName, 'utf8'));
    try {
      assert.equal(tree.hasErrors, false, `${path.relative(FIXTURES, fileName)} has syntax errors`);
    } finally {
      tree.dispose();
    }
  }
});

test('every Go fixture is gofmt-clean', () => {
  const gofmt = ensureGofmt();
  const result = spawnSync(gofmt, ['-l', ...allGoFiles()], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '', `not gofmt-formatted:\n${result.stdout}`);
});

function allGoFiles(): string[] {
  const files: string[] = [];
  const pending = [FIXTURES];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.name.endsWith('.go')) files.push(full);
    }
  }
  return files.sort();
}

/** gofmt comes with Debian's golang-go; installed the way the project's machines get it when missing. */
function ensureGofmt(): string {
  const found = () => spawnSync('sh', ['-c', 'command -v gofmt'], { encoding: 'utf8' }).stdout.trim();
  if (found()) return found();
  const install = spawnSync('sh', ['-c', 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y golang-go'], { encoding: 'utf8' });
  assert.ok(found(), `gofmt is missing and apt-get could not install golang-go:\n${install.stderr}`);
  return found();
}
