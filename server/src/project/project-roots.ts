/**
 * The folder of the project a file belongs to: the nearest folder above it holding a package.json or
 * a go.mod (else the file system's root). Answers are memoised per folder.
 */
import type * as ts from 'typescript';
import { directoryOf } from './paths';

const PROJECT_FILES = ['package.json', 'go.mod'];

export class ProjectRoots {
  private readonly byDirectory = new Map<string, string>();

  constructor(private readonly system: Pick<ts.System, 'fileExists'>) {}

  /** The project folder of `fileName`, ending with `/`. */
  of(fileName: string): string {
    return this.rootOf(directoryOf(fileName));
  }

  private rootOf(directory: string): string {
    const known = this.byDirectory.get(directory);
    if (known !== undefined) return known;
    const parent = directoryOf(directory);
    const isRoot = PROJECT_FILES.some((name) => this.system.fileExists(`${directory}/${name}`)) || parent === directory;
    const root = isRoot ? `${directory.replace(/\/$/, '')}/` : this.rootOf(parent);
    this.byDirectory.set(directory, root);
    return root;
  }
}
