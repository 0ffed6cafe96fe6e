/**
 * Throw-away folders for tests that need a real file system (symbolic links, file sizes, binary files, spawned CLIs).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** File path (relative, forward slashes) → contents. */
export type Tree = Readonly<Record<string, string | Buffer>>;

/** Creates a fresh folder holding `tree` and returns its real absolute path, forward slashes. */
export function createTempTree(tree: Tree): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-test-'))).replace(/\\/g, '/');
  writeTree(root, tree);
  return root;
}

/** Writes `tree` below `root`, creating folders as needed. */
export function writeTree(root: string, tree: Tree): void {
  for (const [file, contents] of Object.entries(tree)) {
    const target = path.join(root, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
}

/** Removes a folder made by {@link createTempTree}. */
export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}
