/**
 * The `cardinal` command end to end: spawned as users run it for arguments, configuration, formats
 * and exit codes, and run in-process with a stand-in language frontend where a test needs findings
 * (so these tests do not depend on the analysis core; see cli-scan.test.ts for those that do).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as ts from 'typescript';
import type { Finding } from '../../server/src/analysis';
import type * as CliModule from '../../server/src/cli/cardinal';
import type { BatchLanguage } from '../../server/src/languages';
import { sarifSchemaErrors } from './sarif-validator';
import { loadServerModule, REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const { main } = loadServerModule<typeof CliModule>('cli/cardinal');
const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');

const roots: string[] = [];
after(() => roots.forEach(removeTree));
function tree(files: Record<string, string>): string {
  const root = createTempTree(files);
  roots.push(root);
  return root;
}

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real bin as a user would, in `cwd`, without colours or a terminal. */
function cardinal(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN_SERVICE = {
  'src/server.ts': "import { createServer } from 'node:http';\ncreateServer((_req, res) => res.end('ok')).listen(8080);\n",
  'src/util.js': 'export const answer = 42;\n',
};

describe('command line', () => {
  test('--help prints usage on stdout and exits 0', () => {
    for (const args of [['--help'], ['scan', '--help'], ['help']]) {
      const run = cardinal(REPO_ROOT, ...args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: cardinal scan \[paths\.\.\.\] \[options\]/);
      assert.match(run.stdout, /--format <format>/);
      assert.equal(run.stderr, '');
    }
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no command', [], /^cardinal: missing command/],
    ['unknown command', ['lint'], /^cardinal: unknown command "lint"/],
    ['unknown option', ['scan', '--fixes'], /^cardinal: Unknown option '--fixes'/],
    ['--fix with --fix-dry-run', ['scan', '--fix', '--fix-dry-run'], /^cardinal: --fix and --fix-dry-run cannot be used together/],
    ['unknown format', ['scan', '--format', 'xml'], /^cardinal: unknown format "xml": use text, json, sarif/],
    ['bad --max-warnings', ['scan', '--max-warnings', 'many'], /^cardinal: --max-warnings takes a whole number of warnings, not "many"/],
    ['missing path', ['scan', 'no/such/folder'], /^cardinal: no such file or folder: no\/such\/folder/],
    ['rules with a scan format', ['rules', '--format', 'sarif'], /^cardinal: unknown format "sarif" for rules: use text, json, markdown/],
  ];
  for (const [name, args, message] of usageErrors) {
    test(`usage error: ${name} exits 2 with a message on stderr and nothing on stdout`, () => {
      const run = cardinal(tree(CLEAN_SERVICE), ...args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }
});

describe('cardinal rules', () => {
  test('text: one line per rule with its default severity and summary', () => {
    const run = cardinal(REPO_ROOT, 'rules');
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.map((line) => line.split(/\s+/)[0]), ['raw-path-label', 'unbounded-label', 'route-pattern-too-early', 'dynamic-metric-name', 'suspicious-label-name', 'series-budget', 'unused-suppression']);
    assert.match(lines[0], /^raw-path-label\s+error\s+A raw request path or URL reaches a metric label/);
  });

  test('json: each rule links to its page, markdown: the pages themselves', () => {
    const rules = JSON.parse(cardinal(REPO_ROOT, 'rules', '--format', 'json').stdout) as { id: string; documentation: string }[];
    for (const rule of rules) {
      assert.ok(rule.documentation.endsWith(`/docs/rules/${rule.id}.md`), rule.documentation);
      assert.ok(fs.existsSync(new URL(rule.documentation)), `${rule.documentation} exists`);
    }
    assert.match(cardinal(REPO_ROOT, 'rules', '--format', 'markdown').stdout, /^# `raw-path-label`\n/);
  });
});

describe('scanning a clean folder', () => {
  const root = tree(CLEAN_SERVICE);

  test('text: a summary, exit 0', () => {
    const run = cardinal(root, 'scan');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, 'No findings in 2 files.\n');
  });

  test('json: the summary and no findings, exit 0', () => {
    const run = cardinal(root, 'scan', 'src', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const document = JSON.parse(run.stdout);
    assert.equal(document.root, root);
    assert.deepEqual(document.summary, { files: 2, findings: 0, error: 0, warning: 0, info: 0, hint: 0 });
    assert.deepEqual(document.findings, []);
  });

  test('sarif: a valid SARIF 2.1.0 log, exit 0', () => {
    const run = cardinal(root, 'scan', '-f', 'sarif');
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
  });

  test('--output writes the report to a file and nothing to stdout', () => {
    const run = cardinal(root, 'scan', '--format', 'json', '--output', 'report.json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8')).summary.files, 2);
  });

  test('paths anywhere on disk, reported relative to the working directory', () => {
    const elsewhere = tree({ 'lib/big.js': 'x'.repeat(2 * 1024 * 1024 + 1) });
    const run = cardinal(root, 'scan', elsewhere, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const expectedFile = path.relative(root, `${elsewhere}/lib/big.js`).replace(/\\/g, '/');
    assert.deepEqual(JSON.parse(run.stdout).notes, [{ file: expectedFile, message: 'skipped: larger than 2 MB (2.1 MB)' }]);
    assert.equal(run.stderr, `cardinal: note: ${expectedFile}: skipped: larger than 2 MB (2.1 MB)\n`);
  });
});

test('a broken tsconfig.json is a note on stderr; the scan goes on', () => {
  const root = tree({
    'tsconfig.json': JSON.stringify({ compilerOptions: { notAnOption: true }, include: ['src'] }),
    'src/metrics.ts': "import { Counter } from 'prom-client';\nexport const hits = new Counter({ name: 'hits_total', help: 'Hits', labelNames: ['kind'] });\n",
  });
  const run = cardinal(root, 'scan', '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, "cardinal: note: tsconfig.json(1,21): error TS5023: Unknown compiler option 'notAnOption'.\n");
  assert.equal(JSON.parse(run.stdout).summary.files, 1);
});

describe('configuration', () => {
  test('a bad cardinal.config.json: exit 2, file, key and problem on stderr, nothing on stdout', () => {
    const root = tree({ ...CLEAN_SERVICE, 'cardinal.config.json': JSON.stringify({ sinks: [{ function: 'recordRequest', labels: { route: -1 } }] }) });
    for (const format of ['text', 'json', 'sarif']) {
      const run = cardinal(root, 'scan', '--format', format);
      assert.equal(run.status, 2, format);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'cardinal: cardinal.config.json: sinks[0].labels.route: the argument index must be a non-negative integer (got -1)\n');
    }
  });

  test('invalid JSON names the line and column', () => {
    const root = tree({ ...CLEAN_SERVICE, 'cardinal.config.json': '{\n  "exclude": ["gen/**"],\n}\n' });
    const run = cardinal(root, 'scan');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^cardinal: cardinal\.config\.json: invalid JSON at line 3, column 1: /);
  });

  test('found in the first path or a folder above it; its exclude globs are relative to its folder', () => {
    const root = tree({
      'cardinal.config.json': JSON.stringify({ exclude: ['service/src/generated/**'] }),
      'service/src/app.ts': 'export {};\n',
      'service/src/generated/client.ts': 'export {};\n',
    });
    const run = cardinal(`${root}/service`, 'scan', 'src', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).summary.files, 1);
  });

  test('--config names the file; its problems are reported under the name given', () => {
    const root = tree({ ...CLEAN_SERVICE, 'ci/strict.json': JSON.stringify({ rules: { 'raw-path': 'error' } }) });
    const run = cardinal(root, 'scan', '--config', 'ci/strict.json');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'cardinal: ci/strict.json: rules.raw-path: unknown rule id "raw-path"; did you mean "raw-path-label"?\n');
  });

  test('--config with a file that does not exist', () => {
    const run = cardinal(tree(CLEAN_SERVICE), 'scan', '--config', 'missing.json');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'cardinal: missing.json: cannot read the configuration file\n');
  });
});

