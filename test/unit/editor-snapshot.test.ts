/**
 * Editor snapshots describe what changed between two versions of an open document, so that TypeScript
 * re-parses only that region. A wrong range would make a tree that differs from the text: every check
 * here compares against a fresh parse or the text itself.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as ts from 'typescript';
import type * as EditorSnapshotModule from '../../server/src/project/editor-snapshot';
import { loadServerModule, REPO_ROOT } from '../support/server-module';

const { ChangeLog, EditorSnapshot } = loadServerModule<typeof EditorSnapshotModule>('project/editor-snapshot');

type Edit = EditorSnapshotModule.TextEdit;

function apply(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, edit) => current.slice(0, edit.start) + edit.newText + current.slice(edit.end), text);
}

/** The tree as kinds and spans, in document order. */
function shape(sourceFile: ts.SourceFile): string[] {
  const nodes: string[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(`${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return nodes;
}

/** A small deterministic generator, so a failure replays. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

describe('editor snapshots', () => {
  test('the change across several versions covers exactly what differs', () => {
    const log = new ChangeLog();
    const versions = ['const a = req.path;\n'];
    const steps: Edit[][] = [[{ start: 10, end: 13, newText: 'request' }], [{ start: 0, end: 5, newText: 'let' }, { start: 22, end: 22, newText: ' // x' }], [{ start: 4, end: 4, newText: 'bb' }]];
    for (const [index, edits] of steps.entries()) {
      log.record(index + 1, index + 2, edits);
      versions.push(apply(versions[index], edits));
    }
    for (let from = 1; from <= versions.length; from++) {
      for (let to = from; to <= versions.length; to++) {
        const range = log.between(from, to);
        assert.ok(range, `${from} → ${to}`);
        const [before, after] = [versions[from - 1], versions[to - 1]];
        const { start, length } = range.span;
        assert.equal(after.slice(0, start), before.slice(0, start), `${from} → ${to}: text before the change`);
        assert.equal(after.slice(start + range.newLength), before.slice(start + length), `${from} → ${to}: text after the change`);
      }
    }
  });

  test('versions the log never saw, or forgot, and other documents give no range', () => {
    const log = new ChangeLog();
    for (let version = 1; version <= 100; version++) log.record(version, version + 1, [{ start: 0, end: 0, newText: 'x' }]);
    assert.equal(log.between(1, 101), undefined, 'forgotten');
    assert.ok(log.between(60, 101));
    assert.equal(log.between(200, 201), undefined, 'never seen');
    const other = new ChangeLog();
    assert.equal(new EditorSnapshot('x', 2, log).getChangeRange(new EditorSnapshot('', 1, other)), undefined);
    assert.equal(new EditorSnapshot('x', 2, log).getChangeRange(ts.ScriptSnapshot.fromString('')), undefined);
  });

  test('a tree updated through snapshot ranges equals a fresh parse, edit after edit', () => {
    const fileName = path.join(REPO_ROOT, 'test/fixtures-lsp/incident/src/middleware.ts');
    let text = fs.readFileSync(fileName, 'utf8');
    const next = random(7);
    const log = new ChangeLog();
    let snapshot = new EditorSnapshot(text, 1, log);
    let sourceFile = ts.createLanguageServiceSourceFile(fileName, snapshot, ts.ScriptTarget.ES2022, '1', true);
    const alphabet = ['a', '(', ')', '{', '}', ';', '"', '`', '/', '*', ' ', '\n', '.', ','];
    for (let version = 2; version <= 300; version++) {
      const start = next(text.length + 1);
      const end = Math.min(text.length, start + next(3));
      const edit = { start, end, newText: next(4) === 0 ? '' : alphabet[next(alphabet.length)] };
      log.record(version - 1, version, [edit]);
      text = apply(text, [edit]);
      const newer = new EditorSnapshot(text, version, log);
      sourceFile = ts.updateLanguageServiceSourceFile(sourceFile, newer, String(version), newer.getChangeRange(snapshot));
      snapshot = newer;
      assert.deepEqual(shape(sourceFile), shape(ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true)), `after edit ${version}: ${JSON.stringify(edit)}`);
    }
  });
});
