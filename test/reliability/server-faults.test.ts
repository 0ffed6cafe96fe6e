/**
 * The real server under faults: a file TypeScript cannot parse beside a healthy one, a scan cancelled
 * halfway, and a shutdown in the middle of a scan.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource, WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { LspSession, uriOf, waitFor } from '../lsp/lsp-session';
import { DEEP_NESTING, HEALTHY_FILE } from './bad-inputs';
import { createTempTree, removeTree, Tree } from '../support/temp-tree';

const SCAN_METHOD = 'cardinal/scanWorkspace';
const TSCONFIG = '{ "compilerOptions": { "strict": true, "types": [] }, "include": ["."] }';

interface ScanResult {
  readonly files: number;
  readonly cancelled: boolean;
}

/** A workspace of `count` closed files, each with one finding, so a scan takes a while and has much to publish. */
function manyFiles(count: number): Tree {
  const tree: Record<string, string> = { 'tsconfig.json': TSCONFIG };
  for (let i = 0; i < count; i++) tree[`src/file${i}.ts`] = HEALTHY_FILE.replace(/requests_total/g, `requests_${i}_total`);
  return tree;
}

/** Resolves once the scan under `token` has reported progress on at least one file. */
function firstFileDone(session: LspSession, token: string): Promise<true> {
  return waitFor('the scan to finish its first file', () =>
    (session.progress.get(token) ?? []).some((value) => value.kind === 'report' && /^\d+\//.test((value as WorkDoneProgressReport).message ?? '')) ? true : undefined,
  );
}

test('a file TypeScript cannot parse is skipped with a log line; the rest of its project keeps its diagnostics', async () => {
  const root = createTempTree({ 'tsconfig.json': TSCONFIG, 'good.ts': HEALTHY_FILE, 'deep.ts': DEEP_NESTING.parentheses });
  const { session } = await LspSession.start(root, undefined, 'stdio');
  try {
    const deep = await session.open(path.join(root, 'deep.ts'), DEEP_NESTING.parentheses);
    const good = await session.open(path.join(root, 'good.ts'), HEALTHY_FILE);
    await session.waitForDiagnostics(good, 'the healthy finding', (diagnostics) => diagnostics.length === 1 && diagnostics[0].code === 'raw-path-label');
    await session.waitForDiagnostics(deep, 'no diagnostics for the skipped file', (diagnostics) => diagnostics.length === 0);
    await waitFor('the log line', () => (session.logs.some((log) => log.message === `${root}/deep.ts: skipped: nested too deeply for TypeScript to parse`) ? true : undefined));
    assert.equal(session.logs.filter((log) => log.type === 1).length, 0, `errors were logged: ${JSON.stringify(session.logs)}`);
  } finally {
    await session.shutdown();
    removeTree(root);
  }
});

test('a scan cancelled halfway leaves the problems as they were; a full scan then publishes every file', async () => {
  const root = createTempTree(manyFiles(40));
  const { session } = await LspSession.start(root, undefined, 'stdio');
  try {
    const cancellation = new CancellationTokenSource();
    session.recordProgress('halfway');
    const pending = session.connection.sendRequest<ScanResult>(SCAN_METHOD, { workDoneToken: 'halfway' }, cancellation.token);
    await firstFileDone(session, 'halfway');
    cancellation.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.equal(session.publications.length, 0, 'a cancelled scan published diagnostics');

    session.recordProgress('full');
    const full = await session.connection.sendRequest<ScanResult>(SCAN_METHOD, { workDoneToken: 'full' });
    assert.deepEqual(full, { ...full, files: 40, cancelled: false });
    const published = new Set(session.publications.filter((p) => p.diagnostics.length === 1).map((p) => p.uri));
    assert.equal(published.size, 40);
    assert.ok(published.has(uriOf(path.join(root, 'src/file39.ts'))));
  } finally {
    await session.shutdown();
    removeTree(root);
  }
});

test('a shutdown in the middle of a scan ends the server cleanly', async () => {
  const root = createTempTree(manyFiles(40));
  const { session } = await LspSession.start(root, undefined, 'stdio');
  try {
    session.recordProgress('interrupted');
    void session.connection.sendRequest(SCAN_METHOD, { workDoneToken: 'interrupted' }).catch(() => undefined);
    await firstFileDone(session, 'interrupted');
    assert.equal(await session.shutdown(), 0);
    assert.doesNotMatch(session.stderr, /Error|Unhandled/, session.stderr);
  } finally {
    session.dispose();
    removeTree(root);
  }
});
