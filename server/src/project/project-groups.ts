/**
 * Grouping files by the project that owns them, so each project's program is built once.
 */
import type { ProjectLocator } from './project-locator';

/** Files that share a project. `configFile` is undefined for the inferred project of loose files. */
export interface ProjectGroup {
  readonly configFile: string | undefined;
  readonly files: readonly string[];
}

/**
 * Splits `files` by owning config, keeping the order in which each project was first met; loose files
 * form one inferred group, last.
 */
export function groupFilesByProject(locator: ProjectLocator, files: readonly string[]): ProjectGroup[] {
  const byConfig = new Map<string | undefined, string[]>();
  for (const file of files) {
    const configFile = locator.findConfigFile(file);
    const group = byConfig.get(configFile);
    if (group) group.push(file);
    else byConfig.set(configFile, [file]);
  }
  const groups = [...byConfig].map(([configFile, grouped]) => ({ configFile, files: grouped }));
  return [...groups.filter((group) => group.configFile !== undefined), ...groups.filter((group) => group.configFile === undefined)];
}
