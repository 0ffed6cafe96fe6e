/**
 * The Go side of the server's document bookkeeping, without a server process: `didChange` changes
 * become offset edits, open documents are re-parsed incrementally with them, and a package's closed
 * files come from disk through a cache that notices changes.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GoParser as GoParserInstance } from '../../server/src/go/parser';
import type { GoFileSyntax, GoNode } from '../../server/src/go/syntax';
import { loadServerModule } from '../support/server-module';

const { applyContentChanges } = loadServerModule<typeof import('../../server/src/lsp/documents')>('lsp/documents');
const { GoDocuments } = loadServerModule<typeof import('../../server/src/languages/go/documents')>('languages/go/documents');
const { GoParser } = loadServerModule<typeof import('../../server/src/go/parser')>('go/parser');

/** Applies offset edits in order, each to the text the ones before produced. */
function applyInOrder(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return edits.reduce((current, edit) => current.slice(0, edit.start) + edit.newText + current.slice(edit.end), text);
}

describe('applyContentChanges', () => {
  test('turns each incremental change into offsets of the text the changes before it produced', () => {
    const before = 'package a\n\n// 世界 👋\nfunc f() {}\n';
    const document = TextDocument.create('file:///a.go', 'go', 1, before);
    const edits = applyContentChanges(
      document,
      [
        // After the emoji (two UTF-16 code units) on line 2.
        { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } }, text: '!' },
        // A line inserted above: the next change's line numbers already count it.
        { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'import "fmt"\n' },
        { range: { start: { line: 4, character: 5 }, end: { line: 4, character: 6 } }, text: 'g' },
      ],
      2,
    );
    const expected = 'package a\nimport "fmt"\n\n// 世界 👋!\nfunc g() {}\n';
    assert.equal(document.getText(), expected);
    assert.equal(document.version, 2);
    assert.equal(applyInOrder(before, edits), expected);
    assert.deepEqual(edits[0], { start: before.indexOf('👋') + 2, end: before.indexOf('👋') + 2, newText: '!' });
  });

  test('a full-text change replaces everything', () => {
    const document = TextDocument.create('file:///a.go', 'go', 1, 'package a\n');
    assert.deepEqual(applyContentChanges(document, [{ text: 'package b\n' }], 2), [{ start: 0, end: 10, newText: 'package b\n' }]);
    assert.equal(document.getText(), 'package b\n');
  });
});

