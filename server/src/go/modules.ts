/**
 * Where a Go import path lives on disk: `go.mod` gives a module's path and root, `go.work` the modules
 * of a workspace, and an import path inside one of them is a directory below its root. Dependencies
 * (other modules, `vendor/`, the standard library) are not the project's code and are not resolved.
 * Pure: the caller reads the files.
 */
import { directoryOf } from '../project/paths';

export interface ModuleFiles {
  /** The text of a file, or undefined when it does not exist. */
  readFile(fileName: string): string | undefined;
}

interface Module {
  readonly path: string;
  readonly root: string;
}

/** At most this many folders are climbed looking for `go.mod`. */
const MAX_ANCESTORS = 64;

export class GoModules {
  /** Per directory: the module it belongs to (null: none), found once. */
  private readonly byDirectory = new Map<string, Module | null>();
  private readonly workspaces = new Map<string, readonly Module[]>();

  constructor(private readonly files: ModuleFiles) {}

  /** The directory holding the package `importPath` when it is imported from `fromDirectory`'s module or workspace. */
  directoryOf(importPath: string, fromDirectory: string): string | undefined {
    const module = this.moduleOf(fromDirectory);
    if (!module) return undefined;
    for (const candidate of [module, ...this.workspaceModules(module.root)]) {
      if (importPath === candidate.path) return candidate.root;
      if (importPath.startsWith(`${candidate.path}/`)) {
        return `${candidate.root}/${importPath.slice(candidate.path.length + 1)}`;
      }
    }
    return undefined;
  }

  /** The import path of the package in `directory`, when it is inside a module. */
  importPathOf(directory: string): string | undefined {
    const module = this.moduleOf(directory);
    if (!module) return undefined;
    return directory === module.root ? module.path : `${module.path}/${directory.slice(module.root.length + 1)}`;
  }

  /** The module `directory` belongs to: the nearest `go.mod` above it. */
  moduleOf(directory: string): Module | undefined {
    const known = this.byDirectory.get(directory);
    if (known !== undefined) return known ?? undefined;
    let found: Module | null = null;
    let current = directory;
    for (let hops = 0; hops < MAX_ANCESTORS; hops++) {
      const path = modulePath(this.files.readFile(`${current}/go.mod`));
      if (path !== undefined) {
        found = { path, root: current };
        break;
      }
      const parent = directoryOf(current);
      if (parent === current) break;
      current = parent;
    }
    this.byDirectory.set(directory, found);
    return found ?? undefined;
  }

  /** The other modules of the `go.work` above `root`, if there is one. */
  private workspaceModules(root: string): readonly Module[] {
    const known = this.workspaces.get(root);
    if (known) return known;
    const modules: Module[] = [];
    this.workspaces.set(root, modules);
    let current = root;
    for (let hops = 0; hops < MAX_ANCESTORS; hops++) {
      const text = this.files.readFile(`${current}/go.work`);
      if (text !== undefined) {
        for (const use of workspaceUses(text)) {
          const moduleRoot = normalize(`${current}/${use}`);
          const path = modulePath(this.files.readFile(`${moduleRoot}/go.mod`));
          if (path !== undefined && moduleRoot !== root) modules.push({ path, root: moduleRoot });
        }
        break;
      }
      const parent = directoryOf(current);
      if (parent === current) break;
      current = parent;
    }
    return modules;
  }
}

/** The `module` directive of a `go.mod` text. */
export function modulePath(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^\s*module\s+("?)([^\s"]+)\1\s*(?:\/\/.*)?$/m.exec(text);
  return match ? match[2] : undefined;
}

/** The directories a `go.work` text uses: `use ./a` and `use ( ./a ./b )`. */
export function workspaceUses(text: string): string[] {
  const uses: string[] = [];
  const withoutComments = text.replace(/\/\/.*$/gm, '');
  for (const match of withoutComments.matchAll(/^\s*use\s*(?:\(([^)]*)\)|(\S+))/gm)) {
    const list = match[1] !== undefined ? match[1].split(/\s+/) : [match[2]];
    uses.push(...list.filter((entry) => entry.length > 0).map((entry) => entry.replace(/^"|"$/g, '')));
  }
  return uses;
}

/** `a/./b/../c` → `a/c`. */
function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || (part === '' && parts.length > 0)) continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
