/**
 * Which files are JavaScript or TypeScript sources that Cardinal analyses.
 */

/** Extensions of the source files a TypeScript program analyses. Declaration files are not sources. */
export const SCRIPT_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `.d.ts`, `.d.mts`, `.d.cts` and the `.d.<ext>.ts` of arbitrary-extension declarations. */
const DECLARATION_FILE = /\.d(\.[^./]+)?\.[mc]?ts$/i;

/** True for a JavaScript or TypeScript source file (not a declaration file). */
export function isScriptFile(fileName: string): boolean {
  const lowered = fileName.toLowerCase();
  return SCRIPT_EXTENSIONS.some((extension) => lowered.endsWith(extension)) && !DECLARATION_FILE.test(lowered);
}