/** Captures what the CLI writes to a stream. */
class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): void {
    this.text += chunk;
  }
}

/** A frontend that reports `findings` for any `.ts` file, standing in for the analysis core. */
function fakeFrontend(findingsFor: (file: string) => Finding[]): BatchLanguage {
  return {
    name: 'fake',
    accepts: (file) => file.endsWith('.ts'),
    analyzeBatch: async (files, context) => {
      const findings = files.flatMap(findingsFor);
      files.forEach((file) => context.fileDone(file));
      return findings;
    },
  };
}

function finding(file: string, severity: Finding['severity'], start = 0): Finding {
  return { file, start, end: start + 6, ruleId: 'unbounded-label', severity, message: `${severity} message`, path: [], fixes: [] };
}

interface InProcessRun {
  readonly code: number;
  readonly stdout: Capture;
  readonly stderr: Capture;
}

async function runInProcess(cwd: string, args: string[], frontend: BatchLanguage, options: { tty?: boolean; env?: Record<string, string> } = {}): Promise<InProcessRun> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const system: ts.System = { ...ts.sys, getCurrentDirectory: () => cwd };
  const code = await main(args, { system, stdout, stderr, env: options.env ?? {}, languages: [frontend] });
  return { code, stdout, stderr };
}

describe('exit codes and terminal output with findings', () => {
  const root = tree({ 'a.ts': 'export const aaaaaa = 1;\n', 'b.ts': 'export const bbbbbb = 2;\n' });

  test('an error exits 1', async () => {
    const run = await runInProcess(root, ['scan'], fakeFrontend((file) => (file.endsWith('a.ts') ? [finding(file, 'error')] : [])));
    assert.equal(run.code, 1);
    assert.match(run.stdout.text, /^a\.ts:1:1 error unbounded-label error message\n/);
  });

  test('warnings exit 1 unless --max-warnings allows them', async () => {
    const warnings = fakeFrontend((file) => [finding(file, 'warning')]);
    assert.equal((await runInProcess(root, ['scan'], warnings)).code, 1);
    assert.equal((await runInProcess(root, ['scan', '--max-warnings', '1'], warnings)).code, 1);
    assert.equal((await runInProcess(root, ['scan', '--max-warnings', '2'], warnings)).code, 0);
  });

  test('info and hints do not fail', async () => {
    const run = await runInProcess(root, ['scan'], fakeFrontend((file) => [finding(file, file.endsWith('a.ts') ? 'info' : 'hint')]));
    assert.equal(run.code, 0);
    assert.match(run.stdout.text, /2 findings \(1 info, 1 hint\) in 2 files\.\n$/);
  });

  test('findings are de-duplicated and sorted by file and position', async () => {
    const run = await runInProcess(
      root,
      ['scan', '--format', 'json'],
      fakeFrontend((file) => (file.endsWith('b.ts') ? [finding(file, 'hint', 7), finding(file, 'hint', 0), finding(file, 'hint', 7)] : [finding(file, 'hint', 13)])),
    );
    const findings = JSON.parse(run.stdout.text).findings as { file: string; start: { column: number } }[];
    assert.deepEqual(findings.map((f) => `${f.file}:${f.start.column}`), ['a.ts:14', 'b.ts:1', 'b.ts:8']);
  });

  test('colours only on a terminal without NO_COLOR; progress only on a terminal', async () => {
    const errors = fakeFrontend((file) => [finding(file, 'error')]);
    const piped = await runInProcess(root, ['scan'], errors);
    assert.doesNotMatch(piped.stdout.text + piped.stderr.text, /\u001b|\r/);

    const terminal = await runInProcess(root, ['scan'], errors, { tty: true });
    assert.match(terminal.stdout.text, /\u001b\[31merror\u001b\[0m/);
    assert.match(terminal.stderr.text, /^\r\u001b\[Kcardinal: scanning 1\/2 files \(50%\)\r\u001b\[Kcardinal: scanning 2\/2 files \(100%\)\r\u001b\[K$/);

    const noColor = await runInProcess(root, ['scan'], errors, { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stdout.text, /\u001b/);
  });

  test('an analyser that throws is an internal error: exit 2', async () => {
    const broken: BatchLanguage = { name: 'broken', accepts: () => true, analyzeBatch: async () => { throw new Error('boom'); } };
    const run = await runInProcess(root, ['scan'], broken);
    assert.equal(run.code, 2);
    assert.equal(run.stdout.text, '');
    assert.match(run.stderr.text, /^cardinal: internal error: Error: boom/);
  });
});
