/**
 * Which configuration a scan uses: the file given with `--config`, or else the nearest
 * `cardinal.config.json` in the folder of the first scanned path or any folder above it (a file path
 * starts the search in its own folder). Without one, the defaults apply.
 */
import type * as ts from 'typescript';
import { DEFAULT_CONFIG, type CardinalConfig, type ConfigProblem } from '../analysis';
import { CONFIG_FILE_NAME, parseConfig } from '../analysis/config';
import { directoryOf, joinPath, parentOf, relativePath } from '../project/paths';

export type LoadedConfig =
  | {
      readonly ok: true;
      readonly config: CardinalConfig;
      /** Undefined when no configuration file was found. */
      readonly configFile: string | undefined;
      /** The folder `exclude` globs are relative to. */
      readonly directory: string;
    }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/**
 * Loads the configuration for a scan. `explicitFile` and `firstPath` are absolute. Problems name the
 * file relative to the working directory; any problem makes the configuration unusable for a scan.
 */
export function loadScanConfig(system: ts.System, explicitFile: string | undefined, firstPath: string): LoadedConfig {
  const configFile = explicitFile ?? findConfigFile(system, system.directoryExists(firstPath) ? firstPath : directoryOf(firstPath));
  if (configFile === undefined) return { ok: true, config: DEFAULT_CONFIG, configFile: undefined, directory: directoryOf(firstPath) };
  const displayName = relativePath(system.getCurrentDirectory(), configFile) || configFile;
  const text = system.fileExists(configFile) ? system.readFile(configFile) : undefined;
  if (text === undefined) return { ok: false, problems: [{ file: displayName, key: '', message: 'cannot read the configuration file' }] };
  const { config, problems } = parseConfig(text, displayName);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config, configFile, directory: directoryOf(configFile) };
}

/** The nearest `cardinal.config.json` in `directory` or above it. */
export function findConfigFile(system: ts.System, directory: string): string | undefined {
  for (let current: string | undefined = directory; current !== undefined; current = parentOf(current)) {
    const candidate = joinPath(current, CONFIG_FILE_NAME);
    if (system.fileExists(candidate)) return candidate;
  }
  return undefined;
}
