import type ts from 'typescript';
import { GoModules, GoImportGraph, GoParser, isGoFile, isGoPackageFile, type GoFileSyntax, type GoPackageLoader, type GoSyntaxTree } from '../../go';
import type { TextEdit } from '../../project/editor-snapshot';
import { enumerateSourceFiles, MAX_FILE_SIZE } from '../../project/file-enumeration';
import { directoryOf, toForwardSlashes } from '../../project/paths';
import type { WorkspaceContext } from '../language';

/**
 * How many closed files stay parsed. A package's closed files are re-read on every analysis of an
 * open sibling, and tree-sitter's tree is copied into plain objects (about 50 bytes per character of
 * source), so re-parsing is the cost to avoid and memory the one to bound.
 */
const CACHED_DISK_FILES = 128;

/** Whether a file's text names a sink (the catalogs' or the configuration's). */
type SinkNaming = (fileName: string, text: string) => boolean;

interface OpenGoDocument {
  tree: GoSyntaxTree;
  /** The edits since `tree` was parsed, applied by the next re-parse. */
  edits: TextEdit[];
}

/**
 * Go sources as the language server analyses them: one tree-sitter parser per server, loaded on first
 * use; one tree per open Go document, re-parsed incrementally with the edits made since the last
 * analysis (typing between two analyses costs no parse at all); and the package's closed files parsed
 * from disk, kept in a small cache checked against the disk's text on every use.
 */
export class GoDocuments {
  private parser: Promise<GoParser> | undefined;
  private readonly open = new Map<string, OpenGoDocument>();
  private readonly disk = new Map<string, GoFileSyntax>();
  private modules: GoModules;

  constructor(
    private readonly editor: WorkspaceContext['editor'],
    private readonly sys: ts.System,
  ) {
    this.modules = new GoModules(sys);
  }

  /** True when the open file `fileName` imports the package in `directory` (its text names the import path). */
  mayImport(fileName: string, directory: string): boolean {
    const importPath = this.modules.importPathOf(directory);
    return importPath !== undefined && (this.editor.get(fileName)?.text.includes(`"${importPath}"`) ?? false);
  }

  /**
   * True when analysing `fileName` (whose text is `text`) may report a finding: a file of its package
   * or of a project package it imports names a sink. The same test a scan makes, on the editor's view.
   */
  mayHaveFindings(fileName: string, text: string, namesSink: SinkNaming): boolean {
    const source = {
      readFile: (name: string) => (name === fileName ? text : this.readSource(name)),
      goFilesOf: (directory: string) => this.goFileNamesIn(directory, directory === directoryOf(fileName) ? [fileName] : []),
    };
    return new GoImportGraph(source, namesSink, this.modules).mayHaveFindings(directoryOf(fileName));
  }

  /** The import graph of the project as the editor and the disk have its files (ask it several questions at once). */
  importGraph(namesSink: SinkNaming): GoImportGraph {
    const goFilesBelow = (root: string) => {
      const names = new Set(enumerateSourceFiles(this.sys, [root], { accepts: isGoPackageFile }).files);
      for (const name of this.editor.openFileNames()) if (isGoPackageFile(name) && name.startsWith(`${root}/`)) names.add(name);
      return [...names];
    };
    return new GoImportGraph({ readFile: (name) => this.readSource(name), goFilesOf: (directory) => this.goFileNamesIn(directory, []), goFilesBelow }, namesSink, this.modules);
  }

  /** The root of the module `fileName` belongs to (the folder of the nearest `go.mod`), else its own folder. */
  moduleRootOf(fileName: string): string {
    return this.modules.moduleOf(directoryOf(fileName))?.root ?? directoryOf(fileName);
  }

  /** `go.mod` or `go.work` may have changed: module paths are found again. */
  modulesChanged(): void {
    this.modules = new GoModules(this.sys);
  }

  /** Records edits of an open document; they are applied when its tree is next needed. */
  edited(fileName: string, edits: readonly TextEdit[]): void {
    this.open.get(fileName)?.edits.push(...edits);
  }

  /** Frees the tree of a document the client closed. */
  closed(fileName: string): void {
    this.open.get(fileName)?.tree.dispose();
    this.open.delete(fileName);
  }

