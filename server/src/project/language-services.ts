/**
 * The language services of a workspace: one per tsconfig, plus one inferred project for files no
 * tsconfig owns, all sharing one `DocumentRegistry` so a file common to several projects is parsed once.
 */
import ts from 'typescript';
import { analysisHostHooks } from './analysis-program';
import { EditorTexts, Project, ProjectSettings } from './language-service-host';
import { guardDocumentRegistry, type SkippedSyntaxListener } from './syntax-guard';

/** How files map to projects: the subset of `ProjectLocator` this needs, so tests can stand in for it. */
export interface ProjectDiscovery {
  /** The tsconfig.json (or jsconfig.json) that owns `fileName`, or undefined when none does. */
  findConfigFile(fileName: string): string | undefined;
  /** The root files and compiler options of a config file. */
  readProject(configFile: string): ProjectSettings;
  /** The compiler options of the inferred project (files no config owns). */
  inferredSettings(): ProjectSettings;
  /** Forgets every parsed config. */
  forget(): void;
}

export class LanguageServices {
  private readonly registry: ts.DocumentRegistry;
  private readonly configured = new Map<string, Project>();
  private inferred: Project | undefined;
  private readonly diskVersions = new Map<string, number>();
  private version = 0;

  constructor(
    private readonly sys: ts.System,
    private readonly editorTexts: EditorTexts,
    private readonly discovery: ProjectDiscovery,
    /** Told about files left out of programs because TypeScript cannot process them (see `syntax-guard.ts`). */
    onSkippedSyntax: SkippedSyntaxListener = () => undefined,
  ) {
    this.registry = guardDocumentRegistry(ts.createDocumentRegistry(sys.useCaseSensitiveFileNames, sys.getCurrentDirectory(), analysisHostHooks.jsDocParsingMode), onSkippedSyntax);
  }

  /** The project `fileName` belongs to: its tsconfig's when that config includes it, else the inferred one. */
  projectOf(fileName: string): Project {
    const configFile = this.discovery.findConfigFile(fileName);
    if (configFile !== undefined) {
      const project = this.configuredProject(configFile);
      if (project.owns(fileName)) return project;
    }
    const inferred = (this.inferred ??= this.createProject(undefined, this.discovery.inferredSettings()));
    if (!inferred.owns(fileName)) inferred.adopt(fileName);
    return inferred;
  }

  /**
   * Every project builds its next program from the roots that pass `keep` only: after a workspace
   * scan, the files it analysed leave the programs, which shrink back to what editing needs.
   */
  retainRoots(keep: (fileName: string) => boolean): void {
    for (const project of this.configured.values()) project.retainRoots(keep);
    this.inferred?.retainRoots(keep);
  }

  /** The editor's text of a file changed (opened, edited, closed). */
  editorTextChanged(fileName: string): void {
    this.textChanged(fileName);
  }

  /** A file changed on disk: programs re-read it unless an editor holds it. */
  diskFileChanged(fileName: string): void {
    this.diskVersions.set(fileName, (this.diskVersions.get(fileName) ?? 0) + 1);
    this.textChanged(fileName);
  }

  /**
   * Files were created or deleted, or a tsconfig changed: which file belongs to which project may have
   * changed, so every project is rebuilt on next use (parsed files survive in the shared registry).
   */
  projectsChanged(): void {
    this.discovery.forget();
    for (const project of this.configured.values()) project.dispose();
    this.configured.clear();
    this.inferred?.dispose();
    this.inferred = undefined;
    this.version++;
  }

  dispose(): void {
    this.projectsChanged();
  }

  private textChanged(fileName: string): void {
    for (const project of this.configured.values()) project.fileChanged(fileName);
    this.inferred?.fileChanged(fileName);
    this.version++;
  }

  private configuredProject(configFile: string): Project {
    let project = this.configured.get(configFile);
    if (!project) {
      project = this.createProject(configFile, this.discovery.readProject(configFile));
      this.configured.set(configFile, project);
    }
    return project;
  }

  private createProject(configFile: string | undefined, settings: ProjectSettings): Project {
    return new Project(configFile, settings, {
      sys: this.sys,
      editorTexts: this.editorTexts,
      registry: this.registry,
      diskVersionOf: (fileName) => this.diskVersions.get(fileName) ?? 0,
      projectVersion: () => this.version,
    });
  }
}
