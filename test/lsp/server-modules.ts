import * as path from 'node:path';
import { REPO_ROOT } from './lsp-session';

/**
 * Loads a compiled server module by its path below `server/src` (`'lsp/convert'`). Tests compile to
 * test/out/, so a relative import of the server's sources would point at the wrong folder at run time;
 * the type comes from `typeof import('../../server/src/…')` at the call site.
 */
export function loadServerModule<T>(modulePath: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(REPO_ROOT, 'server', 'out', modulePath)) as T;
}
