/**
 * Reading one tsconfig.json or jsconfig.json into the files and compiler options of its project.
 */
import ts from 'typescript';
import { directoryOf } from './paths';

/** A parsed tsconfig.json or jsconfig.json. */
export interface ProjectConfig {
  /** Absolute path of the config file, forward slashes. */
  readonly configFile: string;
  /** The files the config includes (after `files`, `include`, `exclude` and `extends`). */
  readonly rootFiles: readonly string[];
  readonly options: ts.CompilerOptions;
  /** The config's folder: relative paths in the options are relative to it. */
  readonly currentDirectory: string;
  /** The config files of its project `references`, resolved. */
  readonly references: readonly string[];
  /** Problems in the config, formatted `file(line,col): error TSxxxx: message`; empty when it is clean. */
  readonly errors: readonly string[];
}

/**
 * Parses `configFile` with TypeScript's own reader (`extends`, `include` globs, jsconfig defaults).
 * Never throws: an unreadable or broken config yields what could be parsed, with its errors as text.
 */
export function parseProjectConfig(system: ts.System, configFile: string): ProjectConfig {
  const diagnostics: ts.Diagnostic[] = [];
  const host: ts.ParseConfigFileHost = {
    useCaseSensitiveFileNames: system.useCaseSensitiveFileNames,
    readDirectory: (path, extensions, excludes, includes, depth) => system.readDirectory(path, extensions, excludes, includes, depth),
    fileExists: (path) => system.fileExists(path),
    readFile: (path) => system.readFile(path),
    getCurrentDirectory: () => system.getCurrentDirectory(),
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, jsconfigDefaults(configFile), host);
  diagnostics.push(...(parsed?.errors ?? []));
  return {
    configFile,
    rootFiles: parsed?.fileNames ?? [],
    options: parsed?.options ?? {},
    currentDirectory: directoryOf(configFile),
    references: (parsed?.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference)),
    errors: diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, system)),
  };
}

/** A jsconfig.json is a tsconfig with JavaScript turned on, as editors treat it; its own options win. */
function jsconfigDefaults(configFile: string): ts.CompilerOptions | undefined {
  return configFile.endsWith('/jsconfig.json') ? { allowJs: true, allowSyntheticDefaultImports: true, skipLibCheck: true, noEmit: true } : undefined;
}

function formatDiagnostic(diagnostic: ts.Diagnostic, system: ts.System): string {
  return ts
    .formatDiagnostic(diagnostic, {
      getCanonicalFileName: (fileName) => fileName,
      getCurrentDirectory: () => system.getCurrentDirectory(),
      getNewLine: () => '\n',
    })
    .trim();
}
