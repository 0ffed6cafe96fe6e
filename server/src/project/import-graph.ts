/**
 * The import graph of a project's files, from a scan of their import statements: no parsing, binding
 * or type checking, so it costs a small fraction of building a program over the same files.
 */
import { isBuiltin } from 'node:module';
import * as ts from 'typescript';
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
}

/** Builds the graph of `texts` (file name → text), resolving specifiers as the project's compiler would. */
export function buildImportGraph(texts: ReadonlyMap<string, string>, settings: ProjectSettings, system: ts.System): ImportGraph {
  const { options } = settings;
  // No `realpath`: resolved names then keep the form of the names in `texts`, even below a symbolic link.
  const host: ts.ModuleResolutionHost = {
    fileExists: (fileName) => system.fileExists(fileName),
    readFile: (fileName) => system.readFile(fileName),
    directoryExists: (directory) => system.directoryExists(directory),
    getDirectories: (directory) => system.getDirectories(directory),
    getCurrentDirectory: () => settings.currentDirectory,
    useCaseSensitiveFileNames: system.useCaseSensitiveFileNames,
  };
  const cache = ts.createModuleResolutionCache(settings.currentDirectory, (name) => (system.useCaseSensitiveFileNames ? name : name.toLowerCase()), options);
  // Bare specifiers name project files only through `paths` (or `baseUrl`); without either they are packages.
  const bareCanBeLocal = options.paths !== undefined || options.baseUrl !== undefined;
  const imports = new Map<string, string[]>();
  const importers = new Map<string, string[]>();
  const withPackages = new Set<string>();

  for (const [file, text] of texts) {
    const targets: string[] = [];
    for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
      if (isBuiltin(specifier)) continue;
      const relative = specifier.startsWith('.') || specifier.startsWith('/');
      const resolved = relative || bareCanBeLocal ? ts.resolveModuleName(specifier, file, options, host, cache).resolvedModule : undefined;
      const target = resolved && texts.has(resolved.resolvedFileName) ? resolved.resolvedFileName : undefined;
      if (target === undefined) withPackages.add(file);
      else targets.push(target);
    }
    imports.set(file, targets);
    for (const target of targets) {
      const list = importers.get(target);
      if (list) list.push(file);
      else importers.set(target, [file]);
    }
  }
  return {
    importsOf: (file) => imports.get(file) ?? [],
    importersOf: (file) => importers.get(file) ?? [],
    importsPackages: (file) => withPackages.has(file),
  };
}
