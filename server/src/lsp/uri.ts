import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The file system path behind a `file:` URI, or undefined for any other scheme (untitled editors,
 * git diffs, remote files): Cardinal analyses files it can place in a project on disk. Separators are
 * forward slashes on every platform, as TypeScript writes the file names of a parsed tsconfig.
 */
export function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path, for files the client has not opened (it then has no URI of its own). */
export function fileNameToUri(fileName: string): string {
  return pathToFileURL(fileName).href;
}
