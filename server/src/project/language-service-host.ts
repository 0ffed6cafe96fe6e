/**
 * One TypeScript `LanguageService` for one project (a tsconfig, or the inferred project of files no
 * tsconfig owns). The host answers TypeScript from the editor's unsaved text first and the disk second,
 * and reports versions so that the service re-parses only what changed since the last program. Its
 * programs are analysis programs (see `analysis-program.ts`).
 */
import * as ts from 'typescript';
import { analysisCompilerOptions, analysisHostHooks } from './analysis-program';

/** The text of a file as an editor holds it, with the editor's version of that text. */
export interface EditorText {
  readonly text: string;
  readonly version: number;
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

/** A project and its language service. Root files can grow (the inferred project adopts files). */
export class Project {
  readonly languageService: ts.LanguageService;
  private readonly rootFiles: Set<string>;

  constructor(
    /** The tsconfig's path, or undefined for the inferred project. */
    readonly configFile: string | undefined,
    settings: ProjectSettings,
    context: ProjectContext,
  ) {
    this.rootFiles = new Set(settings.rootFiles);
    this.languageService = ts.createLanguageService(createHost(settings, context, () => [...this.rootFiles]), context.registry);
  }

  hasRootFile(fileName: string): boolean {
    return this.rootFiles.has(fileName);
  }

  addRootFile(fileName: string): void {
    this.rootFiles.add(fileName);
  }

  /** The up-to-date program; cheap when nothing changed since the last call. */
  getProgram(): ts.Program | undefined {
    return this.languageService.getProgram();
  }

  dispose(): void {
    this.languageService.dispose();
  }
}

function createHost(settings: ProjectSettings, context: ProjectContext, rootFiles: () => string[]): ts.LanguageServiceHost {
  const { sys, editorTexts } = context;
  const readFile = (fileName: string): string | undefined => editorTexts.get(fileName)?.text ?? sys.readFile(fileName);
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
    getProjectVersion: () => String(context.projectVersion()),
    getScriptFileNames: rootFiles,
    getScriptVersion: versionOf,
    getScriptSnapshot: (fileName) => {
      const version = versionOf(fileName);
      const cached = snapshots.get(fileName);
      if (cached?.version === version) return cached.snapshot;
      const text = readFile(fileName);
      const snapshot = text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
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
