/**
 * The import graph of a Go project's packages, read from their text without parsing.
 *
 * It tells which packages a scan must parse and analyse. A finding is reported at a sink (a call the
 * catalogs or the configuration name) or at a call of a project function whose parameter reaches one
 * unchanged; the analysis of a package finds both only in that package and the project packages it
 * imports, directly or not. So a package none of whose files, and none of whose imported project
 * packages' files, names a sink cannot have a finding, and is skipped unparsed. The test is
 * conservative: a name in a comment or a string counts, and so does every string of the import section.
 *
 * It also tells which packages import a given one: where the implementations of an interface, and
 * the calls through it, are to be found.
 */
import { directoryOf } from '../project/paths';
import { GoModules, type ModuleFiles } from './modules';

/** What the graph reads: files, the `.go` files of a directory, and those below a module's root. */
export interface GoSourceTree extends ModuleFiles {
  goFilesOf(directory: string): readonly string[];
  /** Without it, no package is known to import another. */
  goFilesBelow?(root: string): readonly string[];
}

/** What is known of one directory from its text alone. */
interface DirectorySummary {
  readonly namesSink: boolean;
  readonly imports: readonly string[];
}

export class GoImportGraph {
  private readonly summaries = new Map<string, DirectorySummary>();
  private readonly known = new Map<string, boolean>();
  /** Per module root: for each package directory, the directories of the module that import it. */
  private readonly importers = new Map<string, Map<string, string[]>>();

  constructor(
    private readonly tree: GoSourceTree,
    private readonly namesSink: (fileName: string, text: string) => boolean,
    private readonly modules = new GoModules(tree),
  ) {}

  /** True when analysing the package in `directory` may report a finding. */
  mayHaveFindings(directory: string): boolean {
    const known = this.known.get(directory);
    if (known !== undefined) return known;
    // The import closure, breadth first; a sink anywhere in it makes the package worth analysing.
    const closure = [directory];
    const visited = new Set(closure);
    for (let index = 0; index < closure.length; index++) {
      const member = closure[index];
      const memberKnown = this.known.get(member);
      if (memberKnown === false) continue; // its whole closure is known to name no sink
      if (memberKnown === true || this.summaryOf(member).namesSink) {
        this.known.set(directory, true);
        return true;
      }
      for (const imported of this.summaryOf(member).imports) {
        if (!visited.has(imported)) {
          visited.add(imported);
          closure.push(imported);
        }
      }
    }
    // No sink in the whole closure: none in the closure of any member either, as each is a subset.
    for (const member of closure) this.known.set(member, false);
    return false;
  }

  /** The directories of `directory`'s module whose packages import it. */
  importersOf(directory: string): readonly string[] {
    const root = this.modules.moduleOf(directory)?.root;
    if (root === undefined || !this.tree.goFilesBelow) return [];
    let byImported = this.importers.get(root);
    if (!byImported) {
      byImported = new Map();
      this.importers.set(root, byImported);
      for (const importer of new Set(this.tree.goFilesBelow(root).map(directoryOf))) {
        for (const imported of this.summaryOf(importer).imports) {
          const list = byImported.get(imported);
          if (list) list.push(importer);
          else byImported.set(imported, [importer]);
        }
      }
    }
    return byImported.get(directory) ?? [];
  }

  private summaryOf(directory: string): DirectorySummary {
    let summary = this.summaries.get(directory);
    if (!summary) {
      let namesSink = false;
      const imports = new Set<string>();
      for (const fileName of this.tree.goFilesOf(directory)) {
        const text = this.tree.readFile(fileName);
        if (text === undefined) continue;
        namesSink ||= this.namesSink(fileName, text);
        for (const importPath of importSectionStrings(text)) {
          const imported = this.modules.directoryOf(importPath, directory);
          if (imported !== undefined && imported !== directory) imports.add(imported);
        }
      }
      summary = { namesSink, imports: [...imports] };
      this.summaries.set(directory, summary);
    }
    return summary;
  }
}

/**
 * Every one-line string literal before the file's first top-level declaration: Go puts imports before
 * any `func`, `type`, `var` or `const`, so the import paths are among them. Strings are matched a line
 * at a time, so a stray quote in a comment cannot hide the paths of the lines after it.
 */
export function importSectionStrings(text: string): string[] {
  const firstDeclaration = /^(?:func|type|var|const)\b/m.exec(text);
  const section = firstDeclaration ? text.slice(0, firstDeclaration.index) : text;
  const strings: string[] = [];
  for (const match of section.matchAll(/"((?:[^"\\\n]|\\.)*)"|`([^`\n]*)`/g)) strings.push(match[1] ?? match[2]);
  return strings;
}
