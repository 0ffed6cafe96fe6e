/**
 * One `ts.Program` for one project, over an injectable `ts.System`. For batch runs (the CLI); the
 * language server keeps incremental `LanguageService`s instead.
 */
import ts from 'typescript';
import { analysisCompilerOptions, analysisHostHooks } from './analysis-program';
import type { ProjectSettings } from './project-locator';
import { directoryOf, toForwardSlashes } from './paths';
import { guardCompilerHost, type SkippedSyntaxListener } from './syntax-guard';

/**
 * Builds the analysis program of `settings` (see `analysis-program.ts`). Project references are not passed on: imports of a referenced
 * project then resolve to its sources rather than to build output that may not exist, which is what
 * an analysis that follows values across files needs. `oldProgram`, a previous program of the same
 * settings with fewer roots, lends its parsed files to the new one. A file TypeScript cannot process
 * (see `syntax-guard.ts`) enters the program empty and is reported to `onSkippedSyntax`.
 */
export function createProjectProgram(system: ts.System, settings: ProjectSettings, oldProgram?: ts.Program, onSkippedSyntax: SkippedSyntaxListener = () => undefined): ts.Program {
  const options = analysisCompilerOptions(settings.options);
  return ts.createProgram({
    rootNames: settings.rootFiles,
    options,
    host: guardCompilerHost(createSystemCompilerHost(system, { ...settings, options }), onSkippedSyntax),
    oldProgram,
  });
}

/**
 * A compiler host whose every file system access goes through `system`. TypeScript's own host reads
 * source files through its `readFile`, so replacing the accessors is enough.
 */
function createSystemCompilerHost(system: ts.System, settings: ProjectSettings): ts.CompilerHost {
  const host = ts.createCompilerHost(settings.options, true);
  // The default libraries sit beside the running compiler, as in TypeScript's own host.
  const libLocation = directoryOf(toForwardSlashes(system.getExecutingFilePath()));
  return Object.assign(host, {
    fileExists: (fileName: string) => system.fileExists(fileName),
    readFile: (fileName: string) => system.readFile(fileName),
    directoryExists: (directory: string) => system.directoryExists(directory),
    getDirectories: (directory: string) => system.getDirectories(directory),
    realpath: system.realpath ? (path: string) => system.realpath!(path) : undefined,
    getCurrentDirectory: () => settings.currentDirectory,
    useCaseSensitiveFileNames: () => system.useCaseSensitiveFileNames,
    getCanonicalFileName: (fileName: string) => (system.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()),
    getDefaultLibLocation: () => libLocation,
    getDefaultLibFileName: (options: ts.CompilerOptions) => `${libLocation}/${ts.getDefaultLibFileName(options)}`,
    ...analysisHostHooks,
  });
}
