/**
 * A Go program as far as the analysis reaches: the package being analysed and, loaded on demand, the
 * packages of the same module (or `go.work` workspace) it imports. A vector declared in
 * `internal/metrics` and used in a handler package, a helper of another package that returns a label
 * value or takes one, a package-level variable: each is followed into the package that declares it.
 * Every package keeps its own index, scopes and tracer; they share one trace state, so a trace that
 * crosses packages keeps its budget, its cycle checks and the calls it came through.
 */
import type { CardinalConfig } from '../analysis/config-types';
import { directoryOf } from '../project/paths';
import { ChainResolver } from './chains';
import { Containers } from './containers';
import { FlowTracer, TraceState } from './flow';
import { GoModules, type ModuleFiles } from './modules';
import { GoPackage } from './package-index';
import { Scopes } from './scopes';
import type { SinkContext } from './sinks';
import { textOf, type GoFileSyntax, type GoNode } from './syntax';
import { VectorIndex } from './vectors';

/** What the analysis may read of the project around the package it analyses. */
export interface GoPackageLoader extends ModuleFiles {
  /** The parsed `.go` files of the directory, test files excluded; empty when there are none. */
  packageFiles(directory: string): readonly GoFileSyntax[];
  /** The directories of the module whose packages import the one in `directory` (none when not known). */
  importersOf?(directory: string): readonly string[];
}

/** Implementations of one interface method followed at most. */
const MAX_IMPLEMENTATIONS = 16;

/** Imported packages loaded for one analysis at most: past it, the rest are not followed. */
const MAX_LOADED_PACKAGES = 64;

export class GoProgram {
  private readonly modules: GoModules | undefined;
  private readonly byFile = new Map<GoFileSyntax, SinkContext>();
  /** Every package loaded, in the order it was. */
  private readonly contexts: SinkContext[] = [];
  private readonly byDirectory = new Map<string, SinkContext | null>();
  /** Interface method names whose declaring packages' importers are loaded. */
  private readonly implementersLoaded = new Set<string>();
  readonly state = new TraceState();

  constructor(
    private readonly config: CardinalConfig,
    private readonly loader: GoPackageLoader | undefined,
  ) {
    this.modules = loader && new GoModules(loader);
  }

  /** The context of a package the caller analyses (`files` share a directory and a package clause). */
  contextOf(files: readonly GoFileSyntax[]): SinkContext {
    const known = files[0] && this.byFile.get(files[0]);
    if (known) return known;
    const context = this.createContext(files);
    if (files[0] && !this.byDirectory.has(directoryOf(files[0].fileName))) this.byDirectory.set(directoryOf(files[0].fileName), context);
    return context;
  }

  /**
   * The implementations of an interface method across the loaded packages: a call `x.URLPath()` on
   * a project interface may run any of them. Empty when no project interface declares the name.
   */
  interfaceImplementations(name: string): GoNode[] {
    this.loadImplementers(name);
    if (!this.contexts.some((context) => context.pkg.declaresInterfaceMethod(name))) return [];
    return this.contexts.flatMap((context) => context.pkg.methodsNamed(name)).slice(0, MAX_IMPLEMENTATIONS);
  }

  /**
   * The calls that may run `method` (named `name`, of package `own`) through a project interface it
   * implements: calls of that name in the other loaded packages. The interface may be declared in a
   * package the method's file imports, and called from packages importing that one: both are loaded.
   */
  callsThroughInterfaces(method: GoNode, name: string, own: GoPackage): GoNode[] {
    this.importedBy(method.file);
    if (!this.interfaceImplementations(name).includes(method)) return [];
    return this.contexts.filter((context) => context.pkg !== own).flatMap((context) => context.pkg.callsNamed(name));
  }

  /**
   * Loads the packages importing a loaded package that declares an interface with method `name`:
   * implementations of a project interface, and the calls through it, are in packages that name its
   * package (a Prometheus recorder in `metrics/prometheus`, the middleware calling it), which the
   * package being analysed need not import.
   */
  private loadImplementers(name: string): void {
    if (this.implementersLoaded.has(name) || !this.loader?.importersOf) return;
    this.implementersLoaded.add(name);
    for (const context of [...this.contexts]) {
      if (!context.pkg.declaresInterfaceMethod(name) || context.pkg.files.length === 0) continue;
      for (const importer of this.loader.importersOf(directoryOf(context.pkg.files[0].fileName))) this.load(importer);
    }
  }

  contextOfFile(file: GoFileSyntax): SinkContext | undefined {
    return this.byFile.get(file);
  }

  /** The context of the project package `alias` imports in `file`; undefined for dependencies and the standard library. */
  imported(file: GoFileSyntax, alias: string): SinkContext | undefined {
    const importer = this.byFile.get(file);
    const importPath = importer?.pkg.importPathOf(file, alias);
    const directory = importPath === undefined ? undefined : this.modules?.directoryOf(importPath, directoryOf(file.fileName));
    return directory === undefined ? undefined : this.load(directory);
  }

  /** Every package loaded so far: the analysed ones and the imports followed. */
  loadedContexts(): SinkContext[] {
    return [...this.contexts];
  }

  /** Every project package `file` imports that is loaded or can be. */
  importedBy(file: GoFileSyntax): SinkContext[] {
    const importer = this.byFile.get(file);
    if (!importer) return [];
    return [...importer.pkg.importsOf(file).keys()].flatMap((alias) => this.imported(file, alias) ?? []);
  }

  private load(directory: string): SinkContext | undefined {
    const known = this.byDirectory.get(directory);
    if (known !== undefined) return known ?? undefined;
    if (!this.loader || this.byDirectory.size >= MAX_LOADED_PACKAGES) return undefined;
    this.byDirectory.set(directory, null); // a package importing itself through a cycle gets nothing more
    const files = mainPackageFiles(this.loader.packageFiles(directory));
    const context = files.length > 0 ? this.createContext(files) : undefined;
    this.byDirectory.set(directory, context ?? null);
    return context;
  }

  private createContext(files: readonly GoFileSyntax[]): SinkContext {
    const pkg = new GoPackage(files);
    const scopes = new Scopes(pkg);
    const chains = new ChainResolver(pkg, scopes);
    const containers = new Containers(pkg, scopes);
    const tracer = new FlowTracer(pkg, scopes, chains, containers, this.config, this);
    const context: SinkContext = { pkg, scopes, tracer, vectors: new VectorIndex(pkg, scopes, chains, tracer, this), containers, config: this.config, program: this };
    for (const file of files) this.byFile.set(file, context);
    this.contexts.push(context);
    return context;
  }
}

/** The files of the package a directory defines: the most common package clause (`foo_test` is another package). */
function mainPackageFiles(files: readonly GoFileSyntax[]): GoFileSyntax[] {
  const byClause = new Map<string, GoFileSyntax[]>();
  for (const file of files) {
    const clause = file.root.children.find((child) => child.type === 'package_clause');
    const name = clause ? textOf(clause.children.find((child) => child.named) ?? clause) : '';
    if (name.endsWith('_test')) continue;
    const group = byClause.get(name);
    if (group) group.push(file);
    else byClause.set(name, [file]);
  }
  return [...byClause.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}
