/**
 * Lists the source files below the paths a user names (folders are walked, files taken as they are),
 * over an injectable `ts.System` so the same walk serves the CLI, the language server and tests.
 */
import type * as ts from 'typescript';
import { ExcludeMatcher } from './exclude-globs';
import { canonicalKey, joinPath } from './paths';

/** Folders that hold dependencies (`vendor` is Go's) or version control data: never walked into. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'vendor', '.git']);

/**
 * Folders that hold build output in JavaScript projects: not walked into, unless one holds Go source
 * of its own. Then it is a Go package that happens to have the name (`internal/build`), and JavaScript
 * build output never holds Go files.
 */
export const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['out', 'dist', 'build']);

/** Files larger than this are generated or bundled code, not code a person instruments by hand. */
export const MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface EnumerationOptions {
  /** Whether a file is a source file of a supported language, by its name. */
  readonly accepts: (fileName: string) => boolean;
  /** Files and folders to leave out (the configuration's `exclude`). */
  readonly isExcluded?: ExcludeMatcher;
  /** Defaults to {@link MAX_FILE_SIZE}. */
  readonly maxFileSize?: number;
}

/** A file that was named or found but is not analysed, and why (for a note to the user). */
export interface SkippedFile {
  readonly file: string;
  readonly reason: string;
}

export interface EnumeratedFiles {
  /** Absolute file names, forward slashes, each file once (by real path), in walk order. */
  readonly files: readonly string[];
  readonly skipped: readonly SkippedFile[];
}

/**
 * Walks `roots` (absolute paths of files or folders, forward slashes). Named roots are always entered,
 * even when they are a skipped folder; below them {@link SKIPPED_FOLDERS}, {@link BUILD_OUTPUT_FOLDERS}
 * and excluded folders are not.
 * A folder reached twice through symbolic links (a loop, or two links to one place) is walked once.
 */
export function enumerateSourceFiles(system: ts.System, roots: readonly string[], options: EnumerationOptions): EnumeratedFiles {
  const walk = new Walk(system, options);
  for (const root of roots) {
    if (system.directoryExists(root)) walk.directory(root);
    else if (system.fileExists(root)) walk.namedFile(root);
    else walk.skip(root, 'does not exist');
  }
  return { files: walk.files, skipped: walk.skipped };
}

class Walk {
  readonly files: string[] = [];
  readonly skipped: SkippedFile[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenDirectories = new Set<string>();
  private readonly maxFileSize: number;

  constructor(
    private readonly system: ts.System,
    private readonly options: EnumerationOptions,
  ) {
    this.maxFileSize = options.maxFileSize ?? MAX_FILE_SIZE;
  }

  directory(directory: string): void {
    if (!this.firstVisit(this.seenDirectories, directory)) return;
    // depth 1: the files of this folder only; subfolders are walked here so the pruning rules apply.
    for (const file of this.system.readDirectory(directory, undefined, undefined, undefined, 1).sort()) {
      if (this.options.accepts(file) && !this.options.isExcluded?.(file)) this.file(file);
    }
    for (const name of this.system.getDirectories(directory).sort()) {
      const child = joinPath(directory, name);
      if (this.isWalked(name, child)) this.directory(child);
    }
  }

  private isWalked(name: string, directory: string): boolean {
    if (SKIPPED_FOLDERS.has(name) || this.options.isExcluded?.(directory)) return false;
    return !BUILD_OUTPUT_FOLDERS.has(name) || this.system.readDirectory(directory, ['.go'], undefined, undefined, 1).length > 0;
  }

  /** A file named on the command line: kept unless unsupported or excluded, and then said so. */
  namedFile(file: string): void {
    if (!this.options.accepts(file)) this.skip(file, 'not a supported source file');
    else if (this.options.isExcluded?.(file)) this.skip(file, 'excluded by the configuration');
    else this.file(file);
  }

  skip(file: string, reason: string): void {
    this.skipped.push({ file, reason });
  }

  private file(file: string): void {
    if (!this.firstVisit(this.seenFiles, file)) return;
    const size = this.system.getFileSize?.(file);
    if (size !== undefined && size > this.maxFileSize) {
      this.skip(file, `larger than ${formatMegabytes(this.maxFileSize)} (${formatMegabytes(size)})`);
      return;
    }
    this.files.push(file);
  }

  /** Records the real path of `path`; false when it was already seen under this or another name. */
  private firstVisit(seen: Set<string>, path: string): boolean {
    const real = canonicalKey(this.system.realpath?.(path) ?? path, this.system.useCaseSensitiveFileNames);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  }
}

/** Rounded up to a tenth, so a file just over the limit never reads as exactly the limit. */
function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes * 10) / (1024 * 1024)) / 10} MB`;
}
