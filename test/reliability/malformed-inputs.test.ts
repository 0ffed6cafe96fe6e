/**
 * The bad-input table: every kind of broken, pathological or hostile source file the issue names, run
 * through the real CLI (the same analysis the server runs). Each row asserts the exact outcome: the
 * exit code, the findings (the healthy file beside the bad one is always still reported) and the notes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import { DEEP_NESTING, HEALTHY_FILE, healthyFinding, labelled, LONG_OPERATOR_CHAIN } from './bad-inputs';
import type * as CoreModule from '../../server/src/analysis';
import { runCli, summarizeFindings } from './cli-run';
import { InMemoryProject } from './in-memory-project';
import { loadServerModule } from '../support/server-module';
import { createTempTree, removeTree, Tree } from '../support/temp-tree';

interface Row {
  readonly name: string;
  readonly tree: Tree;
  /** Changes the tree in ways a plain file list cannot (symbolic links). */
  readonly prepare?: (root: string) => void;
  /** Wraps the file system, for files that vanish between listing and reading. */
  readonly system?: (root: string) => ts.System;
  readonly fileTimeBudgetMs?: number;
  readonly findings: readonly string[];
  readonly notes: readonly { readonly file?: string; readonly message: string }[];
}

const { DEFAULT_CONFIG } = loadServerModule<typeof CoreModule>('analysis');
const HEALTHY = healthyFinding('good.ts');
const PARSER_OVERFLOW = 'skipped: nested too deeply for TypeScript to parse';
const FIVE_MEGABYTES = `// generated\n${"export const value = 'x';\n".repeat(210_000)}`;
/** Minified, the code keeps no types: the request is known from Express calling the handler. */
const EXPRESS_APP = `import express from 'express';
import { Counter } from 'prom-client';

const requests = new Counter({ name: 'requests_total', help: 'Requests', labelNames: ['route'] });
const app = express();
app.get('/users/:id', (req, res) => {
  requests.inc({ route: req.path });
  res.end();
});
`;
const MINIFIED = esbuild.transformSync(EXPRESS_APP, { loader: 'ts', minify: true, format: 'esm' }).code;
const BINARY = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
const INVALID_BYTES = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);
const INVALID_UTF8 = Buffer.concat([Buffer.from(HEALTHY_FILE), Buffer.from("export const note = '"), INVALID_BYTES, Buffer.from("';\n// "), INVALID_BYTES]);

/** A file system on which `vanished.ts` is listed but gone when it is read. */
function vanishing(root: string): ts.System {
  const vanished = `${root}/vanished.ts`;
  return { ...ts.sys, readFile: (file, encoding) => (file === vanished ? undefined : ts.sys.readFile(file, encoding)) };
}

const ROWS: readonly Row[] = [
  { name: 'a syntax error', tree: { 'bad.ts': 'export function (' }, findings: [HEALTHY], notes: [] },
  { name: 'a half-typed expression', tree: { 'bad.ts': labelled('req.') }, findings: [HEALTHY], notes: [] },
  { name: 'an unterminated string', tree: { 'bad.ts': labelled("'abc") }, findings: [HEALTHY], notes: [] },
  { name: 'an unterminated template', tree: { 'bad.ts': labelled('`${req.path}') }, findings: ['bad.ts:5:25 raw-path-label route', HEALTHY], notes: [] },
  ...Object.entries(DEEP_NESTING).map(([shape, text]) => ({
    name: `10,000 levels of ${shape}`,
    tree: { 'bad.ts': text },
    findings: [HEALTHY],
    notes: [{ file: 'bad.ts', message: shape === 'member chain' ? 'skipped: nested 10009 levels deep; Cardinal analyses up to 500' : PARSER_OVERFLOW }],
  })),
  { name: 'an operator chain of 10,000 operands', tree: { 'bad.ts': LONG_OPERATOR_CHAIN }, findings: ['bad.ts:5:25 raw-path-label route', HEALTHY], notes: [] },
  { name: 'a 5 MB generated file', tree: { 'generated.ts': FIVE_MEGABYTES }, findings: [HEALTHY], notes: [{ file: 'generated.ts', message: 'skipped: larger than 2 MB (5.3 MB)' }] },
  { name: 'a minified bundle', tree: { 'bundle.min.js': MINIFIED }, findings: [`bundle.min.js:1:${MINIFIED.indexOf('route:') + 7} raw-path-label route`, HEALTHY], notes: [] },
  { name: 'a binary file named .ts', tree: { 'image.ts': BINARY }, findings: [HEALTHY], notes: [] },
  { name: 'invalid UTF-8 in a .ts file', tree: { 'latin1.ts': INVALID_UTF8 }, findings: [HEALTHY, 'latin1.ts:6:25 raw-path-label route'], notes: [] },
  { name: 'a file that vanishes between listing and reading', tree: { 'vanished.ts': HEALTHY_FILE }, system: vanishing, findings: [HEALTHY], notes: [{ file: 'vanished.ts', message: 'skipped: could not be read' }] },
  {
    name: 'a symbolic link loop',
    tree: { 'nested/inner.ts': HEALTHY_FILE },
    prepare: (root) => fs.symlinkSync(root, path.join(root, 'nested', 'loop'), 'dir'),
    findings: [HEALTHY, healthyFinding('nested/inner.ts')],
    notes: [],
  },
  { name: 'node_modules in the scanned tree', tree: { 'node_modules/lib/index.ts': HEALTHY_FILE }, findings: [HEALTHY], notes: [] },
  {
    name: 'a file over its time budget',
    tree: {},
    fileTimeBudgetMs: -1,
    findings: [],
    notes: [{ file: 'good.ts', message: 'analysis stopped after its time budget of -1 ms; the findings of this file may be incomplete' }],
  },
];

describe('bad inputs: the scan goes on, and says what it skipped', () => {
  const roots: string[] = [];
  after(() => roots.forEach(removeTree));

  for (const row of ROWS) {
    test(row.name, async () => {
      const root = createTempTree({ 'good.ts': HEALTHY_FILE, ...row.tree });
      roots.push(root);
      row.prepare?.(root);
      const run = await runCli(root, ['.'], { system: row.system?.(root), fileTimeBudgetMs: row.fileTimeBudgetMs });
      assert.equal(run.code, row.findings.length > 0 ? 1 : 0, run.stderr);
      assert.deepEqual(summarizeFindings(run.report), row.findings);
      assert.deepEqual(run.report?.notes, row.notes);
    });
  }
});

describe('deep nesting in a language service (the server\'s path): the file is held empty, the project lives on', () => {
  const project = new InMemoryProject();
  for (const [shape, text] of Object.entries(DEEP_NESTING)) {
    test(`10,000 levels of ${shape}`, () => {
      const findings = project.analyze({ 'bad.ts': text, 'good.ts': HEALTHY_FILE }, DEFAULT_CONFIG);
      assert.deepEqual(project.skipped.map((skipped) => skipped.file), ['bad.ts']);
      assert.deepEqual(findings.get('bad.ts'), []);
      assert.deepEqual(findings.get('good.ts')?.map((finding) => [finding.ruleId, finding.label]), [['raw-path-label', 'route']]);
      // The next edit makes the file healthy: it is parsed and analysed again.
      const healed = project.analyze({ 'bad.ts': HEALTHY_FILE, 'good.ts': HEALTHY_FILE }, DEFAULT_CONFIG);
      assert.deepEqual(project.skipped, []);
      assert.equal(healed.get('bad.ts')?.length, 1);
    });
  }
});
