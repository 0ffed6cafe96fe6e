/**
 * Snapshots of an editor's text that tell TypeScript what changed since an earlier snapshot of the same
 * document, so that a language service re-parses only the edited region, as tsserver does, instead of
 * the whole file on every keystroke.
 */
import ts from 'typescript';

/** A replacement in a text, in UTF-16 offsets of the text before it. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** How many versions back a change can be described; older snapshots are parsed again in full. */
const REMEMBERED_VERSIONS = 64;

/** The changes of one open document, version by version. A document opened again gets a new log. */
export class ChangeLog {
  /** By the version a change produced: the version it started from, and what it changed. */
  private readonly changes = new Map<number, { readonly from: number; readonly range: ts.TextChangeRange }>();

  /** The document went from version `from` to `to` through `edits`, each in the text the edits before it produced. */
  record(from: number, to: number, edits: readonly TextEdit[]): void {
    const ranges = edits.map((edit) => ts.createTextChangeRange(ts.createTextSpan(edit.start, edit.end - edit.start), edit.newText.length));
    this.changes.set(to, { from, range: ts.collapseTextChangeRangesAcrossMultipleVersions(ranges) });
    if (this.changes.size > REMEMBERED_VERSIONS) this.changes.delete(this.changes.keys().next().value!);
  }

  /** The change from version `from` to version `to`, or undefined when it is no longer known. */
  between(from: number, to: number): ts.TextChangeRange | undefined {
    const ranges: ts.TextChangeRange[] = [];
    for (let version = to; version !== from; ) {
      const change = this.changes.get(version);
      if (!change || change.from >= version) return undefined;
      ranges.push(change.range);
      version = change.from;
    }
    return ts.collapseTextChangeRangesAcrossMultipleVersions(ranges.reverse());
  }
}

export class EditorSnapshot implements ts.IScriptSnapshot {
  constructor(
    private readonly text: string,
    private readonly version: number,
    private readonly log: ChangeLog | undefined,
  ) {}

  getText(start: number, end: number): string {
    return this.text.substring(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (!(old instanceof EditorSnapshot) || old.log !== this.log || this.log === undefined || old.version > this.version) return undefined;
    return this.log.between(old.version, this.version);
  }
}