describe('GoDocuments', () => {
  let folder: string;
  const editor = new Map<string, string>();
  const texts = {
    get: (fileName: string) => (editor.has(fileName) ? { text: editor.get(fileName)!, version: 1 } : undefined),
    openFileNames: () => [...editor.keys()],
  };
  const calls = { parse: 0, reparse: 0 };
  const originalParse = GoParser.prototype.parse;
  const originalReparse = GoParser.prototype.reparse;
  let reference: GoParserInstance;

  before(async () => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-go-documents-'))).replace(/\\/g, '/');
    reference = await GoParser.load();
    GoParser.prototype.parse = function (this: GoParserInstance, ...args) {
      calls.parse++;
      return originalParse.apply(this, args);
    };
    GoParser.prototype.reparse = function (this: GoParserInstance, ...args) {
      calls.reparse++;
      return originalReparse.apply(this, args);
    };
  });
  after(() => {
    GoParser.prototype.parse = originalParse;
    GoParser.prototype.reparse = originalReparse;
    fs.rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => {
    editor.clear();
    calls.parse = 0;
    calls.reparse = 0;
  });

  const file = (name: string) => `${folder}/${name}`;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(file(name)), { recursive: true });
    fs.writeFileSync(file(name), text);
  };
  /** The tree as nested types and spans, to compare a re-parsed tree with a fresh parse. */
  const shape = (node: GoNode): unknown => [node.type, node.start, node.end, node.children.map(shape)];
  const freshShape = (syntax: GoFileSyntax) => {
    const tree = originalParse.call(reference, syntax.fileName, syntax.text);
    try {
      return shape(tree.syntax.root);
    } finally {
      tree.dispose();
    }
  };

  test('a package is its directory: open files from the editor, the others from disk, nothing from subfolders', async () => {
    write('pkg/a.go', 'package pkg\n');
    write('pkg/b.go', 'package pkg\n\nvar b = 1\n');
    write('pkg/notes.txt', 'not go\n');
    write('pkg/sub/c.go', 'package sub\n');
    editor.set(file('pkg/a.go'), 'package pkg\n\nvar a = 2\n');
    editor.set(file('pkg/new.go'), 'package pkg\n\nvar unsaved = 3\n');
    const documents = new GoDocuments(texts, ts.sys);
    try {
      const files = await documents.packageOf(file('pkg/a.go'));
      assert.deepEqual(
        files.map((syntax) => [syntax.fileName, syntax.text]),
        [
          [file('pkg/a.go'), 'package pkg\n\nvar a = 2\n'],
          [file('pkg/b.go'), 'package pkg\n\nvar b = 1\n'],
          [file('pkg/new.go'), 'package pkg\n\nvar unsaved = 3\n'],
        ],
      );
    } finally {
      documents.dispose();
    }
  });

  test('an open document is re-parsed once with every edit made since the last analysis', async () => {
    const fileName = file('edits/a.go');
    write('edits/a.go', 'package edits\n');
    const original = 'package edits\n\nfunc f(c *gin.Context) {\n\tc.Next()\n}\n';
    const document = TextDocument.create('file:///a.go', 'go', 1, original);
    editor.set(fileName, original);
    const documents = new GoDocuments(texts, ts.sys);
    try {
      await documents.packageOf(fileName);
      assert.deepEqual(calls, { parse: 1, reparse: 0 });

      for (const [line, character, text] of [[3, 9, '\n\tpath := c.Request.URL.Path'], [4, 30, '\n\t_ = path']] as const) {
        const edits = applyContentChanges(document, [{ range: { start: { line, character }, end: { line, character } }, text }], 2);
        documents.edited(fileName, edits);
      }
      editor.set(fileName, document.getText());
      const [syntax] = await documents.packageOf(fileName);
      assert.deepEqual(calls, { parse: 1, reparse: 1 });
      assert.equal(syntax.text, document.getText());
      assert.deepEqual(shape(syntax.root), freshShape(syntax));

      await documents.packageOf(fileName);
      assert.deepEqual(calls, { parse: 1, reparse: 1 }, 'no edit, no parse');
    } finally {
      documents.dispose();
    }
  });

  test('an editor text the edits do not account for is parsed afresh', async () => {
    const fileName = file('missed/a.go');
    editor.set(fileName, 'package missed\n');
    const documents = new GoDocuments(texts, ts.sys);
    try {
      await documents.packageOf(fileName);
      editor.set(fileName, 'package missed\n\nvar x = 1\n');
      const [syntax] = await documents.packageOf(fileName);
      assert.equal(syntax.text, 'package missed\n\nvar x = 1\n');
      assert.equal(calls.parse, 2);
    } finally {
      documents.dispose();
    }
  });

  test('closed files are parsed once, again when the disk changes, and a closed document is read from disk', async () => {
    write('disk/a.go', 'package disk\n');
    write('disk/b.go', 'package disk\n\nvar b = 1\n');
    editor.set(file('disk/a.go'), 'package disk\n\nvar a = 1\n');
    const documents = new GoDocuments(texts, ts.sys);
    try {
      await documents.packageOf(file('disk/a.go'));
      await documents.packageOf(file('disk/a.go'));
      assert.equal(calls.parse, 2, 'the open file and b.go, each once');

      write('disk/b.go', 'package disk\n\nvar b = 2\n');
      const [, changed] = await documents.packageOf(file('disk/a.go'));
      assert.equal(changed.text, 'package disk\n\nvar b = 2\n');
      assert.equal(calls.parse, 3);

      documents.closed(file('disk/a.go'));
      editor.delete(file('disk/a.go'));
      const [closed] = await documents.packageOf(file('disk/a.go'));
      assert.equal(closed.text, 'package disk\n');
    } finally {
      documents.dispose();
    }
  });
});
