import * as ts from 'typescript';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditorText, EditorTexts } from '../project/language-service-host';
import type { FileTexts } from './convert';
import { fileNameToUri, uriToFileName } from './uri';

/**
 * The documents the client has open, looked up by file name: the analysis speaks file names, the
 * protocol speaks URIs, and a client's URI for a file need not be the one `pathToFileURL` would write
 * (VS Code escapes `[` and `]`, for instance), so the client's own URI is kept for every open file.
 */
export class OpenDocuments implements EditorTexts, FileTexts {
  private readonly uris = new Map<string, string>();

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    private readonly sys: ts.System,
  ) {}

  /** Call when the client opens a document. */
  opened(uri: string): void {
    const fileName = uriToFileName(uri);
    if (fileName !== undefined) this.uris.set(fileName, uri);
  }

  /** Call when the client closes a document. */
  closed(uri: string): void {
    const fileName = uriToFileName(uri);
    if (fileName !== undefined && this.uris.get(fileName) === uri) this.uris.delete(fileName);
  }

  get(fileName: string): EditorText | undefined {
    const uri = this.uris.get(fileName);
    const document = uri === undefined ? undefined : this.documents.get(uri);
    return document && { text: document.getText(), version: document.version };
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
}
