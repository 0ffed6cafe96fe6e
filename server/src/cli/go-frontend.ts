/**
 * Go: the files of one directory are one package and are analysed together, so a metric declared in
 * one file and used in another is understood (files of a different `package` clause in the same
 * directory, such as `foo_test`, are told apart by the Go frontend itself).
 */
import type { Finding } from '../analysis';
import { analyzeGoFiles, GoParser, GoSourceFile, isGoFile } from '../go';
import { directoryOf } from '../project/paths';
import type { FrontendContext, LanguageFrontend } from './language';

export const goFrontend: LanguageFrontend = {
  name: 'Go',
  accepts: isGoFile,
  // The grammar is loaded only when a scan holds Go files, so JavaScript-only scans never pay for it.
  analyze: async (files, context) => analyzeGoDirectories(await GoParser.load(), files, context),
};

function analyzeGoDirectories(parser: GoParser, files: readonly string[], context: FrontendContext): Finding[] {
  const findings: Finding[] = [];
  for (const directoryFiles of groupByDirectory(files).values()) {
    const sources: GoSourceFile[] = [];
    for (const fileName of directoryFiles) {
      const text = context.system.readFile(fileName);
      if (text === undefined) context.note({ file: fileName, message: 'skipped: could not be read' });
      else sources.push({ fileName, text });
    }
    findings.push(...analyzeGoFiles(parser, sources, context.config));
    for (const fileName of directoryFiles) context.fileDone(fileName);
  }
  return findings;
}

function groupByDirectory(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const fileName of files) {
    const directory = directoryOf(fileName);
    const group = groups.get(directory);
    if (group) group.push(fileName);
    else groups.set(directory, [fileName]);
  }
  return groups;
}
