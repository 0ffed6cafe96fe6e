/**
 * Parsing Go with tree-sitter-go compiled to WebAssembly (`@vscode/tree-sitter-wasm`, the build VS Code
 * ships). Loading the runtime and the grammar is asynchronous and happens once per `GoParser`; parsing
 * is synchronous. A language server keeps one `GoSyntaxTree` per open document and re-parses it
 * incrementally with each edit.
 */
import { Language, Parser, type Point, type Tree } from '@vscode/tree-sitter-wasm';
import { copySyntaxTree, GoNodeKinds, type GoFileSyntax } from './syntax';

/** A replacement in the previous text, in UTF-16 offsets (LSP incremental changes map onto this). */
export interface GoTextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A parsed Go file. Holds native memory: call `dispose()` when the document closes. */
export interface GoSyntaxTree {
  readonly syntax: GoFileSyntax;
  /** True when tree-sitter had to recover from a syntax error somewhere in the file. */
  readonly hasErrors: boolean;
  dispose(): void;
}

interface NativeTree extends GoSyntaxTree {
  readonly native: Tree;
}

/** Loads the tree-sitter runtime and the Go grammar (about 20 ms), then parses synchronously. */
export class GoParser {
  private constructor(
    private readonly parser: Parser,
    private readonly kinds: GoNodeKinds,
  ) {}

  static async load(): Promise<GoParser> {
    await Parser.init();
    const language = await Language.load(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter-go.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return new GoParser(parser, new GoNodeKinds(language));
  }

  /** Parses a whole file. */
  parse(fileName: string, text: string): GoSyntaxTree {
    return this.wrap(fileName, text, this.parseNative(text, null));
  }

  /**
   * Re-parses after `edits`, applied in order, each in offsets of the text produced by the ones before
   * it (the LSP order). Reuses the unchanged parts of `previous`, which is disposed: keep the result.
   */
  reparse(previous: GoSyntaxTree, edits: readonly GoTextEdit[]): GoSyntaxTree {
    const old = previous as NativeTree;
    let text = old.syntax.text;
    for (const edit of edits) {
      old.native.edit({
        startIndex: edit.start,
        oldEndIndex: edit.end,
        newEndIndex: edit.start + edit.newText.length,
        startPosition: pointAt(text, edit.start),
        oldEndPosition: pointAt(text, edit.end),
        newEndPosition: pointAfter(pointAt(text, edit.start), edit.newText),
      });
      text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    }
    const native = this.parseNative(text, old.native);
    old.dispose();
    return this.wrap(old.syntax.fileName, text, native);
  }

  private parseNative(text: string, oldTree: Tree | null): Tree {
    const tree = this.parser.parse(text, oldTree);
    if (!tree) throw new Error('tree-sitter returned no tree for a Go file');
    return tree;
  }

  private wrap(fileName: string, text: string, native: Tree): NativeTree {
    const cursor = native.walk();
    try {
      const syntax = copySyntaxTree(cursor, this.kinds, fileName, text);
      return { syntax, native, hasErrors: native.rootNode.hasError, dispose: () => native.delete() };
    } finally {
      cursor.delete();
    }
  }
}

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    row++;
    lineStart = index + 1;
  }
  return { row, column: offset - lineStart };
}

function pointAfter(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + inserted.length };
  const rows = inserted.split('\n').length - 1;
  return { row: start.row + rows, column: inserted.length - lastBreak - 1 };
}
