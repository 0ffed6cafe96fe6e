/**
 * The text and imports of every file of a project, for the language server, which (like the CLI)
 * builds its programs from the files it analyses rather than from the whole project. From them it
 * learns which files a workspace scan must analyse, and which files outside the program call a
 * function whose parameter reaches a label. Read in full once, on the first such question, then kept
 * current file by file as editors and the disk report changes.
 */
import type * as ts from 'typescript';
import type { CardinalConfig } from '../analysis';
import { MutableImportGraph } from './import-graph';
import { findCallersOutside, selectMetricFiles, type CallersLookup } from './metric-files';
import type { ProjectSettings } from './project-locator';

export class ProjectSources {
  private readonly files: ReadonlySet<string>;
  private readonly texts = new Map<string, string>();
  private readonly graph: MutableImportGraph;
  /** Files whose text changed since it was last read. */
  private readonly stale = new Set<string>();

  constructor(
    settings: ProjectSettings,
    system: ts.System,
    /** The text a program would see: an editor's unsaved text, else the disk's. */
    private readonly readText: (fileName: string) => string | undefined,
  ) {
    this.files = new Set(settings.rootFiles);
    this.graph = new MutableImportGraph(settings, system, (file) => this.files.has(file));
    for (const file of this.files) this.read(file);
  }

  /** The text of `fileName` changed; it is read again before the next question. */
  changed(fileName: string): void {
    if (this.files.has(fileName)) this.stale.add(fileName);
  }

  /** The files that may hold a metric call (see `selectMetricFiles`). */
  metricFiles(config: CardinalConfig): string[] {
    this.refresh();
    return selectMetricFiles(this.texts, this.graph, config);
  }

  /** Files outside `program` that may call the looked-up functions (see `findCallersOutside`). */
  callersOutside(program: ts.Program, lookups: Iterable<CallersLookup>): string[] {
    this.refresh();
    return findCallersOutside(program, lookups, this.texts, this.graph);
  }

  private refresh(): void {
    for (const file of this.stale) this.read(file);
    this.stale.clear();
  }

  private read(file: string): void {
    const text = this.readText(file);
    if (text === undefined) this.texts.delete(file);
    else this.texts.set(file, text);
    // A file that cannot be read imports nothing any more.
    this.graph.setText(file, text ?? '');
  }
}
