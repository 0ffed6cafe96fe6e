/**
 * The route patterns a project registers, for the series budget of a label that receives the matched
 * pattern: each language counts its own files' registrations (syntax only), and a label's count is the
 * sum over the files of its project (below the nearest package.json or go.mod). The CLI counts the
 * scanned files, the server the files of the project of the hovered declaration.
 */
import type * as ts from 'typescript';
import type { LabelSite } from '../analysis';
import { sumRoutes, type FileRoutes, type RouteCount } from '../analysis/value-sets';
import { ProjectRoots } from '../project/project-roots';
import type { BatchLanguage } from './language';

/** Whether any of `sites` may receive a route pattern: only then are routes worth counting. */
export function receivesRoutePattern(sites: Iterable<LabelSite>): boolean {
  for (const site of sites) if (site.values.kind === 'bounded' && site.values.set?.routes) return true;
  return false;
}

/**
 * The routes registered in the project of a file, counted over `files`; undefined when a language of
 * those files cannot count its routes (the count would be short).
 */
export async function countProjectRoutes(files: readonly string[], languages: readonly BatchLanguage[], system: ts.System): Promise<((file: string) => RouteCount) | undefined> {
  const byFile = new Map<string, FileRoutes>();
  for (const [language, languageFiles] of partitionByLanguage(files, languages)) {
    if (!language.countRoutes) return undefined;
    for (const [file, routes] of await language.countRoutes(languageFiles, system)) byFile.set(file, routes);
  }
  const roots = new ProjectRoots(system);
  return (file) => {
    const root = roots.of(file);
    return sumRoutes([...byFile].filter(([routeFile]) => routeFile.startsWith(root)).map(([, routes]) => routes));
  };
}

/** Each file goes to the first language that accepts it. */
export function partitionByLanguage<L extends BatchLanguage>(files: readonly string[], languages: readonly L[]): Map<L, string[]> {
  const partition = new Map<L, string[]>();
  for (const file of files) {
    const language = languages.find((candidate) => candidate.accepts(file));
    if (language === undefined) continue;
    const group = partition.get(language);
    if (group) group.push(file);
    else partition.set(language, [file]);
  }
  return partition;
}
