/**
 * The `exclude` globs of a configuration, matched against paths relative to the configuration's folder.
 */
import picomatch from 'picomatch';
import { relativePath } from './paths';

/** Answers whether a file or folder (absolute path) is excluded. */
export type ExcludeMatcher = (fileName: string) => boolean;

/**
 * A matcher for `globs` relative to `baseDirectory`. Globs match dot files too, and a glob that matches
 * a folder (`generated/**`, `legacy`) excludes everything below it, as in `.gitignore`. Paths outside
 * `baseDirectory` are never excluded. Globs must already be valid (the config validator checks them).
 */
export function createExcludeMatcher(globs: readonly string[], baseDirectory: string): ExcludeMatcher {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (fileName) => {
    const relative = relativePath(baseDirectory, fileName);
    if (relative === '' || relative === '..' || relative.startsWith('../') || /^[A-Za-z]:/.test(relative)) return false;
    return matches(relative);
  };
}
