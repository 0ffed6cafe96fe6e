/** Findings to LSP data, and fix-all's choice of fixes: pure functions, no server process. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, TextChange } from '../../server/src/analysis';
import { loadServerModule } from '../support/server-module';

const { findingsToDiagnostics, fixesOf } = loadServerModule<typeof import('../../server/src/lsp/convert')>('lsp/convert');
const { combinePreferredFixes } = loadServerModule<typeof import('../../server/src/analysis/fixes')>('analysis/fixes');

const TEXTS: Record<string, string> = {
  '/w/a.ts': "const p = req.path;\nhits.labels(p).inc();\n",
  '/w/b.ts': 'export const x = 1;\n',
};
const files = { textOf: (fileName: string) => TEXTS[fileName], uriOf: (fileName: string) => `file://${fileName}` };

function change(file: string, start: number, end: number, newText: string): TextChange {
  return { file, start, end, newText };
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'raw-path-label',
    severity: 'warning',
    file: '/w/a.ts',
    start: 32,
    end: 33,
    message: 'label `path` receives the raw request path `req.path`',
    path: [
      { file: '/w/a.ts', start: 10, end: 18, note: 'raw request path `req.path`' },
      { file: '/w/a.ts', start: 32, end: 33, note: 'used as label "path"' },
    ],
    fixes: [
      { kind: 'route-pattern', title: 'Use the route pattern', preferred: true, changes: [change('/w/a.ts', 10, 18, 'req.route.path'), change('/w/b.ts', 0, 0, '// x\n')] },
      { kind: 'suppress', title: 'Ignore this label here', preferred: false, changes: [change('/w/a.ts', 20, 20, '// cardinal-ignore-next-line raw-path-label -- why\n')] },
    ],
    ...overrides,
  };
}

test('a finding becomes a diagnostic with code, link, related flow and fixes as plain data', () => {
  const [diagnostic] = findingsToDiagnostics([finding()], files);
  assert.deepEqual(diagnostic.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } });
  assert.equal(diagnostic.code, 'raw-path-label');
  assert.equal(diagnostic.source, 'cardinal');
  assert.equal(diagnostic.severity, 2);
  // No repository in package.json: the link opens the page shipped with the extension.
  assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/\/.*\/docs\/rules\/raw-path-label\.md$/);
  assert.deepEqual(diagnostic.relatedInformation, [
    { location: { uri: 'file:///w/a.ts', range: { start: { line: 0, character: 10 }, end: { line: 0, character: 18 } } }, message: 'raw request path `req.path`' },
    { location: { uri: 'file:///w/a.ts', range: { start: { line: 1, character: 12 }, end: { line: 1, character: 13 } } }, message: 'used as label "path"' },
  ]);
  const fixes = fixesOf(JSON.parse(JSON.stringify(diagnostic)));
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.preferred, Object.keys(fix.edit.changes ?? {})]),
    [
      ['Use the route pattern', true, ['file:///w/a.ts', 'file:///w/b.ts']],
      ['Ignore this label here', false, ['file:///w/a.ts']],
    ],
  );
});

test('a one-step flow is the label itself: no related information repeats the message', () => {
  const [diagnostic] = findingsToDiagnostics([finding({ path: [{ file: '/w/a.ts', start: 32, end: 33, note: 'raw request path `req.path`, used as label "path"' }] })], files);
  assert.deepEqual(diagnostic.relatedInformation, []);
});

test('a finding in a file that cannot be read is dropped, and foreign diagnostics carry no fixes', () => {
  assert.deepEqual(findingsToDiagnostics([finding({ file: '/w/gone.ts' })], files), []);
  assert.deepEqual(fixesOf({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'x', source: 'eslint', data: { fixes: [1] } }), []);
});

test('fix-all takes each preferred fix whole, skips overlapping ones and applies shared changes once', () => {
  const shared = change('/w/b.ts', 0, 0, "import x from 'y';\n");
  const first = finding({ fixes: [{ kind: 'route-pattern', title: 't', preferred: true, changes: [change('/w/a.ts', 10, 18, 'A'), shared] }] });
  const overlapping = finding({ fixes: [{ kind: 'route-pattern', title: 't', preferred: true, changes: [change('/w/a.ts', 12, 14, 'B')] }] });
  const sharing = finding({ fixes: [{ kind: 'route-pattern', title: 't', preferred: true, changes: [change('/w/a.ts', 30, 31, 'C'), shared] }] });
  const notPreferred = finding({ fixes: [{ kind: 'suppress', title: 't', preferred: false, changes: [change('/w/a.ts', 40, 40, 'D')] }] });
  assert.deepEqual(combinePreferredFixes([sharing, overlapping, first, notPreferred]), [change('/w/a.ts', 10, 18, 'A'), shared, change('/w/a.ts', 30, 31, 'C')]);
});
