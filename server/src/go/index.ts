/**
 * Cardinal for Go: the public API the CLI and the language server call. A Go package (the `.go` files
 * of one directory) is analysed together, so a metric declared in one file and used in another is
 * understood; findings have the same `Finding` shape as TypeScript's.
 *
 * ```ts
 * const parser = await GoParser.load();                       // once per process
 * const findings = analyzeGoFiles(parser, files, config);      // CLI: a directory's files
 * // language server: keep a tree per open document and re-parse incrementally
 * let tree = parser.parse(uri, text);
 * tree = parser.reparse(tree, [{ start, end, newText }]);
 * const own = analyzeGoPackage([tree.syntax, ...siblings], config, { onlyFile: uri });
 * ```
 */
import type { CardinalConfig } from '../analysis/config-types';
import type { Finding } from '../analysis/finding';
import { analyzeGoSyntax, type GoAnalysisOptions } from './analyze';
import { goMetricVocabulary } from './catalog/vocabulary';
import type { GoParser } from './parser';
import type { GoFileSyntax } from './syntax';

export { GoParser } from './parser';
export type { GoSyntaxTree, GoTextEdit } from './parser';
export type { GoFileSyntax } from './syntax';
export type { GoAnalysisOptions, GoFileDescription } from './analyze';
export { describeGoFile, describeGoPackageLabels } from './analyze';
export type { GoPackageLoader } from './program';
export { GoModules } from './modules';
export { GoImportGraph } from './import-graph';
export { countGoRoutes } from './routes';
import type { GoPackageLoader } from './program';

/** A Go file as text. */
export interface GoSourceFile {
  readonly fileName: string;
  readonly text: string;
}

/** Parses and analyses the files of one package (one directory); returns the findings of all of them. */
export function analyzeGoFiles(parser: GoParser, files: readonly GoSourceFile[], config: CardinalConfig, options: GoAnalysisOptions = {}): Finding[] {
  const trees = files.map((file) => parser.parse(file.fileName, file.text));
  try {
    return analyzeGoSyntax(trees.map((tree) => tree.syntax), config, options);
  } finally {
    for (const tree of trees) tree.dispose();
  }
}

/** Analyses already parsed files of one package (the language server keeps them parsed). */
export function analyzeGoPackage(files: readonly GoFileSyntax[], config: CardinalConfig, options: GoAnalysisOptions = {}): Finding[] {
  return analyzeGoSyntax(files, config, options);
}

/**
 * The project's packages read from a file system, each parsed once (test files and oversized files
 * left out). `importersOf` (a `GoImportGraph`'s) lets the analysis find interface implementations in
 * packages that import the interface's.
 */
export function diskPackageLoader(
  parser: GoParser,
  system: { readFile(fileName: string): string | undefined; readDirectory(directory: string): readonly string[]; importersOf?(directory: string): readonly string[] },
): GoPackageLoader {
  const parsed = new Map<string, readonly GoFileSyntax[]>();
  return {
    readFile: (fileName) => system.readFile(fileName),
    importersOf: system.importersOf && ((directory) => system.importersOf?.(directory) ?? []),
    packageFiles(directory) {
      let files = parsed.get(directory);
      if (!files) {
        files = system
          .readDirectory(directory)
          .filter(isGoPackageFile)
          .sort()
          .flatMap((name) => {
            const text = system.readFile(name);
            if (text === undefined) return [];
            const tree = parser.parse(name, text);
            tree.dispose(); // the analysis reads the plain copy only
            return [tree.syntax];
          });
        parsed.set(directory, files);
      }
      return files;
    },
  };
}

const SINK_NAMES = goMetricVocabulary().sinkNames;

/**
 * A cheap text test: false means the file calls nothing that can put a value into a label or a
 * metric name (the catalogs' sink names, or a configured sink) and need not be analysed.
 */
export function mayHaveGoFindings(text: string, config: CardinalConfig): boolean {
  return SINK_NAMES.some((name) => text.includes(name)) || config.sinks.some((sink) => text.includes(sink.function.split('.').pop()!));
}

/** A file of a package as other packages import it: test files are left out. */
export function isGoPackageFile(fileName: string): boolean {
  return isGoFile(fileName) && !fileName.endsWith('_test.go');
}

/** True for file names the Go frontend analyses (`_test.go` files included: tests record metrics too). */
export function isGoFile(fileName: string): boolean {
  return fileName.endsWith('.go');
}
