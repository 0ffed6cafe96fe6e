/**
 * A problem in cardinal.config.json is shown in the file itself, on the key it is about (a syntax
 * error at its position), and goes away once the file is fixed.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { createTempTree, removeTree } from '../support/temp-tree';
import { uriOf, withServerOn } from './lsp-session';

const CONFIG = '{\n  "rules": {\n    "unbounded-lable": "off"\n  },\n  "sinks": [{ "function": "record", "labels": { "route": "one" } }]\n}\n';
const root = createTempTree({
  'cardinal.config.json': CONFIG,
  'src/app.ts': "import { Counter } from 'prom-client';\n\nexport const hits = new Counter({ name: 'hits_total', help: 'h', labelNames: ['route'] });\n",
});
after(() => removeTree(root));

test('configuration problems appear on their keys in cardinal.config.json, and clear when it is fixed', () =>
  withServerOn(root, async (session) => {
    const config = path.join(root, 'cardinal.config.json');
    await session.open(path.join(root, 'src/app.ts'));
    const diagnostics = await session.waitForDiagnostics(uriOf(config), 'the configuration problems', (list) => list.length === 2);
    const byMessage = new Map(diagnostics.map((d) => [String(d.message), d.range]));
    const typo = [...byMessage].find(([message]) => message.includes('did you mean "unbounded-label"'));
    assert.ok(typo, [...byMessage.keys()].join('\n'));
    assert.deepEqual(typo[1], { start: { line: 2, character: 4 }, end: { line: 2, character: 21 } }, 'on the misspelt key');
    const index = [...byMessage].find(([message]) => !message.includes('did you mean'));
    assert.ok(index);
    assert.equal(index[1].start.line, 4, 'on the bad label index');

    fs.writeFileSync(config, '{ "rules": { "unbounded-label": "off" } }\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Changed }] });
    await session.waitForDiagnostics(uriOf(config), 'no configuration problems', (list) => list.length === 0);

    fs.writeFileSync(config, '{ "rules": { "unbounded-label": "off", } }\n');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Changed }] });
    const [syntax] = await session.waitForDiagnostics(uriOf(config), 'the syntax error', (list) => list.length === 1);
    assert.match(String(syntax.message), /^invalid JSON at line 1, column \d+/);
    assert.equal(syntax.range.start.line, 0);
  }));

test('a configuration file written while no source file is open gets its diagnostics, and loses them when deleted', () => {
  const empty = createTempTree({ 'src/app.ts': "export const x = 1;\n" });
  return withServerOn(empty, async (session) => {
    const config = path.join(empty, 'cardinal.config.json');
    fs.writeFileSync(config, CONFIG);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Created }] });
    const diagnostics = await session.waitForDiagnostics(uriOf(config), 'the problems of the new file', (list) => list.length === 2);
    assert.ok(diagnostics.some((d) => String(d.message).includes('did you mean "unbounded-label"')));

    fs.rmSync(config);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(config), type: FileChangeType.Deleted }] });
    await session.waitForDiagnostics(uriOf(config), 'the deleted file to be cleared', (list) => list.length === 0);
  }).finally(() => removeTree(empty));
});
