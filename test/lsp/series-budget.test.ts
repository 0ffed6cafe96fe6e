/**
 * The series budget in the editor, through the real server: the worst case in the hover on a metric's
 * name, each factor with its evidence linked; a CodeLens above each metric; `cardinal.codeLens.enable`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CodeLensRefreshRequest, CodeLensRequest, DidChangeConfigurationNotification, HoverRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCapabilities, LSP_FIXTURES, uriOf, waitFor, withServerOn, type LspSession } from './lsp-session';

const WORKSPACE = path.join(LSP_FIXTURES, 'series-budget');
const METRICS = path.join(WORKSPACE, 'src', 'metrics.ts');

async function hoverAt(session: LspSession, fileName: string, needle: string): Promise<string> {
  const text = fs.readFileSync(fileName, 'utf8');
  const uri = await session.open(fileName);
  const position = TextDocument.create(uri, 'typescript', 0, text).positionAt(text.indexOf(needle) + 1);
  const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, `a markdown hover at ${needle}`);
  return hover.contents.value;
}

async function lensTitles(session: LspSession): Promise<string[]> {
  const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(METRICS) } });
  return (lenses ?? []).map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title} (${lens.command?.command})`);
}

test('the hover on a metric gives its worst case, each label counted and linked to the write that decides it', () =>
  withServerOn(WORKSPACE, async (session) => {
    const hover = await hoverAt(session, METRICS, "'http_request_duration_seconds'");
    const app = uriOf(path.join(WORKSPACE, 'src', 'app.ts'));
    const expected = [
      '**Metric `http_request_duration_seconds`**',
      '',
      'Worst case: route (3) × method (35) = **≤ 105 series, ≤ 1,470 samples** (12 buckets by default + _sum + _count)',
      '',
      `- \`route\` (3): 2 routes registered in 1 scanned file + "unmatched" ([src/app.ts:7](${app}#L7))`,
      `- \`method\` (35): the methods Node's HTTP parser accepts (http.METHODS) ([src/app.ts:7](${app}#L7))`,
    ].join('\n');
    assert.ok(hover.startsWith(expected), hover);

    const unbounded = await hoverAt(session, METRICS, "'cart_updates_total'");
    assert.ok(unbounded.includes('Worst case: action (1) × user (unbounded) = **unbounded**'), unbounded);
    assert.ok(unbounded.includes("- `user` (unbounded): a request header `req.get('x-user')`"), unbounded);

    const argument = await hoverAt(session, path.join(WORKSPACE, 'src', 'app.ts'), 'req.method');
    assert.ok(argument.includes("(35 values: the methods Node's HTTP parser accepts (http.METHODS))"), argument);
    assert.ok(argument.endsWith('Metric `http_request_duration_seconds`, worst case: route (3) × method (35) = **≤ 105 series, ≤ 1,470 samples**'), argument);
  }));

test('a StatsD stat is counted over its writes in every file, a tag one write leaves out adding one series', () =>
  withServerOn(WORKSPACE, async (session) => {
    const hover = await hoverAt(session, path.join(WORKSPACE, 'src', 'jobs.ts'), "'jobs.queued'");
    const jobs = uriOf(path.join(WORKSPACE, 'src', 'jobs.ts'));
    const expected = [
      '**Metric `shop.jobs.queued`**',
      '',
      'Worst case: queue (4) = **≤ 4 series**',
      '',
      `- \`queue\` (4): "mail" | "sms" | "push" + no tag (in 1 of 2 writes) ([src/jobs.ts:6](${jobs}#L6))`,
    ].join('\n');
    assert.ok(hover.startsWith(expected), hover);
  }));

test('a CodeLens above each metric says its worst case, and the setting turns them off', () =>
  withServerOn(WORKSPACE, async (session) => {
    await session.open(METRICS);
    assert.deepEqual(await lensTitles(session), [
      '3: Cardinal: ≤ 105 series, ≤ 1,470 samples (cardinal.showSeriesBreakdown)',
      "4: Cardinal: unbounded: user ← req.get('x-user') (cardinal.showSeriesBreakdown)",
      '5: Cardinal: unknown: ok not counted (cardinal.showSeriesBreakdown)',
    ]);
    session.settings = { codeLens: { enable: false } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(await lensTitles(session), []);
  }));

test('an edit of another file asks the client for the lenses again, which then count its new route', () => {
  const capabilities = defaultCapabilities();
  return withServerOn(
    WORKSPACE,
    async (session) => {
      let refreshes = 0;
      session.connection.onRequest(CodeLensRefreshRequest.type, () => {
        refreshes++;
      });
      await session.open(METRICS);
      assert.equal((await lensTitles(session))[0], '3: Cardinal: ≤ 105 series, ≤ 1,470 samples (cardinal.showSeriesBreakdown)');
      const app = path.join(WORKSPACE, 'src', 'app.ts');
      const uri = await session.open(app);
      const text = fs.readFileSync(app, 'utf8');
      await session.change(uri, text.replace("app.get('/cart',", "app.get('/cart/:id', (_req, res) => res.end());\napp.get('/cart',"));
      await waitFor('a CodeLens refresh request', () => (refreshes > 0 ? true : undefined));
      assert.equal((await lensTitles(session))[0], '3: Cardinal: ≤ 140 series, ≤ 1,960 samples (cardinal.showSeriesBreakdown)');
    },
    { ...capabilities, workspace: { ...capabilities.workspace, codeLens: { refreshSupport: true } } },
  );
});
