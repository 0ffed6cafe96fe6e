/**
 * Go in the language server over stdio: the incident's gin middleware gets its diagnostic, quick fixes
 * and hover; edits travel as incremental changes (the server re-parses Go incrementally); a package's
 * files are analysed together, open ones from the editor and closed ones from disk; and a workspace
 * scan covers Go files that were never opened. The workspace is test/fixtures-lsp/go-service.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CodeAction, CodeActionRequest, Diagnostic, DiagnosticSeverity, HoverRequest, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSP_FIXTURES, LspSession, uriOf, waitFor, withServerOn } from './lsp-session';

const SERVICE = path.join(LSP_FIXTURES, 'go-service');
const MIDDLEWARE = path.join(SERVICE, 'middlewares', 'prom.go');
const METRICS = path.join(SERVICE, 'handlers', 'metrics.go');
const USERS = path.join(SERVICE, 'handlers', 'users.go');

const withServer = (body: (session: LspSession) => Promise<void>) => withServerOn(SERVICE, body);

function openGo(session: LspSession, fileName: string): Promise<string> {
  return session.open(fileName, fs.readFileSync(fileName, 'utf8'), 'go');
}

const isRule = (ruleId: string) => (diagnostic: Diagnostic) => diagnostic.code === ruleId;
const hasRule = (ruleId: string) => (diagnostics: Diagnostic[]) => diagnostics.some(isRule(ruleId));
const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

function document(text: string): TextDocument {
  return TextDocument.create('file:///x.go', 'go', 0, text);
}

function textAt(text: string, range: Diagnostic['range']): string {
  const doc = document(text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

/** The edits of `edit` for `uri`, last first, so that each range is still valid when sent in turn. */
function editsFor(uri: string, edit: WorkspaceEdit | undefined): TextEdit[] {
  const edits = edit?.changes?.[uri] ?? [];
  return [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(document(text), [...edits]);
}

function codeActions(session: LspSession, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return session.connection
    .sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } })
    .then((actions) => (actions ?? []).filter((action): action is CodeAction => 'kind' in action || 'edit' in action));
}

