/**
 * Go in a batch scan: the files of one directory are one package and are analysed together, so a
 * metric declared in one file and used in another is understood (files of a different `package`
 * clause in the same directory, such as `foo_test`, are told apart by the Go frontend itself). The
 * packages of the same module they import are read from disk as the analysis follows them there.
 * A package that cannot have a finding (no sink named in it or in what it imports) is not parsed.
 */
import type { Finding } from '../../analysis';
import { analyzeGoFiles, diskPackageLoader, GoImportGraph, isGoFile, isGoPackageFile, mayHaveGoFindings, type GoParser, type GoSourceFile } from '../../go';
import { enumerateSourceFiles, MAX_FILE_SIZE } from '../../project/file-enumeration';
import { describeTimeBudgetExceeded } from '../../project/time-budget';
import { directoryOf, toForwardSlashes } from '../../project/paths';
import { withoutFailing } from '../analysis-failure';
import type { BatchContext } from '../language';

export function analyzeGoDirectories(parser: GoParser, files: readonly string[], context: BatchContext): Finding[] {
  const findings: Finding[] = [];
  // The module's other packages, read and parsed once for the whole scan, as the analysis asks for them.
  const system = context.system;
  const readFile = (fileName: string) => ((system.getFileSize?.(fileName) ?? 0) > MAX_FILE_SIZE ? undefined : system.readFile(fileName));
  const readDirectory = (directory: string) => system.readDirectory(directory, ['.go'], undefined, undefined, 1).map(toForwardSlashes);
  const graph = new GoImportGraph(
    { readFile, goFilesOf: (directory) => readDirectory(directory).filter(isGoFile), goFilesBelow: (root) => enumerateSourceFiles(system, [root], { accepts: isGoPackageFile }).files },
    (fileName, text) => mayHaveGoFindings(text, context.configFor(fileName)),
  );
  const packages = diskPackageLoader(parser, { readFile, readDirectory, importersOf: (directory) => graph.importersOf(directory) });
  for (const [directory, directoryFiles] of groupByDirectory(files)) {
    if (!graph.mayHaveFindings(directory)) {
      for (const fileName of directoryFiles) context.fileDone(fileName);
      continue;
    }
    const sources: GoSourceFile[] = [];
    for (const fileName of directoryFiles) {
      const text = context.system.readFile(fileName);
      if (text === undefined) context.note({ file: fileName, message: 'skipped: could not be read' });
      else sources.push({ fileName, text });
    }
    // One directory is one folder of configuration too.
    const onDeadline = (file: string) => context.note({ file, message: describeTimeBudgetExceeded(context.fileTimeBudgetMs) });
    const analyze = () => analyzeGoFiles(parser, sources, context.configFor(directoryFiles[0]), { packages, fileTimeBudgetMs: context.fileTimeBudgetMs, onDeadline, onMetrics: context.onMetrics && ((metrics) => context.onMetrics!(metrics)) });
    findings.push(...withoutFailing(sources.map((source) => source.fileName), analyze, [], (note) => context.note(note)));
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
