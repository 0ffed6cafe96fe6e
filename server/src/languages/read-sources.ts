/** The texts of files on disk, read one at a time as a consumer asks (unreadable and oversized files left out). */
import type * as ts from 'typescript';
import { MAX_FILE_SIZE } from '../project/file-enumeration';

export function* readSources(files: readonly string[], system: ts.System): Generator<{ fileName: string; text: string }> {
  for (const fileName of files) {
    if ((system.getFileSize?.(fileName) ?? 0) > MAX_FILE_SIZE) continue;
    const text = system.readFile(fileName);
    if (text !== undefined) yield { fileName, text };
  }
}