function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not found`);
  return document(text).positionAt(offset + delta);
}

test('the incident middleware gets a raw-path-label diagnostic with its flow from c.Request.URL.Path', () =>
  withServer(async (session) => {
    const text = fs.readFileSync(MIDDLEWARE, 'utf8');
    const uri = await openGo(session, MIDDLEWARE);
    const [diagnostic] = (await session.waitForDiagnostics(uri, 'a raw-path-label diagnostic', hasRule('raw-path-label'))).filter(isRule('raw-path-label'));
    assert.equal(diagnostic.source, 'cardinal');
    assert.equal(textAt(text, diagnostic.range), 'lvs...');
    assert.match(messageOf(diagnostic), /label "endpoint" receives the raw request path 'c\.Request\.URL\.Path'/);
    const steps = (diagnostic.relatedInformation ?? []).map((step) => {
      assert.equal(step.location.uri, uri);
      return textAt(text, step.location.range);
    });
    assert.deepEqual(steps, ['c.Request.URL.Path', 'endpoint', 'endpoint', 'lvs...']);
  }));

test('quick fixes on Go: the route pattern c.FullPath(), a suppression comment, and fix-all, sent as incremental edits', () =>
  withServer(async (session) => {
    const text = fs.readFileSync(MIDDLEWARE, 'utf8');
    const uri = await openGo(session, MIDDLEWARE);
    const [diagnostic] = (await session.waitForDiagnostics(uri, 'a raw-path-label diagnostic', hasRule('raw-path-label'))).filter(isRule('raw-path-label'));

    const actions = await codeActions(session, uri, diagnostic);
    const routePattern = actions.find((action) => action.title.startsWith('Use the route pattern'));
    assert.ok(routePattern, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(routePattern.isPreferred, true);
    const fixEdits = editsFor(uri, routePattern.edit);
    const fixed = applyEdits(text, fixEdits);
    assert.match(fixed, /endpoint := c\.FullPath\(\)/);
    await session.edit(uri, fixEdits);
    // What is left is the HTTP method, a client's choice under net/http, at information severity.
    const left = await session.waitForDiagnostics(uri, 'no raw-path finding once the route pattern is used', (diagnostics) => !diagnostics.some(isRule('raw-path-label')));
    assert.deepEqual(left.map((d) => [d.code, d.severity, textAt(fixed, d.range)]), [['unbounded-label', DiagnosticSeverity.Information, 'lvs...']]);

    // Typing the raw path back in, a few characters at a time, brings the finding back.
    const fullPath = positionOf(fixed, 'c.FullPath()');
    await session.edit(uri, [
      { range: { start: fullPath, end: { line: fullPath.line, character: fullPath.character + 'c.FullPath()'.length } }, newText: 'c.Request' },
      { range: { start: { line: fullPath.line, character: fullPath.character + 'c.Request'.length }, end: { line: fullPath.line, character: fullPath.character + 'c.Request'.length } }, newText: '.URL.Path' },
    ]);
    const [again] = (await session.waitForDiagnostics(uri, 'the finding again', hasRule('raw-path-label'))).filter(isRule('raw-path-label'));

    const suppress = (await codeActions(session, uri, again)).find((action) => action.title.startsWith('Ignore'));
    assert.ok(suppress, 'a suppression action');
    const suppressed = applyEdits(text, editsFor(uri, suppress.edit));
    assert.match(suppressed.split('\n')[again.range.start.line], /^\t\t\/\/ cardinal-ignore-next-line raw-path-label -- /);

    // Fix-all applies every preferred fix: the route pattern, and the method mapped to known methods.
    const [fixAll] = await codeActions(session, uri, again, ['source.fixAll']);
    assert.equal(fixAll?.kind, 'source.fixAll.cardinal');
    const all = applyEdits(text, editsFor(uri, fixAll.edit));
    assert.equal(all.replace('knownMethod(c.Request.Method)', 'c.Request.Method').slice(0, fixed.length), fixed);
    assert.match(all, /method := knownMethod\(c\.Request\.Method\)/);
    assert.match(all, /\nfunc knownMethod\(method string\) string \{\n/);
  }));

test('hover on a Go label argument says where its values come from', () =>
  withServer(async (session) => {
    const text = fs.readFileSync(MIDDLEWARE, 'utf8');
    const uri = await openGo(session, MIDDLEWARE);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'lvs...', 1) });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, 'a markdown hover');
    assert.match(hover.contents.value, /Label `endpoint`\*\* of metric `http_request_duration_seconds`/);
    assert.match(hover.contents.value, /\*\*Unbounded\*\*: the raw request path `c\.Request\.URL\.Path`/);
    assert.match(hover.contents.value, /Label `method`/);
  }));

test('hover on a Go vector\'s label name lists the uses in other packages, from disk', () =>
  withServer(async (session) => {
    const text = fs.readFileSync(METRICS, 'utf8');
    const uri = await openGo(session, METRICS);
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '"user"', 1) });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, 'a markdown hover');
    assert.match(hover.contents.value, /Label `user`\*\* of metric `user_requests_total`/);
    assert.match(hover.contents.value, /- \[handlers\/users\.go:11\]\(file:\/\/\/.*\/handlers\/users\.go#L11\): /);
    const name = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '"user_requests_total"', 1) });
    assert.ok(name && typeof name.contents === 'object' && 'value' in name.contents, 'a markdown hover on the name');
    assert.match(name.contents.value, /^\*\*Metric `user_requests_total`\*\*\n\nWorst case: user \(unbounded\) = \*\*unbounded\*\*\n/);
    assert.match(name.contents.value, /\n\n`user`: written at 1 place/);
  }));

test('a Go package is analysed together: a sibling from disk, then from the editor, then from disk again', () =>
  withServer(async (session) => {
    const users = await openGo(session, USERS);
    const labelIs = (label: string) => (diagnostics: Diagnostic[]) => diagnostics.some((diagnostic) => isRule('unbounded-label')(diagnostic) && messageOf(diagnostic).startsWith(`label "${label}"`));
    await session.waitForDiagnostics(users, 'the label name declared in metrics.go on disk', labelIs('user'));

    const metricsText = fs.readFileSync(METRICS, 'utf8');
    const metrics = await openGo(session, METRICS);
    const label = positionOf(metricsText, '"user"', 1);
    await session.edit(metrics, [{ range: { start: label, end: { line: label.line, character: label.character + 'user'.length } }, newText: 'account' }]);
    await session.waitForDiagnostics(users, 'the label name as edited in metrics.go', labelIs('account'));

    await session.close(metrics);
    await session.waitForDiagnostics(users, 'the label name on disk once metrics.go is closed unsaved', labelIs('user'));
    await session.waitForDiagnostics(metrics, 'the closed file to be cleared', (diagnostics) => diagnostics.length === 0);
  }));

test('scanWorkspace covers Go files that were never opened', () =>
  withServer(async (session) => {
    const result = await session.connection.sendRequest<{ files: number; filesWithFindings: number; byRule: Record<string, number>; cancelled: boolean }>('cardinal/scanWorkspace', {});
    assert.equal(result.cancelled, false);
    assert.equal(result.files, 3);
    assert.equal(result.filesWithFindings, 2);
    assert.deepEqual(result.byRule, { 'raw-path-label': 1, 'unbounded-label': 2 });
    const expected = [[MIDDLEWARE, ['raw-path-label', 'unbounded-label']], [USERS, ['unbounded-label']], [METRICS, []]] as const;
    for (const [fileName, rules] of expected) {
      const published = await waitFor(`diagnostics of ${fileName}`, () => session.diagnostics.get(uriOf(fileName)));
      assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code).sort(), [...rules], fileName);
    }
  }));
