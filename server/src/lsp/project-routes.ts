/**
 * The route patterns each project of the workspace registers, for the worst case shown on a metric:
 * counted from the project's files as the editor has them (unsaved texts win). Each file's count is
 * kept until that file changes, and a project's file list until files appear or vanish, so the lenses
 * an edit refreshes recount one file, not the project. Syntax only: never type-checks.
 */
import type * as ts from 'typescript';
import { sumRoutes, type FileRoutes, type RouteCount } from '../analysis/value-sets';
import type { Language } from '../languages';
import { partitionByLanguage } from '../languages/route-counts';
import { enumerateSourceFiles } from '../project/file-enumeration';
import { ProjectRoots } from '../project/project-roots';
import type { OpenDocuments } from './documents';

/** Past this many source files a project's routes are not counted on a hover: its routes stay unknown. */
const MAX_FILES = 20_000;

/** A file's registrations; `undefined` routes: it registers none. */
interface CountedFile {
  readonly routes: FileRoutes | undefined;
}

export class ProjectRoutes {
  private readonly filesByRoot = new Map<string, readonly string[] | undefined>();
  private readonly counted = new Map<string, CountedFile>();
  private roots: ProjectRoots;

  constructor(
    private readonly sys: ts.System,
    private readonly documents: OpenDocuments,
    private readonly languages: readonly Language[],
  ) {
    this.roots = new ProjectRoots(sys);
  }

  /** The routes registered in the project of `fileName`; undefined when they cannot all be counted. */
  async of(fileName: string): Promise<RouteCount | undefined> {
    const files = this.filesOf(this.roots.of(fileName));
    if (!files) return undefined;
    const stale = files.filter((file) => !this.counted.has(file));
    const editorFirst: ts.System = { ...this.sys, readFile: (file, encoding) => this.documents.get(file)?.text ?? this.sys.readFile(file, encoding) };
    for (const [language, own] of partitionByLanguage(stale, this.languages)) {
      if (!language.countRoutes) return undefined;
      const found = await language.countRoutes(own, editorFirst);
      for (const file of own) this.counted.set(file, { routes: found.get(file) });
    }
    return sumRoutes(files.flatMap((file) => this.counted.get(file)?.routes ?? []));
  }

  /** A file's text changed: only its count is made again. */
  fileChanged(fileName: string): void {
    this.counted.delete(fileName);
  }

  /** Files appeared or vanished, or projects changed: file lists are listed again on next use. */
  filesChanged(fileNames: readonly string[] = []): void {
    for (const fileName of fileNames) this.counted.delete(fileName);
    this.filesByRoot.clear();
    this.roots = new ProjectRoots(this.sys);
  }

  private filesOf(root: string): readonly string[] | undefined {
    if (this.filesByRoot.has(root)) return this.filesByRoot.get(root);
    // A file in no project (no package.json or go.mod above it) would mean walking the whole disk.
    const { files } = root === '/' ? { files: [] } : enumerateSourceFiles(this.sys, [root.replace(/\/$/, '')], { accepts: (file) => this.languages.some((language) => language.accepts(file)) });
    const listed = root === '/' || files.length > MAX_FILES ? undefined : files;
    this.filesByRoot.set(root, listed);
    return listed;
  }
}
