/**
 * Go in the language server: an open Go file is analysed with the other `.go` files of its directory
 * (open ones as the editor has them, the others from disk), re-parsed incrementally with the edits.
 */
import type { CardinalConfig, Finding } from '../../analysis';
import { analyzeGoPackage, describeGoLabelDeclarations, describeGoLabels, isGoFile } from '../../go';
import type { TextEdit } from '../../project/editor-snapshot';
import { directoryOf } from '../../project/paths';
import type { AnalysisRequest, FileLabels, LanguageWorkspace, WorkspaceContext } from '../language';
import { GoDocuments } from './documents';

export class GoWorkspace implements LanguageWorkspace {
  private readonly documents: GoDocuments;

  constructor(private readonly context: WorkspaceContext) {
    this.documents = new GoDocuments(context.editor, context.sys);
  }

  async findings(fileName: string, request: AnalysisRequest): Promise<Finding[]> {
    return analyzeGoPackage(await this.documents.packageOf(fileName), request.config, { onlyFile: fileName, isCancelled: request.isCancelled });
  }

  async labels(fileName: string, config: CardinalConfig): Promise<FileLabels> {
    const files = await this.documents.packageOf(fileName);
    return { sites: describeGoLabels(files, fileName, config), declarations: describeGoLabelDeclarations(files, fileName, config) };
  }

  /** Findings flow across the files of a package: a directory. */
  openFilesAffectedBy(fileName: string): string[] {
    const directory = directoryOf(fileName);
    return this.context.editor.openFileNames().filter((other) => isGoFile(other) && directoryOf(other) === directory);
  }

  selectForScan(fileNames: readonly string[]): string[] {
    return [...fileNames];
  }

  takeDelegated(): string[] {
    return [];
  }

  scanFinished(): void {
    // Closed files are cached by a bounded LRU of their own; nothing to give back.
  }

  edited(fileName: string, edits: readonly TextEdit[]): void {
    this.documents.edited(fileName, edits);
  }

  editorTextChanged(fileName: string): void {
    // Closed: the tree of the open document goes; the disk's text is parsed when next needed.
    if (isGoFile(fileName) && this.context.editor.get(fileName) === undefined) this.documents.closed(fileName);
  }

  diskFileChanged(): void {
    // Disk files are checked against their text on every use.
  }

  projectsChanged(): void {
    // A Go package is its directory: nothing to rediscover.
  }

  dispose(): void {
    this.documents.dispose();
  }
}
