/**
 * The server builds its programs from the files it analyses, not from whole projects, so what those
 * files do not import must come in when the analysis needs it: a closed file that calls a function
 * whose parameter reaches a label. test/fixtures-lsp/callers: `metrics.ts` counts hits by the route it
 * is given; `routes.ts`, which nothing imports, gives it `req.path`.
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

test('a closed caller that nothing imports feeds the diagnostic of the open callee', () =>
  withServerOn(CALLERS, async (session) => {
    const metrics = await session.open(path.join(CALLERS, 'src/metrics.ts'));
    const [diagnostic] = (await session.waitForDiagnostics(metrics, 'the raw path passed in by routes.ts', RAW_PATH)).filter((d) => d.code === 'raw-path-label');
    const callerStep = diagnostic.relatedInformation?.find((step) => step.location.uri === uriOf(path.join(CALLERS, 'src/routes.ts')));
    assert.ok(callerStep, `the flow starts in routes.ts: ${JSON.stringify(diagnostic.relatedInformation)}`);
    assert.equal(callerStep.location.range.start.line, 6);
  }));

test('a caller fixed on disk clears the diagnostic of the open callee', async () => {
  const root = copyOfCallers();
  try {
    await withServerOn(root, async (session) => {
      const metrics = await session.open(path.join(root, 'src/metrics.ts'));
      await session.waitForDiagnostics(metrics, 'the raw path passed in by routes.ts', RAW_PATH);
      const routes = path.join(root, 'src/routes.ts');
      fs.writeFileSync(routes, fs.readFileSync(routes, 'utf8').replace('recordHit(req.path)', "recordHit(req.route?.path ?? 'unmatched')"));
      await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(routes), type: FileChangeType.Changed }] });
      await session.waitForDiagnostics(metrics, 'no finding once the caller passes the route pattern', (diagnostics) => diagnostics.length === 0);
    });
  } finally {
    removeTree(root);
  }
});

test('a workspace scan finds the finding that only the caller explains, and counts every file', () =>
  withServerOn(CALLERS, async (session) => {
    const result = await session.connection.sendRequest<{ files: number; findings: number; byRule: Record<string, number> }>('cardinal/scanWorkspace', {});
    assert.equal(result.files, 3);
    assert.deepEqual(result.byRule, { 'raw-path-label': 1 });
    await session.waitForDiagnostics(uriOf(path.join(CALLERS, 'src/metrics.ts')), 'the scan to publish the callee', RAW_PATH);
  }));
