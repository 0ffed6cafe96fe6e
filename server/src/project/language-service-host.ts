/**
 * One TypeScript `LanguageService` for one project (a tsconfig, or the inferred project of files no
 * tsconfig owns). The host answers TypeScript from the editor's unsaved text first and the disk second,
 * and reports versions so that the service re-parses only what changed since the last program. Its
 * programs are analysis programs (see `analysis-program.ts`).
 */
import ts from 'typescript';
import { analysisCompilerOptions, analysisHostHooks } from './analysis-program';
import { ChangeLog, EditorSnapshot } from './editor-snapshot';
import { ProjectSources } from './project-sources';

/** The text of a file as an editor holds it, with the editor's version of that text. */
export interface EditorText {
  readonly text: string;
  readonly version: number;
  /** The document's recent changes, when the editor reports them: programs then re-parse only what changed. */
  readonly changes?: ChangeLog;
}

/** Unsaved editor text, by file name. Whatever it returns wins over the disk. */
export interface EditorTexts {
  get(fileName: string): EditorText | undefined;
}

/** What every project shares: the file system, the editor texts and the versions of files on disk. */
export interface ProjectContext {
  readonly sys: ts.System;
  readonly editorTexts: EditorTexts;
  readonly registry: ts.DocumentRegistry;
  /** Bumped when the file changes on disk; 0 for a file never seen to change. */
  diskVersionOf(fileName: string): number;
  /** Bumped on any change anywhere, so every project's service revalidates its program. */
  projectVersion(): number;
}

/** The root files and compiler options of a project, as parsed from its tsconfig (or inferred). */
export interface ProjectSettings {
  readonly rootFiles: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly currentDirectory: string;
}

/**
 * A project and its language service. Like the CLI's, its program is built from the files analysed
 * (open files, a scan's candidates, the callers the analysis asked for), not from every file of the
 * project: TypeScript adds what they import, and the rest is never parsed. That keeps each update of
 * the program (every keystroke) proportional to what the analysis needs rather than to the project.
 */
export class Project {
  readonly languageService: ts.LanguageService;
  /** The project's files: what its config includes, or what the inferred project adopted. */
  private readonly files: Set<string>;
  /** The files its program is built from. */
  private readonly roots = new Set<string>();
  private rootsVersion = 0;
  private sources: ProjectSources | undefined;

  constructor(
    /** The tsconfig's path, or undefined for the inferred project. */
    readonly configFile: string | undefined,
    private readonly settings: ProjectSettings,
    private readonly context: ProjectContext,
  ) {
    this.files = new Set(settings.rootFiles);
    const projectVersion = () => `${context.projectVersion()}.${this.rootsVersion}`;
    this.languageService = ts.createLanguageService(createHost(settings, context, () => [...this.roots], projectVersion), context.registry);
  }

  owns(fileName: string): boolean {
    return this.files.has(fileName);
  }

  /** Makes `fileName` a file of the project (the inferred project adopts loose files). */
  adopt(fileName: string): void {
    this.files.add(fileName);
    // Imports of other files may resolve to it now: the sources are read again when next asked.
    this.sources = undefined;
  }

  /** Builds the program from `fileNames` too, from the next {@link getProgram} on. Says whether any was new. */
  include(fileNames: Iterable<string>): boolean {
    const before = this.roots.size;
    for (const fileName of fileNames) this.roots.add(fileName);
    if (this.roots.size === before) return false;
    this.rootsVersion++;
    return true;
  }

  /** Builds the program from the roots that pass `keep` only (a finished scan gives its files back). */
  retainRoots(keep: (fileName: string) => boolean): void {
    const before = this.roots.size;
    for (const fileName of this.roots) if (!keep(fileName)) this.roots.delete(fileName);
    if (this.roots.size !== before) this.rootsVersion++;
  }

  /** The up-to-date program; cheap when nothing changed since the last call. */
  getProgram(): ts.Program | undefined {
    return this.languageService.getProgram();
  }

  /** The texts and imports of all the project's files, read on first use. */
  getSources(): ProjectSources {
    const { sys } = this.context;
    this.sources ??= new ProjectSources({ ...this.settings, rootFiles: [...this.files] }, sys, (fileName) => textOf(this.context, fileName));
    return this.sources;
  }

  /** The text of `fileName` changed, in an editor or on disk. */
  fileChanged(fileName: string): void {
    this.sources?.changed(fileName);
  }

  dispose(): void {
    this.languageService.dispose();
  }
}

/** The text a program sees: the editor's unsaved text, else the disk's. */
function textOf(context: ProjectContext, fileName: string): string | undefined {
  return context.editorTexts.get(fileName)?.text ?? context.sys.readFile(fileName);
}

function createHost(settings: ProjectSettings, context: ProjectContext, rootFiles: () => string[], projectVersion: () => string): ts.LanguageServiceHost {
  const { sys, editorTexts } = context;
  const readFile = (fileName: string): string | undefined => textOf(context, fileName);
  const readSnapshot = (fileName: string): ts.IScriptSnapshot | undefined => {
    const open = editorTexts.get(fileName);
    if (open) return new EditorSnapshot(open.text, open.version, open.changes);
    const text = sys.readFile(fileName);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  };
  // The prefixes keep an editor version from ever equalling a disk version of the same file.
  const versionOf = (fileName: string): string => {
    const open = editorTexts.get(fileName);
    return open ? `editor:${open.version}` : `disk:${context.diskVersionOf(fileName)}`;
  };
  // TypeScript asks for the snapshot of every file of the program on every update, before it looks
  // at versions; without this, each keystroke would read the whole project from disk again.
  const snapshots = new Map<string, { readonly version: string; readonly snapshot: ts.IScriptSnapshot | undefined }>();
  const options = analysisCompilerOptions(settings.options);
  return {
    getProjectVersion: projectVersion,
    getScriptFileNames: rootFiles,
    getScriptVersion: versionOf,
    getScriptSnapshot: (fileName) => {
      const version = versionOf(fileName);
      const cached = snapshots.get(fileName);
      if (cached?.version === version) return cached.snapshot;
      const snapshot = readSnapshot(fileName);
      snapshots.set(fileName, { version, snapshot });
      return snapshot;
    },
    getCompilationSettings: () => options,
    getCurrentDirectory: () => settings.currentDirectory,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (fileName) => editorTexts.get(fileName) !== undefined || sys.fileExists(fileName),
    readFile,
    readDirectory: (path, extensions, exclude, include, depth) => sys.readDirectory(path, extensions, exclude, include, depth),
    directoryExists: (path) => sys.directoryExists(path),
    getDirectories: (path) => sys.getDirectories(path),
    realpath: sys.realpath ? (path) => sys.realpath!(path) : undefined,
    useCaseSensitiveFileNames: () => sys.useCaseSensitiveFileNames,
    ...analysisHostHooks,
  };
}
