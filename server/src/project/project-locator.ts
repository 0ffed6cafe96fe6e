/**
 * Which project owns a file: the nearest tsconfig.json or jsconfig.json above it that includes it.
 * Discovery only; building programs or language services on top of it is the caller's business.
 */
import type * as ts from 'typescript';
import { inferredCompilerOptions } from './inferred-project';
import { canonicalKey, directoryOf, joinPath, parentOf } from './paths';
import { parseProjectConfig, ProjectConfig } from './project-config';
import { WorkspacePackages } from './workspace-packages';

/** Looked for in each folder, in this order (as editors do). */
export const CONFIG_FILE_NAMES: readonly string[] = ['tsconfig.json', 'jsconfig.json'];

/** Root files, options and folder of a project: a parsed config, or the inferred project. */
export interface ProjectSettings {
  readonly rootFiles: readonly string[];
  readonly options: ts.CompilerOptions;
  readonly currentDirectory: string;
}

/**
 * Finds and parses project configs over a `ts.System`, caching each parsed config. Create one per
 * session (a CLI run, a language server workspace) and call {@link forget} when a config changes.
 * It is the `ProjectDiscovery` that `LanguageServices` expects.
 */
export class ProjectLocator {
  private readonly parsed = new Map<string, ParsedEntry>();
  private workspaces: WorkspacePackages;

  constructor(private readonly system: ts.System) {
    this.workspaces = new WorkspacePackages(system);
  }

  /**
   * The config file that owns `fileName`: walking up from its folder, the first tsconfig.json or
   * jsconfig.json whose files include it. A solution-style config (no files of its own) owns a file
   * through the project `references` that include it. Undefined when no config does: the file belongs
   * to the inferred project.
   */
  findConfigFile(fileName: string): string | undefined {
    for (let directory: string | undefined = directoryOf(fileName); directory !== undefined; directory = parentOf(directory)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = joinPath(directory, name);
        if (!this.system.fileExists(candidate)) continue;
        const owner = this.ownerAmong(candidate, fileName, new Set());
        if (owner !== undefined) return owner;
      }
    }
    return undefined;
  }

  /** The parsed config (cached until {@link forget}). */
  readProject(configFile: string): ProjectConfig {
    return this.entry(configFile).config;
  }

  /** Settings of the inferred project; it starts with no root files (callers add the loose files). */
  inferredSettings(): ProjectSettings {
    const currentDirectory = this.system.getCurrentDirectory();
    return { rootFiles: [], options: this.workspaces.withPackagePaths(inferredCompilerOptions(), currentDirectory), currentDirectory };
  }

  /** The names of the packages of the workspace (monorepo) around `folder`; empty outside one. */
  workspacePackageNames(folder: string): ReadonlySet<string> {
    return this.workspaces.packageNames(folder);
  }

  /** Drops the cached parse of `configFile`, or of every config (and what is known of workspaces) when called without one. */
  forget(configFile?: string): void {
    if (configFile !== undefined) {
      this.parsed.delete(configFile);
      return;
    }
    this.parsed.clear();
    this.workspaces = new WorkspacePackages(this.system);
  }

  private ownerAmong(configFile: string, fileName: string, visited: Set<string>): string | undefined {
    if (visited.has(configFile)) return undefined;
    visited.add(configFile);
    const entry = this.entry(configFile);
    if (entry.rootFileKeys.has(canonicalKey(fileName, this.system.useCaseSensitiveFileNames))) return configFile;
    if (entry.config.rootFiles.length > 0) return undefined;
    for (const reference of entry.config.references) {
      const owner = this.system.fileExists(reference) ? this.ownerAmong(reference, fileName, visited) : undefined;
      if (owner !== undefined) return owner;
    }
    return undefined;
  }

  private entry(configFile: string): ParsedEntry {
    let entry = this.parsed.get(configFile);
    if (!entry) {
      const parsed = parseProjectConfig(this.system, configFile);
      // Sibling packages of a monorepo resolve to their sources, installed or not.
      const config = { ...parsed, options: this.workspaces.withPackagePaths(parsed.options, parsed.currentDirectory) };
      const rootFileKeys = new Set(config.rootFiles.map((file) => canonicalKey(file, this.system.useCaseSensitiveFileNames)));
      entry = { config, rootFileKeys };
      this.parsed.set(configFile, entry);
    }
    return entry;
  }
}

interface ParsedEntry {
  readonly config: ProjectConfig;
  readonly rootFileKeys: ReadonlySet<string>;
}