  /**
   * The files of `fileName`'s package (the `.go` files of its directory): open ones as the editor has
   * them, the others from disk. `fileName` itself is included even before it is first saved.
   */
  async packageOf(fileName: string): Promise<GoFileSyntax[]> {
    const parser = await this.loadParser();
    return this.filesIn(parser, directoryOf(fileName), [fileName], () => true);
  }

  /**
   * The project's other packages as an analysis reads them: open files as the editor has them, the
   * rest from disk, test files left out (the same view a scan has).
   */
  async projectPackages(): Promise<GoPackageLoader> {
    const parser = await this.loadParser();
    // Built when an analysis first asks who imports a package, once per analysis: the editor's view.
    let graph: GoImportGraph | undefined;
    return {
      readFile: (name) => this.editor.get(name)?.text ?? this.sys.readFile(name),
      packageFiles: (directory) => this.filesIn(parser, directory, [], isGoPackageFile),
      importersOf: (directory) => (graph ??= this.importGraph(() => false)).importersOf(directory),
    };
  }

  private filesIn(parser: GoParser, directory: string, extra: readonly string[], keep: (name: string) => boolean): GoFileSyntax[] {
    return this.goFileNamesIn(directory, extra)
      .filter(keep)
      .flatMap((name) => this.syntaxOf(parser, name) ?? []);
  }

  /** The `.go` files of `directory`, on disk or open, and `extra`, sorted. */
  private goFileNamesIn(directory: string, extra: readonly string[]): string[] {
    const names = new Set(extra);
    for (const name of this.sys.readDirectory(directory, ['.go'], undefined, undefined, 1)) names.add(toForwardSlashes(name));
    for (const name of this.editor.openFileNames()) if (directoryOf(name) === directory) names.add(name);
    return [...names].filter(isGoFile).sort();
  }

  /** A file's text as the editor has it, else from disk; undefined when it is missing or too large to analyse. */
  private readSource(fileName: string): string | undefined {
    const editorText = this.editor.get(fileName)?.text;
    if (editorText !== undefined) return editorText;
    const size = this.sys.getFileSize?.(fileName);
    return size !== undefined && size > MAX_FILE_SIZE ? undefined : this.sys.readFile(fileName);
  }

  dispose(): void {
    for (const document of this.open.values()) document.tree.dispose();
    this.open.clear();
    this.disk.clear();
  }

  private loadParser(): Promise<GoParser> {
    this.parser ??= GoParser.load().catch((error: unknown) => {
      // Forget the failure, so the next analysis tries again instead of failing for good.
      this.parser = undefined;
      throw error;
    });
    return this.parser;
  }

  private syntaxOf(parser: GoParser, fileName: string): GoFileSyntax | undefined {
    const editorText = this.editor.get(fileName)?.text;
    if (editorText !== undefined) return this.openTree(parser, fileName, editorText).syntax;
    const text = this.readSource(fileName);
    return text === undefined ? undefined : this.diskSyntax(parser, fileName, text);
  }

  private openTree(parser: GoParser, fileName: string, text: string): GoSyntaxTree {
    const document = this.open.get(fileName);
    if (document) {
      if (document.edits.length > 0) {
        document.tree = parser.reparse(document.tree, document.edits);
        document.edits = [];
      }
      if (document.tree.syntax.text === text) return document.tree;
      // The edits did not add up to the editor's text (a change the server never saw): start afresh.
      this.closed(fileName);
    }
    const tree = parser.parse(fileName, text);
    this.open.set(fileName, { tree, edits: [] });
    return tree;
  }

  private diskSyntax(parser: GoParser, fileName: string, text: string): GoFileSyntax {
    let syntax = this.disk.get(fileName);
    this.disk.delete(fileName);
    if (syntax?.text !== text) {
      const tree = parser.parse(fileName, text);
      syntax = tree.syntax;
      // The analysis reads the plain copy only, so the native tree can go at once.
      tree.dispose();
    }
    // Re-inserting keeps the map in order of use, so the first key is the least recently used.
    this.disk.set(fileName, syntax);
    if (this.disk.size > CACHED_DISK_FILES) this.disk.delete(this.disk.keys().next().value as string);
    return syntax;
  }
}
