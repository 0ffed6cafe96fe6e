/**
 * The route patterns each project of the workspace registers, for the worst case shown on a metric:
 * counted from the project's files as the editor has them (unsaved texts win), and kept until a file
 * changes. Syntax only: counting never type-checks, so it costs a parse of the files that import a router.
 */
import type * as ts from 'typescript';
import type { RouteCount } from '../analysis/value-sets';
import type { Language } from '../languages';
import { countProjectRoutes } from '../languages/route-counts';
import { enumerateSourceFiles } from '../project/file-enumeration';
import { ProjectRoots } from '../project/project-roots';
import type { OpenDocuments } from './documents';

/** Past this many source files a project's routes are not counted on a hover: its routes stay unknown. */
const MAX_FILES = 20_000;

export class ProjectRoutes {
  private readonly byRoot = new Map<string, Promise<((file: string) => RouteCount) | undefined>>();
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
    const root = this.roots.of(fileName);
    let counted = this.byRoot.get(root);
    if (!counted) {
      counted = this.count(root);
      this.byRoot.set(root, counted);
    }
    return (await counted)?.(fileName);
  }

  /** A file changed, appeared or vanished: counts are made again on next use. */
  clear(): void {
    this.byRoot.clear();
    this.roots = new ProjectRoots(this.sys);
  }

  private async count(root: string): Promise<((file: string) => RouteCount) | undefined> {
    // A file in no project (no package.json or go.mod above it) would mean walking the whole disk.
    if (root === '/') return undefined;
    const { files } = enumerateSourceFiles(this.sys, [root.replace(/\/$/, '')], { accepts: (file) => this.languages.some((language) => language.accepts(file)) });
    const editorFirst: ts.System = { ...this.sys, readFile: (file, encoding) => this.documents.get(file)?.text ?? this.sys.readFile(file, encoding) };
    if (files.length > MAX_FILES) return undefined;
    return countProjectRoutes(files, this.languages, editorFirst);
  }
}
