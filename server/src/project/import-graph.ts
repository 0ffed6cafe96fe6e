/**
 * The import graph of a project's files, from a scan of their import statements: no parsing, binding
 * or type checking, so it costs a small fraction of building a program over the same files.
 */
import { isBuiltin } from 'node:module';
import ts from 'typescript';
import type { ProjectSettings } from './project-locator';

export interface ImportGraph {
  /** Files of the graph that `file` imports (`import`, `export … from`, `require`, `import()`). */
  importsOf(file: string): readonly string[];
  /** Files of the graph that import `file`. */
  importersOf(file: string): readonly string[];
  /**
   * Whether `file` imports a module that is not a file of the graph, other than a Node built-in: a
   * package (whose types may hold or augment anything) or a path that does not resolve.
   */
  importsPackages(file: string): boolean;
  /** Source files outside the graph that `file` imports: another project's, such as a sibling package of a monorepo. */
  importsOutside(file: string): readonly string[];
}

/** Builds the graph of `texts` (file name → text), resolving specifiers as the project's compiler would. */
export function buildImportGraph(texts: ReadonlyMap<string, string>, settings: ProjectSettings, system: ts.System): MutableImportGraph {
  const graph = new MutableImportGraph(settings, system, (file) => texts.has(file));
  for (const [file, text] of texts) graph.setText(file, text);
  return graph;
}

/**
 * An import graph that follows edits: {@link setText} re-reads one file's imports. Which files belong
 * to the graph is fixed at construction (`isGraphFile`); a file created or deleted calls for a new graph.
 */
export class MutableImportGraph implements ImportGraph {
  private readonly imports = new Map<string, readonly string[]>();
  private readonly importers = new Map<string, Set<string>>();
  private readonly withPackages = new Set<string>();
  private readonly outside = new Map<string, readonly string[]>();
  private readonly host: ts.ModuleResolutionHost;
  private readonly cache: ts.ModuleResolutionCache;
  /** Bare specifiers name project files only through `paths` (or `baseUrl`); without either they are packages. */
  private readonly bareCanBeLocal: boolean;

  constructor(
    private readonly settings: ProjectSettings,
    system: ts.System,
    private readonly isGraphFile: (file: string) => boolean,
  ) {
    // No `realpath`: resolved names then keep the form of the names in the graph, even below a symbolic link.
    this.host = {
      fileExists: (fileName) => system.fileExists(fileName),
      readFile: (fileName) => system.readFile(fileName),
      directoryExists: (directory) => system.directoryExists(directory),
      getDirectories: (directory) => system.getDirectories(directory),
      getCurrentDirectory: () => settings.currentDirectory,
      useCaseSensitiveFileNames: system.useCaseSensitiveFileNames,
    };
    this.cache = ts.createModuleResolutionCache(settings.currentDirectory, (name) => (system.useCaseSensitiveFileNames ? name : name.toLowerCase()), settings.options);
    this.bareCanBeLocal = settings.options.paths !== undefined || settings.options.baseUrl !== undefined;
  }

  importsOf(file: string): readonly string[] {
    return this.imports.get(file) ?? [];
  }

  importersOf(file: string): readonly string[] {
    return [...(this.importers.get(file) ?? [])];
  }

  importsPackages(file: string): boolean {
    return this.withPackages.has(file);
  }

  importsOutside(file: string): readonly string[] {
    return this.outside.get(file) ?? [];
  }

  /** Records the imports of `file` as `text` states them, replacing what an earlier text stated. */
  setText(file: string, text: string): void {
    for (const target of this.imports.get(file) ?? []) this.importers.get(target)?.delete(file);
    this.withPackages.delete(file);
    const targets: string[] = [];
    const outside: string[] = [];
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (isBuiltin(specifier)) continue;
      const target = this.resolve(specifier, file);
      if (target !== undefined && this.isGraphFile(target)) targets.push(target);
      else {
        this.withPackages.add(file);
        if (target !== undefined) outside.push(target);
      }
    }
    this.imports.set(file, targets);
    if (outside.length > 0) this.outside.set(file, outside);
    else this.outside.delete(file);
    for (const target of targets) {
      const importers = this.importers.get(target);
      if (importers) importers.add(file);
      else this.importers.set(target, new Set([file]));
    }
  }

  /** The source file `specifier` names from `file`, or undefined for a package's or a path that does not resolve. */
  private resolve(specifier: string, file: string): string | undefined {
    const relative = specifier.startsWith('.') || specifier.startsWith('/');
    if (!relative && !this.bareCanBeLocal) return undefined;
    const resolved = ts.resolveModuleName(specifier, file, this.settings.options, this.host, this.cache).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.endsWith('.d.ts') ? resolved.resolvedFileName : undefined;
  }
}
