/**
 * The packages of a monorepo, mapped to their sources. `import { recordIncrement } from
 * '@acme/shared/src/server'` names a sibling package of the workspace; installed, it resolves through
 * a `node_modules` link to build output that a fresh clone does not have, so the wrapper behind the
 * import, and every label it carries, would be lost. Each workspace package (from pnpm-workspace.yaml,
 * or the `workspaces` of the root package.json) becomes a `paths` entry to its folder, tried before
 * `node_modules`, so imports of it resolve to its TypeScript or JavaScript sources.
 */
import type * as ts from 'typescript';
import { joinPath, parentOf } from './paths';

/** Entry files tried, in order, for an import of the package itself (`@acme/shared`). */
const ENTRY_GUESSES = ['src/index', 'index', 'lib/index'];
/** How deep a `**` in a workspace glob is followed. */
const MAX_GLOB_DEPTH = 3;
/** Folders a workspace glob never descends into. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'out']);

type WorkspaceSystem = Pick<ts.System, 'fileExists' | 'readFile' | 'directoryExists' | 'getDirectories'>;
type Paths = Readonly<Record<string, string[]>>;

const NO_NAMES: ReadonlySet<string> = new Set();

/** Finds the workspace above a folder and the `paths` of its packages; one cache per session. */
export class WorkspacePackages {
  private readonly rootOf = new Map<string, string | undefined>();
  private readonly pathsOf = new Map<string, Paths>();
  private readonly namesOf = new Map<string, ReadonlySet<string>>();

  constructor(private readonly system: WorkspaceSystem) {}

  /** `options` with a `paths` entry for every workspace package they do not map already. */
  withPackagePaths(options: ts.CompilerOptions, folder: string): ts.CompilerOptions {
    const root = this.workspaceRoot(folder);
    if (root === undefined) return options;
    const packages = this.packagePaths(root);
    const own = options.paths ?? {};
    const added = Object.entries(packages).filter(([pattern]) => !(pattern in own));
    if (added.length === 0) return options;
    const paths = { ...Object.fromEntries(added), ...own };
    // The substitutions are absolute, but TypeScript insists on a base for `paths`: a config's folder
    // (its internal `pathsBasePath`) or `baseUrl`. Options without a config get this folder.
    const base = options.baseUrl === undefined && (options as { pathsBasePath?: string }).pathsBasePath === undefined ? { pathsBasePath: folder } : {};
    return { ...options, ...base, paths };
  }

  /** The names of the workspace's packages around `folder`; empty outside a workspace. */
  packageNames(folder: string): ReadonlySet<string> {
    const root = this.workspaceRoot(folder);
    if (root === undefined) return NO_NAMES;
    let names = this.namesOf.get(root);
    if (!names) {
      names = new Set(Object.keys(this.packagePaths(root)).filter((pattern) => !pattern.endsWith('/*')));
      this.namesOf.set(root, names);
    }
    return names;
  }

  private workspaceRoot(folder: string): string | undefined {
    if (this.rootOf.has(folder)) return this.rootOf.get(folder);
    const parent = parentOf(folder);
    const root = workspaceGlobs(this.system, folder) !== undefined ? folder : parent === undefined ? undefined : this.workspaceRoot(parent);
    this.rootOf.set(folder, root);
    return root;
  }

  private packagePaths(root: string): Paths {
    let paths = this.pathsOf.get(root);
    if (!paths) {
      const entries: [string, string[]][] = [];
      for (const folder of this.packageFolders(root)) {
        const name = packageName(this.system.readFile(joinPath(folder, 'package.json')));
        if (name === undefined) continue;
        entries.push([name, ENTRY_GUESSES.map((entry) => joinPath(folder, entry))], [`${name}/*`, [joinPath(folder, '*')]]);
      }
      paths = Object.fromEntries(entries);
      this.pathsOf.set(root, paths);
    }
    return paths;
  }

  private packageFolders(root: string): string[] {
    const folders = new Set<string>();
    for (const glob of workspaceGlobs(this.system, root) ?? []) {
      if (glob.startsWith('!')) continue;
      for (const folder of this.expand(root, glob.replace(/^\.\//, '').replace(/\/$/, '').split('/'))) {
        if (this.system.fileExists(joinPath(folder, 'package.json'))) folders.add(folder);
      }
    }
    return [...folders];
  }

  /** The folders under `base` that the glob segments match (`*` one folder, `**` up to {@link MAX_GLOB_DEPTH}). */
  private expand(base: string, segments: readonly string[], depth = 0): string[] {
    if (segments.length === 0) return [base];
    const [segment, ...rest] = segments;
    if (segment === '**') {
      const here = this.expand(base, rest, depth);
      if (depth >= MAX_GLOB_DEPTH) return here;
      return [...here, ...this.children(base).flatMap((child) => this.expand(child, segments, depth + 1))];
    }
    if (!segment.includes('*')) {
      const next = joinPath(base, segment);
      return this.system.directoryExists(next) ? this.expand(next, rest, depth) : [];
    }
    const pattern = new RegExp(`^${segment.split('*').map(escapeRegExp).join('[^/]*')}$`);
    return this.children(base).filter((child) => pattern.test(child.slice(child.lastIndexOf('/') + 1))).flatMap((child) => this.expand(child, rest, depth));
  }

  private children(folder: string): string[] {
    return this.system.getDirectories(folder).filter((name) => !SKIPPED.has(name)).map((name) => joinPath(folder, name));
  }
}

/** The package globs a folder declares as a workspace root, or undefined when it is not one. */
function workspaceGlobs(system: WorkspaceSystem, folder: string): readonly string[] | undefined {
  const pnpm = joinPath(folder, 'pnpm-workspace.yaml');
  if (system.fileExists(pnpm)) return pnpmPackages(system.readFile(pnpm) ?? '');
  const manifest = joinPath(folder, 'package.json');
  if (!system.fileExists(manifest)) return undefined;
  const workspaces = parseJson(system.readFile(manifest))?.workspaces;
  const globs = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string') : undefined;
}

/** The `packages:` list of a pnpm-workspace.yaml (block style, as pnpm writes it). */
function pnpmPackages(text: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line)) inPackages = /^packages\s*:/.test(line);
    else if (inPackages) {
      const item = /^\s+-\s*(['"]?)([^'"#]+)\1/.exec(line);
      if (item) globs.push(item[2].trim());
    }
  }
  return globs;
}

function packageName(text: string | undefined): string | undefined {
  const name = parseJson(text)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
