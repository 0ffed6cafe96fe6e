/**
 * Loads a compiled server module by its path below `server/src` (`'cli/cardinal'`). Tests compile to
 * test/out/<suite>/, so a relative import of the server's sources would point at the wrong folder at
 * run time; types come from `import type * as M from '../../server/src/…'` at the call site.
 */
import * as path from 'node:path';

/** The repository root (this file runs from test/out/support/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function loadServerModule<T>(modulePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO_ROOT, 'server', 'out', modulePath)) as T;
}
