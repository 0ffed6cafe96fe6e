/**
 * The language server over stdio, as any editor runs it. Everything here goes through the real
 * analysis core: the diagnostics, code action, cross-file and scan tests need its findings for the
 * incident pattern in test/fixtures-lsp/incident.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  HoverRequest,
  MessageType,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSP_FIXTURES, LspSession, uriOf, waitFor, withServerOn } from './lsp-session';

const INCIDENT = path.join(LSP_FIXTURES, 'incident');
const source = (name: string) => path.join(INCIDENT, 'src', name);
const SCAN_METHOD = 'cardinal/scanWorkspace';

interface ScanResult {
  files: number;
  filesWithFindings: number;
  findings: number;
  byRule: Record<string, number>;
  durationMs: number;
  cancelled: boolean;
}

/** Runs `body` against a fresh server on the incident workspace. */
const withServer = (body: (session: LspSession) => Promise<void>, capabilities?: Parameters<typeof LspSession.start>[1]) => withServerOn(INCIDENT, body, capabilities);

const hasRuleOne = (ruleId: string) => (diagnostic: Diagnostic) => diagnostic.code === ruleId;
const hasRule = (ruleId: string) => (diagnostics: Diagnostic[]) => diagnostics.some(hasRuleOne(ruleId));

function textAt(text: string, range: Diagnostic['range']): string {
  const document = TextDocument.create('file:///x.ts', 'typescript', 0, text);
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
}

function applyEdit(uri: string, text: string, edit: WorkspaceEdit | undefined): string {
  const edits: TextEdit[] = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), edits);
}

function codeActions(session: LspSession, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return session.connection
    .sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } })
    .then((actions) => (actions ?? []).filter((action): action is CodeAction => 'kind' in action || 'edit' in action));
}

test('initialize announces push diagnostics, quick fixes, fix-all and hover', async () => {
  const { session, result } = await LspSession.start(INCIDENT);
  try {
    const { capabilities } = result;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(capabilities.codeActionProvider && typeof capabilities.codeActionProvider === 'object');
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.cardinal']);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(result.serverInfo?.name, 'cardinal');
    assert.equal(await session.shutdown(), 0);
  } finally {
    session.dispose();
  }
});

test('the incident pattern gets a raw-path-label diagnostic with its flow and fixes', () =>
  withServer(async (session) => {
    const fileName = source('middleware.ts');
    const text = fs.readFileSync(fileName, 'utf8');
    const uri = await session.open(fileName);
    const [diagnostic] = (await session.waitForDiagnostics(uri, 'a raw-path-label diagnostic', hasRule('raw-path-label'))).filter(hasRuleOne('raw-path-label'));
    assert.equal(diagnostic.source, 'cardinal');
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/\/.*\/docs\/rules\/raw-path-label\.md$/);
    assert.match(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, /endpoint/);
    const related = diagnostic.relatedInformation ?? [];
    assert.ok(related.length > 0, 'the flow is shown as related information');
    assert.ok(
      related.some((step) => step.location.uri === uri && textAt(text, step.location.range) === 'req.path'),
      `a step points at req.path: ${JSON.stringify(related)}`,
    );
    const data = diagnostic.data as { fixes: { kind: string; preferred: boolean }[] };
    assert.ok(data.fixes.some((fix) => fix.kind === 'route-pattern' && fix.preferred));
    assert.ok(data.fixes.some((fix) => fix.kind === 'suppress' && !fix.preferred));
  }));

