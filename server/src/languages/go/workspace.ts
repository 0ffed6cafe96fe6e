/**
 * Go in the language server: an open Go file is analysed with the other `.go` files of its directory
 * (open ones as the editor has them, the others from disk), re-parsed incrementally with the edits.
 */
import type { CardinalConfig, Finding, LabelSite, MetricDeclaration } from '../../analysis';
import { analyzeGoPackage, describeGoFile, describeGoPackageLabels, isGoFile, isGoPackageFile, mayHaveGoFindings } from '../../go';
import { enumerateSourceFiles } from '../../project/file-enumeration';
import type { TextEdit } from '../../project/editor-snapshot';
import { directoryOf } from '../../project/paths';
import { describeTimeBudgetExceeded, FILE_TIME_BUDGET_MS } from '../../project/time-budget';
import type { AnalysisRequest, FileLabels, LanguageWorkspace, ProjectLabels, WorkspaceContext } from '../language';
import { GoDocuments } from './documents';

export class GoWorkspace implements LanguageWorkspace {
  private readonly documents: GoDocuments;

  constructor(private readonly context: WorkspaceContext) {
    this.documents = new GoDocuments(context.editor, context.sys);
  }

  mayHaveFindings(fileName: string, text: string, config: CardinalConfig): boolean {
    // A file that names no sink may still call a sibling's or an imported package's wrapper of one.
    return mayHaveGoFindings(text, config) || this.documents.mayHaveFindings(fileName, text, (_name, other) => mayHaveGoFindings(other, config));
  }

  async findings(fileName: string, request: AnalysisRequest): Promise<Finding[]> {
    const files = await this.documents.packageOf(fileName);
    const packages = await this.documents.projectPackages();
    const onDeadline = () => this.context.log(`${fileName}: ${describeTimeBudgetExceeded(FILE_TIME_BUDGET_MS)}`);
    const fileTimeBudgetMs = Math.max(0, request.deadline - Date.now());
    return analyzeGoPackage(files, request.config, { onlyFile: fileName, isCancelled: request.isCancelled, packages, fileTimeBudgetMs, onDeadline });
  }

  async labels(fileName: string, config: CardinalConfig): Promise<FileLabels> {
    const files = await this.documents.packageOf(fileName);
    const packages = await this.documents.projectPackages();
    return describeGoFile(files, fileName, config, packages);
  }

  /** The labels written in every package of the module of `fileName` that may write one (test files and `vendor` left out). */
  async projectLabels(fileName: string, request: AnalysisRequest): Promise<ProjectLabels> {
    const { files } = enumerateSourceFiles(this.context.sys, [this.documents.moduleRootOf(fileName)], { accepts: isGoPackageFile });
    const relevance = this.documents.importGraph((_name, text) => mayHaveGoFindings(text, request.config));
    const directories = new Set(files.map(directoryOf).filter((directory) => relevance.mayHaveFindings(directory)));
    const packages = await this.documents.projectPackages();
    const sites: LabelSite[] = [];
    const metrics: MetricDeclaration[] = [];
    let filesSearched = 0;
    for (const directory of [...directories].sort()) {
      if (request.isCancelled() || Date.now() > request.deadline) return { sites, metrics, filesSearched, complete: false };
      const packageFiles = packages.packageFiles(directory);
      const described = describeGoPackageLabels(packageFiles, request.config, packages);
      sites.push(...described.sites);
      metrics.push(...described.metrics);
      filesSearched += packageFiles.length;
    }
    return { sites, metrics, filesSearched, complete: true };
  }

  /**
   * Findings flow across the files of a package (a directory) and into the packages that import it:
   * an edit of a Go file re-analyses the open Go files of its directory and of the directories whose
   * files import its package.
   */
  openFilesAffectedBy(fileName: string): string[] {
    const directory = directoryOf(fileName);
    return this.context.editor.openFileNames().filter((other) => isGoFile(other) && (directoryOf(other) === directory || this.documents.mayImport(other, directory)));
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
    // A Go package is its directory; only the module files may say something new.
    this.documents.modulesChanged();
  }

  dispose(): void {
    this.documents.dispose();
  }
}
