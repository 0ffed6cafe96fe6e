/**
 * The result of a scan, as every output format reads it, and what it means for the exit code.
 */
import type { Finding, Severity } from '../analysis';
import type { SeriesInventory } from '../analysis/series-inventory';
import type { Note } from '../languages';

export interface ScanReport {
  /** Absolute folder that reported file names are relative to (the working directory). */
  readonly root: string;
  /** De-duplicated, sorted by file and position. */
  readonly findings: readonly Finding[];
  /** How many files were handed to an analyser. */
  readonly filesScanned: number;
  readonly notes: readonly Note[];
  readonly timing: Timing;
  /** Every metric the scanned files declare, with its worst case. */
  readonly inventory: SeriesInventory;
  /** The text of a file the findings point into, for lines and columns. */
  readonly readSource: (file: string) => string | undefined;
}

/** Where a scan's time went, in milliseconds. */
export interface Timing {
  /** Per language: its whole batch (programs, parsing, analysis) and its number of files. */
  readonly languages: readonly { readonly name: string; readonly ms: number; readonly files: number }[];
  /** Per file: the time from the previous file's end to its own (Go: a package's time is on its first file). */
  readonly files: readonly { readonly file: string; readonly ms: number }[];
}

/** Finding counts per severity. */
export type SeverityCounts = Record<Severity, number>;

/** How many findings of each severity the report holds. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/**
 * 1 when the findings should fail a build: any error, or more warnings than `maxWarnings`. Info and
 * hint findings never fail it; raise a rule's severity in the configuration to make them count.
 */
export function exitCodeFor(findings: readonly Finding[], maxWarnings: number): 0 | 1 {
  const counts = countBySeverity(findings);
  return counts.error > 0 || counts.warning > maxWarnings ? 1 : 0;
}
