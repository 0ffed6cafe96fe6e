/**
 * Which files of a project a batch scan analyses (from their text and imports alone), and which other
 * files its program needs. Most files of a service never touch a metric; parsing and binding them is
 * most of the cost of a whole-project program, so a scan builds its program from the files that can
 * reach a sink (and the callers the analysis turns out to need), and TypeScript adds what they import.
 */
import type * as ts from 'typescript';
import type { CardinalConfig } from '../analysis';
import { mayTouchMetrics, namesMetricLibrary } from '../typescript';
import type { ImportGraph } from './import-graph';

/**
 * The files that may hold a metric call. A file passes when its text may call a metric method and a
 * metric can reach it: it names a metric library (or a configured sink) itself, imports a package
 * (whose types may hold or augment anything), imports nothing at all, or imports, through project
 * files, a file that names a metric library. A file whose every import leads only to project files
 * that never name one cannot hold a metric, however many `.set(` or `.add(` calls it makes.
 */
export function selectMetricFiles(texts: ReadonlyMap<string, string>, graph: ImportGraph, config: CardinalConfig): string[] {
  const naming = [...texts].filter(([, text]) => namesMetricLibrary(text, config)).map(([file]) => file);
  const reachesMetrics = closure(naming, (file) => graph.importersOf(file));
  return [...texts]
    .filter(([file, text]) => {
      if (!mayTouchMetrics(text, config)) return false;
      if (reachesMetrics.has(file) || graph.importsPackages(file)) return true;
      return graph.importsOf(file).length === 0;
    })
    .map(([file]) => file);
}

/** A function whose calls the analysis looked for, by file and name. */
export interface CallersLookup {
  readonly fileName: string;
  readonly functionName: string;
}

/**
 * Files outside `program` that may call the looked-up functions: the analysis follows a parameter
 * that reaches a label to every call of its function, so a program built from part of a project must
 * hold those callers too. A caller imports the function's file (directly or through re-exports) and
 * names the function (any importer, for a function exported without a name).
 */
export function findCallersOutside(program: ts.Program, lookups: Iterable<CallersLookup>, texts: ReadonlyMap<string, string>, graph: ImportGraph): string[] {
  const callers = new Set<string>();
  const seen = new Set<string>();
  for (const { fileName, functionName } of lookups) {
    const key = `${fileName}\0${functionName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // No name: a default export, which an importer may call by any name.
    const mentions = functionName === '' ? /./ : mentionOf(functionName);
    for (const importer of importersClosure(fileName, graph)) {
      if (program.getSourceFile(importer) === undefined && mentions.test(texts.get(importer) ?? '')) callers.add(importer);
    }
  }
  return [...callers];
}

/** A test for a text that names `name` as a whole word. */
export function mentionOf(name: string): RegExp {
  return new RegExp(`(?<![\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`);
}

/** `file` and every file of the graph that imports it, directly or through others (re-exports included). */
export function importersClosure(file: string, graph: ImportGraph): Set<string> {
  return closure([file], (importedFile) => graph.importersOf(importedFile));
}

/** `start` and everything reachable from it through `next`. */
function closure(start: Iterable<string>, next: (file: string) => readonly string[]): Set<string> {
  const seen = new Set(start);
  const pending = [...seen];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const following of next(file)) {
      if (!seen.has(following)) {
        seen.add(following);
        pending.push(following);
      }
    }
  }
  return seen;
}
