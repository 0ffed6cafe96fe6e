/**
 * The one loop that gives a TypeScript analysis the callers it needs. Programs are built from part
 * of a project (the files analysed, not the whole project), and the analysis follows a parameter that
 * reaches a label to every call of its function. When some callers are not in the program, they are
 * added and the files that asked are analysed again on the grown program (which reuses every file
 * already parsed), until nothing is missing. Files that looked up no missing caller keep their result:
 * adding callers changes no type or symbol they depend on. The CLI runs it over a batch of files, the
 * language server over one file at a time.
 */
import type ts from 'typescript';
import type { CallersLookup } from '../../project/metric-files';

/** Records which functions' callers the analysis of each file looked up, and which files it left labels to. */
export class CallersTracker {
  private file: string | undefined;
  private readonly byFile = new Map<string, CallersLookup[]>();
  private readonly delegated = new Set<string>();
  private readonly everLookedUp = new Map<string, CallersLookup>();

  /** The analyzer hook `AnalyzerHooks.onJudgedAtCallers`. */
  readonly delegationHook = (callerFiles: readonly string[]): void => {
    for (const file of callerFiles) this.delegated.add(file);
  };

  /** The files labels were left to since the last call. */
  takeDelegated(): string[] {
    const taken = [...this.delegated];
    this.delegated.clear();
    return taken;
  }

  /** The analyzer hook (`AnalyzerHooks.onCallersLookup`). */
  readonly hook = (fileName: string, functionName: string): void => {
    this.everLookedUp.set(`${fileName}\0${functionName}`, { fileName, functionName });
    if (this.file === undefined) return;
    const lookups = this.byFile.get(this.file);
    if (lookups) lookups.push({ fileName, functionName });
    else this.byFile.set(this.file, [{ fileName, functionName }]);
  };

  /** Every function whose callers were looked up, once each. */
  lookedUp(): CallersLookup[] {
    return [...this.everLookedUp.values()];
  }

  analysing(file: string | undefined): void {
    this.file = file;
  }

  /** The lookups recorded since the last call, by the file whose analysis made them. */
  take(): Map<string, CallersLookup[]> {
    const taken = new Map(this.byFile);
    this.byFile.clear();
    this.file = undefined;
    return taken;
  }
}

/** A program that can grow: the CLI's batch program or a language-server project. */
export interface GrowingProgram {
  current(): ts.Program | undefined;
  /** Adds files to the program's roots; false when none was new (or none can be read). */
  include(files: readonly string[]): boolean;
  /** Files outside `program` that may call the looked-up functions. */
  callersOutside(program: ts.Program, lookups: readonly CallersLookup[]): string[];
}

export interface CallersLoopOptions<T> {
  /** Hears of each file once its result is final. */
  readonly settled?: (file: string) => void;
  /**
   * Whether a file that labels were left to (it calls a wrapper of an analysed file) is analysed too;
   * a batch scan takes those it scans, a single file's analysis none.
   */
  readonly followDelegated?: (file: string) => boolean;
  /** Results so far, of files analysed before (not analysed again for a delegation). */
  readonly results?: Map<string, T>;
}

/** Runs `analyze` over `files` until no analysis is missing a caller. Returns the results by file. */
export function analyzeWithCallers<T>(
  files: readonly string[],
  growing: GrowingProgram,
  tracker: CallersTracker,
  analyze: (program: ts.Program, file: string) => T,
  options: CallersLoopOptions<T> = {},
): Map<string, T> {
  const { settled = () => undefined, followDelegated = () => false } = options;
  const results = options.results ?? new Map<string, T>();
  let pending = [...files];
  while (pending.length > 0) {
    const program = growing.current();
    if (!program) break;
    tracker.take();
    for (const file of pending) {
      tracker.analysing(file);
      results.set(file, analyze(program, file));
    }
    const again = new Set<string>();
    const added = new Set<string>();
    for (const [file, lookups] of tracker.take()) {
      const callers = growing.callersOutside(program, lookups);
      if (callers.length === 0) continue;
      again.add(file);
      for (const caller of callers) added.add(caller);
    }
    for (const file of tracker.takeDelegated()) {
      if (results.has(file) || !followDelegated(file)) continue;
      again.add(file);
      added.add(file);
    }
    for (const file of pending) if (!again.has(file)) settled(file);
    // A caller that cannot join the program (it cannot be read) must not start the loop over forever.
    const grown = added.size === 0 || growing.include([...added]);
    if (again.size > 0 && !grown && [...again].every((file) => results.has(file))) {
      for (const file of again) settled(file);
      break;
    }
    pending = [...again];
  }
  return results;
}
