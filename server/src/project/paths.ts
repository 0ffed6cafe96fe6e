/**
 * File names as TypeScript writes them: absolute, with forward slashes on every platform. Everything
 * in the project layer and the CLI speaks this form, so names from a parsed tsconfig, from a folder
 * walk and from the command line compare equal.
 */
import * as path from 'node:path';

/** `p` with forward slashes. */
export function toForwardSlashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/** `p` made absolute against `base` (when relative) and normalised, with forward slashes. */
export function resolvePath(base: string, p: string): string {
  return toForwardSlashes(path.resolve(base, p));
}

/** The folder holding `fileName`. */
export function directoryOf(fileName: string): string {
  return toForwardSlashes(path.dirname(fileName));
}

/** The folder above `directory`, or undefined at the root of the file system. */
export function parentOf(directory: string): string | undefined {
  const parent = directoryOf(directory);
  return parent === directory ? undefined : parent;
}

/** `child` joined under `directory`. */
export function joinPath(directory: string, child: string): string {
  return toForwardSlashes(path.join(directory, child));
}

/** `to` relative to the folder `from`, with forward slashes (`../x` when outside it). */
export function relativePath(from: string, to: string): string {
  return toForwardSlashes(path.relative(from, to));
}

/** A key under which two spellings of the same file compare equal on this file system. */
export function canonicalKey(fileName: string, useCaseSensitiveFileNames: boolean): string {
  return useCaseSensitiveFileNames ? fileName : fileName.toLowerCase();
}
