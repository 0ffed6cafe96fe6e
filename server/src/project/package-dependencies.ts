/**
 * The packages a file's project depends on: the `dependencies`, `devDependencies` and
 * `peerDependencies` of the nearest package.json above it. An untyped request handler belongs to the
 * framework its project uses. Read once per folder.
 */
import type * as ts from 'typescript';
import { directoryOf, joinPath, parentOf } from './paths';

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export class PackageDependencies {
  private readonly byFolder = new Map<string, ReadonlySet<string> | undefined>();

  constructor(private readonly system: Pick<ts.System, 'fileExists' | 'readFile'>) {}

  /** The dependencies of the nearest package.json above `fileName`, or undefined when there is none (or it is not JSON). */
  of(fileName: string): ReadonlySet<string> | undefined {
    return this.ofFolder(directoryOf(fileName));
  }

  private ofFolder(folder: string): ReadonlySet<string> | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const manifest = joinPath(folder, 'package.json');
    let found: ReadonlySet<string> | undefined;
    if (this.system.fileExists(manifest)) {
      found = parseDependencies(this.system.readFile(manifest));
    } else {
      const parent = parentOf(folder);
      found = parent === undefined ? undefined : this.ofFolder(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }
}

function parseDependencies(text: string | undefined): ReadonlySet<string> | undefined {
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    const names = FIELDS.flatMap((field) => {
      const value = manifest[field];
      return typeof value === 'object' && value !== null ? Object.keys(value) : [];
    });
    return new Set(names);
  } catch {
    return undefined;
  }
}