test('quick fixes: the route pattern (preferred) and a suppression comment, then fix-all', () =>
  withServer(async (session) => {
    const fileName = source('middleware.ts');
    const text = fs.readFileSync(fileName, 'utf8');
    const uri = await session.open(fileName);
    const [diagnostic] = (await session.waitForDiagnostics(uri, 'a raw-path-label diagnostic', hasRule('raw-path-label'))).filter(hasRuleOne('raw-path-label'));

    const actions = await codeActions(session, uri, diagnostic);
    const routePattern = actions.find((action) => action.title.startsWith('Use the route pattern'));
    assert.ok(routePattern, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(routePattern.isPreferred, true);
    assert.equal(routePattern.kind, 'quickfix');
    assert.ok(!actions.some((action) => action.kind === 'source.fixAll.cardinal'), 'fix-all only when asked for by kind');

    const ignore = actions.find((action) => action.title === 'Ignore this label here');
    assert.ok(ignore);
    const ignored = applyEdit(uri, text, ignore.edit).split('\n');
    const line = diagnostic.range.start.line;
    const indentation = /^\s*/.exec(text.split('\n')[line])![0];
    assert.match(ignored[line], new RegExp(`^${indentation}// cardinal-ignore-next-line raw-path-label -- \\S`));

    const ignoreFile = actions.find((action) => action.title === 'Ignore raw-path-label in this file');
    assert.ok(ignoreFile, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(ignoreFile.isPreferred, false);
    assert.match(applyEdit(uri, text, ignoreFile.edit).split('\n')[0], /^\/\/ cardinal-ignore-file raw-path-label -- \S/);

    const fixed = applyEdit(uri, text, routePattern.edit);
    assert.notEqual(fixed, text);
    await session.change(uri, fixed);
    await session.waitForDiagnostics(uri, 'no raw-path-label after the fix', (diagnostics) => !hasRule('raw-path-label')(diagnostics));

    await session.change(uri, text);
    await session.waitForDiagnostics(uri, 'the finding again', hasRule('raw-path-label'));
    const [fixAll] = await codeActions(session, uri, diagnostic, ['source.fixAll']);
    assert.equal(fixAll?.kind, 'source.fixAll.cardinal');
    await session.change(uri, applyEdit(uri, text, fixAll.edit));
    await session.waitForDiagnostics(uri, 'no findings after fix-all', (diagnostics) => diagnostics.length === 0);
  }));

test('editing a helper in one file updates the diagnostics of another open file', () =>
  withServer(async (session) => {
    const observe = await session.open(source('observe.ts'));
    const helperFile = source('endpoint.ts');
    const helper = await session.open(helperFile);
    await session.waitForDiagnostics(observe, 'the endpoint label fed by the helper', hasRule('raw-path-label'));
    const publishedBefore = session.publications.length;
    await session.change(helper, fs.readFileSync(helperFile, 'utf8').replace('return req.path;', "return req.route?.path ?? 'unmatched';"));
    await waitFor('new diagnostics for observe.ts', () =>
      session.publications.slice(publishedBefore).some((published) => published.uri === observe) ? true : undefined,
    );
    await session.waitForDiagnostics(observe, 'no finding once the helper returns the route pattern', (diagnostics) => diagnostics.length === 0);
  }));

test('scanWorkspace reports progress and publishes every file, open or not', () =>
  withServer(async (session) => {
    const workDoneToken = 'scan-1';
    session.recordProgress(workDoneToken);
    const result = await session.connection.sendRequest<ScanResult>(SCAN_METHOD, { workDoneToken });
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 4);
    assert.ok(result.findings >= 2, `findings: ${JSON.stringify(result)}`);
    assert.equal(result.filesWithFindings, 2);
    assert.ok((result.byRule['raw-path-label'] ?? 0) >= 2);
    const progress = await waitFor('the end of the progress', () => {
      const values = session.progress.get(workDoneToken);
      return values?.at(-1)?.kind === 'end' ? values : undefined;
    });
    assert.equal(progress[0].kind, 'begin');
    assert.ok(progress.some((value) => value.kind === 'report' && value.message === '4/4 files'));
    for (const [name, hasFindings] of [['middleware.ts', true], ['observe.ts', true], ['metrics.ts', false], ['endpoint.ts', false]] as const) {
      const published = session.diagnostics.get(uriOf(source(name)));
      assert.ok(published, `diagnostics published for ${name}`);
      assert.equal(published.diagnostics.length > 0, hasFindings, name);
    }

    // Without a token from the client, the server creates one.
    await session.connection.sendRequest<ScanResult>(SCAN_METHOD, {});
    assert.equal(session.createdTokens.length, 1);
    assert.equal(session.progress.get(session.createdTokens[0])?.at(-1)?.kind, 'end');
  }));

test('a cancelled scan publishes nothing', () =>
  withServer(async (session) => {
    const cancellation = new CancellationTokenSource();
    const pending = session.connection.sendRequest<ScanResult>(SCAN_METHOD, { workDoneToken: 'scan-cancelled' }, cancellation.token);
    cancellation.cancel();
    const result = await pending.catch((error: unknown) => error);
    // Either the server answers `cancelled: true`, or the request was cancelled before it began.
    if (!(result instanceof Error)) assert.equal((result as ScanResult).cancelled, true);
    const probe = await session.connection.sendRequest<ScanResult>(SCAN_METHOD, { workDoneToken: 'after' });
    assert.equal(probe.cancelled, false);
    const before = session.publications.findIndex((published) => published.uri === uriOf(source('metrics.ts')));
    assert.equal(
      session.publications.filter((published) => published.uri === uriOf(source('metrics.ts'))).length,
      1,
      `only the second scan published (first at ${before})`,
    );
  }));

test('a bad setting shows one message, falls back to defaults and keeps the server working', () =>
  withServer(async (session) => {
    session.settings = { enable: 'yes', rules: { 'raw-path-label': 'loud' } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const first = await session.open(source('middleware.ts'));
    const second = await session.open(source('observe.ts'));
    await session.waitForDiagnostics(first, 'diagnostics with default settings', hasRule('raw-path-label'));
    await session.waitForDiagnostics(second, 'diagnostics with default settings', hasRule('raw-path-label'));
    const warnings = session.messages.filter((message) => message.type === MessageType.Warning);
    assert.equal(warnings.length, 1, JSON.stringify(session.messages));
    assert.match(warnings[0].message, /cardinal\.rules\.raw-path-label/);
    assert.match(warnings[0].message, /cardinal\.enable/);
    assert.equal(session.diagnostics.get(first)?.diagnostics.find(hasRuleOne('raw-path-label'))?.severity, 1, 'raw-path-label keeps its default severity, error');
  }));

test('garbage in: unknown languages, huge files and invalid UTF-8 leave the server process up', () =>
  withServerOn(INCIDENT, async (session) => {
    const textUri = await session.open(path.join(INCIDENT, 'notes.txt'), 'just text\n', 'plaintext');
    const hugeFile = path.join(os.tmpdir(), `cardinal-huge-${process.pid}.ts`);
    const huge = `const x = ${JSON.stringify('a'.repeat(5 * 1024 * 1024))};\n`;
    const hugeUri = await session.open(hugeFile, huge);
    const body = Buffer.concat([
      Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${uriOf(source('broken.ts'))}","languageId":"typescript","version":1,"text":"const a = '`),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]),
      Buffer.from(`';\\n"}}}`),
    ]);
    session.writeRawMessage(body);
    await session.waitForDiagnostics(hugeUri, 'the huge file to get no diagnostics', (diagnostics) => diagnostics.length === 0);
    await waitFor('a log line about skipping the huge file', () => (session.logs.some((log) => log.message.includes('Skipping') && log.message.includes(hugeFile)) ? true : undefined));
    await session.waitForDiagnostics(uriOf(source('broken.ts')), 'the invalid UTF-8 document to be analysed', () => true);
    await session.waitForDiagnostics(textUri, 'the text document to get no diagnostics', (diagnostics) => diagnostics.length === 0);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: textUri }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  }, undefined, 'stdio'));

test('hover describes a label argument, and a labelNames entry or a metric name with their uses across the project', () =>
  withServer(async (session) => {
    const hoverText = async (fileName: string, needle: string): Promise<string> => {
      const text = fs.readFileSync(fileName, 'utf8');
      const uri = await session.open(fileName);
      const position = TextDocument.create(uri, 'typescript', 0, text).positionAt(text.indexOf(needle) + 1);
      const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, `a markdown hover at ${needle}`);
      return hover.contents.value;
    };
    // A declaration answers from the whole project: the label is written in middleware.ts, never opened.
    const declaration = await hoverText(source('metrics.ts'), "'endpoint'");
    assert.match(declaration, /Label `endpoint`\*\* of metric `http_request_duration_seconds`/);
    assert.match(declaration, /Written at 2 places \(2 unbounded\)/);
    assert.match(declaration, /- \[src\/middleware\.ts:\d+\]\(file:\/\/\/.*\/src\/middleware\.ts#L\d+\): \*\*Unbounded\*\*: the raw request path `req\.path`/);
    const metric = await hoverText(source('metrics.ts'), "'http_request_duration_seconds'");
    assert.match(metric, /^\*\*Metric `http_request_duration_seconds`\*\*/);
    for (const label of ['status', 'endpoint', 'method']) assert.match(metric, new RegExp(`\`${label}\`: written at`));
    assert.match(metric, /_Searched \d+ files of the project\._/);
    const argument = await hoverText(source('middleware.ts'), '...lvs');
    assert.match(argument, /Unbounded/);
    assert.match(argument, /req\.path/);
  }));
