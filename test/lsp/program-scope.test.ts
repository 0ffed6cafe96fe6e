/**
 * The server builds its programs from the files it analyses, not from whole projects, so what those
 * files do not import must come in when the analysis needs it. test/fixtures-lsp/callers: `metrics.ts`
 * counts hits by the route it is given (its parameter goes straight into the label, so the label is
 * judged at its calls); `routes.ts`, which nothing imports, gives it `req.path`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { createTempTree, removeTree } from '../support/temp-tree';
import { LSP_FIXTURES, uriOf, withServerOn } from './lsp-session';

const CALLERS = path.join(LSP_FIXTURES, 'callers');
const RAW_PATH = (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => diagnostic.code === 'raw-path-label');

/** A copy of the callers workspace that a test may change on disk. */
function copyOfCallers(): string {
  const files = ['tsconfig.json', 'src/metrics.ts', 'src/routes.ts', 'src/format.ts'];
  return createTempTree(Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(CALLERS, file), 'utf8')])));
}

test("a wrapper's label is judged where it is called, not inside the wrapper", () =>
  withServerOn(CALLERS, async (session) => {
    const routes = await session.open(path.join(CALLERS, 'src/routes.ts'));
    const [diagnostic] = (await session.waitForDiagnostics(routes, 'the raw path routes.ts passes to recordHit', RAW_PATH)).filter((d) => d.code === 'raw-path-label');
    assert.equal(diagnostic.range.start.line, 6);
    const insideStep = diagnostic.relatedInformation?.find((step) => step.location.uri === uriOf(path.join(CALLERS, 'src/metrics.ts')));
    assert.ok(insideStep, `the flow shows where the label is set: ${JSON.stringify(diagnostic.relatedInformation)}`);
    assert.match(insideStep.message, /becomes label "route" in 'recordHit\(\)'/);
    const metrics = await session.open(path.join(CALLERS, 'src/metrics.ts'));
    await session.waitForDiagnostics(metrics, 'nothing inside the wrapper', (diagnostics) => diagnostics.length === 0);
  }));

test("a wrapper changed on disk changes its open callers' diagnostics", async () => {
  const root = copyOfCallers();
  try {
    await withServerOn(root, async (session) => {
      const routes = await session.open(path.join(root, 'src/routes.ts'));
      await session.waitForDiagnostics(routes, 'the raw path passed to recordHit', RAW_PATH);
      const metrics = path.join(root, 'src/metrics.ts');
      fs.writeFileSync(metrics, fs.readFileSync(metrics, 'utf8').replace('hits.labels(route)', "hits.labels('all')"));
      await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(metrics), type: FileChangeType.Changed }] });
      await session.waitForDiagnostics(routes, 'no finding once recordHit labels a constant', (diagnostics) => diagnostics.length === 0);
    });
  } finally {
    removeTree(root);
  }
});

test("a workspace scan analyses the wrapper's callers that hold its label, and counts every file", () =>
  withServerOn(CALLERS, async (session) => {
    const result = await session.connection.sendRequest<{ files: number; findings: number; byRule: Record<string, number> }>('cardinal/scanWorkspace', {});
    assert.equal(result.files, 3);
    assert.deepEqual(result.byRule, { 'raw-path-label': 1 });
    await session.waitForDiagnostics(uriOf(path.join(CALLERS, 'src/routes.ts')), 'the scan to publish the caller', RAW_PATH);
  }));

test('a workspace scan accepts {}, [] or no params at all (Lua encodes an empty table as [])', () =>
  withServerOn(CALLERS, async (session) => {
    const sent = [
      session.connection.sendRequest<{ files: number }>('cardinal/scanWorkspace', {}),
      session.connection.sendRequest<{ files: number }>('cardinal/scanWorkspace', []),
      session.connection.sendRequest<{ files: number }>('cardinal/scanWorkspace'),
    ];
    for (const result of await Promise.all(sent)) assert.equal(result.files, 3);
  }));
