import ts from 'typescript';
import { TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChangeLog, type TextEdit } from '../project/editor-snapshot';
import type { EditorText, EditorTexts } from '../project/language-service-host';
import type { FileTexts } from './convert';
import { fileNameToUri, uriToFileName } from './uri';

/** A replacement in a document's text, in UTF-16 offsets of the text before it. */
export type OffsetEdit = TextEdit;

/** Told of every edit of an open document, in the order the client sent them. */
export type EditListener = (fileName: string, edits: readonly OffsetEdit[]) => void;

/**
 * The documents the client has open, looked up by file name: the analysis speaks file names, the
 * protocol speaks URIs, and a client's URI for a file need not be the one `pathToFileURL` would write
 * (VS Code escapes `[` and `]`, for instance), so the client's own URI is kept for every open file.
 */
export class OpenDocuments implements EditorTexts, FileTexts {
  readonly documents: TextDocuments<TextDocument>;
  private readonly uris = new Map<string, string>();
  /** The changes of each open document, by URI. */
  private readonly changeLogs = new Map<string, ChangeLog>();
  private readonly editListeners: EditListener[] = [];

  constructor(private readonly sys: ts.System) {
    this.documents = new TextDocuments({ create: TextDocument.create, update: (document, changes, version) => this.update(document, changes, version) });
  }

  /**
   * Listens to the edits themselves, not only to the new text: an incremental parser (Go's tree-sitter)
   * re-parses just what they touched.
   */
  onDidEdit(listener: EditListener): void {
    this.editListeners.push(listener);
  }

  /** Call when the client opens a document. */
  opened(uri: string): void {
    const fileName = uriToFileName(uri);
    if (fileName !== undefined) this.uris.set(fileName, uri);
    this.changeLogs.set(uri, new ChangeLog());
  }

  /** Call when the client closes a document. Returns the name of the file that is no longer open, if any. */
  closed(uri: string): string | undefined {
    this.changeLogs.delete(uri);
    const fileName = uriToFileName(uri);
    if (fileName === undefined || this.uris.get(fileName) !== uri) return undefined;
    this.uris.delete(fileName);
    return fileName;
  }

  get(fileName: string): EditorText | undefined {
    const uri = this.uris.get(fileName);
    const document = uri === undefined ? undefined : this.documents.get(uri);
    return document && { text: document.getText(), version: document.version, changes: this.changeLogs.get(document.uri) };
  }

  textOf(fileName: string): string | undefined {
    return this.get(fileName)?.text ?? this.sys.readFile(fileName);
  }

  uriOf(fileName: string): string {
    return this.uris.get(fileName) ?? fileNameToUri(fileName);
  }

  /** The file names of every open `file:` document. */
  openFileNames(): string[] {
    return [...this.uris.keys()];
  }

  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = document.version;
    const edits = applyContentChanges(document, changes, version);
    this.changeLogs.get(document.uri)?.record(from, version, edits);
    const fileName = uriToFileName(document.uri);
    if (fileName !== undefined && this.uris.get(fileName) === document.uri) for (const listener of this.editListeners) listener(fileName, edits);
    return document;
  }
}

/**
 * Applies a `didChange` to `document` (in place) one change at a time, so that each change's range
 * becomes offsets of the text the changes before it produced: the order LSP defines, and the one
 * incremental reparsing expects. Returns the edits.
 */
export function applyContentChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): OffsetEdit[] {
  return changes.map((change) => {
    const [start, end] = TextDocumentContentChangeEvent.isIncremental(change)
      ? [document.offsetAt(change.range.start), document.offsetAt(change.range.end)]
      : [0, document.getText().length];
    TextDocument.update(document, [change], version);
    return { start, end, newText: change.text };
  });
}
