/**
 * Which configuration applies to a file, the same in the CLI and the language server: every
 * `cardinal.config.json` from the file's folder up to the first with `"root": true` (see
 * `cascadeConfigs`), or one file named explicitly (`--config`). Resolved once per folder.
 */
import type * as ts from 'typescript';
import { CONFIG_FILE_NAME } from '../analysis/config';
import { cascadeConfigs, isRootConfig, type ConfigLayer } from '../analysis/config-cascade';
import { DEFAULT_CONFIG, type CardinalConfig, type ConfigProblem } from '../analysis/config-types';
import { createExcludeMatcher, type ExcludeMatcher } from './exclude-globs';
import { directoryOf, joinPath, parentOf, relativePath } from './paths';

export interface FolderConfig {
  readonly config: CardinalConfig;
  /** Whether the configuration's `exclude` leaves a file or folder out. */
  readonly isExcluded: ExcludeMatcher;
  /** The configuration files applied, outermost first (empty when only the defaults apply). */
  readonly files: readonly string[];
  readonly problems: readonly ConfigProblem[];
}

export interface ConfigDiscoveryOptions {
  /** One file for everything, found by no search (the CLI's `--config`). */
  readonly explicitFile?: string;
  /** How problems name a configuration file (the CLI makes it relative to the working folder). */
  readonly displayName?: (file: string) => string;
}

export class ConfigDiscovery {
  private readonly byFolder = new Map<string, FolderConfig>();
  private explicit: FolderConfig | undefined;

  constructor(
    private readonly system: ts.System,
    private readonly options: ConfigDiscoveryOptions = {},
  ) {}

  /** The configuration of a file. */
  forFile(fileName: string): FolderConfig {
    return this.forFolder(directoryOf(fileName));
  }

  /** The configuration of the files directly in `folder`. */
  forFolder(folder: string): FolderConfig {
    if (this.options.explicitFile !== undefined) return (this.explicit ??= this.resolve([this.options.explicitFile]));
    let resolved = this.byFolder.get(folder);
    if (!resolved) {
      resolved = this.resolve(this.configFilesAbove(folder));
      this.byFolder.set(folder, resolved);
    }
    return resolved;
  }

  /** Every problem of every configuration resolved so far, each once. */
  problems(): ConfigProblem[] {
    const seen = new Set<string>();
    const all = [...(this.explicit ? [this.explicit] : []), ...this.byFolder.values()].flatMap((resolved) => resolved.problems);
    return all.filter((problem) => {
      const key = `${problem.file}\0${problem.key}\0${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Configuration files changed: everything is read again on next use. */
  clear(): void {
    this.byFolder.clear();
    this.explicit = undefined;
  }

  /** The config files that apply in `folder`, outermost first. */
  private configFilesAbove(folder: string): string[] {
    const found: string[] = [];
    for (let current: string | undefined = folder; current !== undefined; current = parentOf(current)) {
      const candidate = joinPath(current, CONFIG_FILE_NAME);
      if (!this.system.fileExists(candidate)) continue;
      found.unshift(candidate);
      const text = this.system.readFile(candidate);
      if (text !== undefined && isRootConfig(text)) break;
    }
    return found;
  }

  private resolve(files: readonly string[]): FolderConfig {
    if (files.length === 0) return { config: DEFAULT_CONFIG, isExcluded: () => false, files, problems: [] };
    const base = directoryOf(files[0]);
    const name = this.options.displayName ?? ((file: string) => file);
    const layers: ConfigLayer[] = [];
    const problems: ConfigProblem[] = [];
    for (const file of files) {
      const text = this.system.readFile(file);
      if (text === undefined) problems.push({ file: name(file), key: '', message: 'cannot read the configuration file' });
      else layers.push({ file: name(file), relativeDirectory: relativePath(base, directoryOf(file)), text });
    }
    const cascaded = cascadeConfigs(layers);
    return { config: cascaded.config, isExcluded: createExcludeMatcher(cascaded.config.exclude, base), files, problems: [...problems, ...cascaded.problems] };
  }
}
