/**
 * Where a scan's time goes, as ESLint's `TIMING=1` shows it: the time of each language's batch and of
 * each file. The analysis judges every rule of a label in one trace, so time is told per file and
 * per language rather than per rule. A file's time is the time since the previous file was done:
 * everything its language did for it, program building included for the first file of a batch.
 */
import type { Timing } from './scan-report';

export class ScanTiming {
  private readonly languages: { name: string; ms: number; files: number }[] = [];
  private readonly files = new Map<string, number>();
  private languageStart = 0;
  private last = 0;

  constructor(private readonly now: () => number) {}

  languageStarted(): void {
    this.languageStart = this.last = this.now();
  }

  fileDone(file: string): void {
    const now = this.now();
    this.files.set(file, (this.files.get(file) ?? 0) + (now - this.last));
    this.last = now;
  }

  languageDone(name: string, files: number): void {
    this.languages.push({ name, ms: this.now() - this.languageStart, files });
  }

  result(): Timing {
    return { languages: [...this.languages], files: [...this.files].map(([file, ms]) => ({ file, ms })) };
  }
}

/** How many of the slowest files `--timing` lists. */
const SLOWEST = 10;

/** The `--timing` table: languages, then the slowest files, relative to `display`. */
export function formatTiming(timing: Timing, display: (file: string) => string): string {
  const rows: [string, string, string][] = [['Language', 'Time (ms)', 'Files']];
  for (const language of timing.languages) rows.push([language.name, language.ms.toFixed(1), String(language.files)]);
  const slowest = [...timing.files].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST);
  const fileRows: [string, string][] = [['File', 'Time (ms)']];
  for (const { file, ms } of slowest) fileRows.push([display(file), ms.toFixed(1)]);
  return `${table(rows)}\n${table(fileRows)}`;
}

function table(rows: readonly string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')).join('\n') + '\n';
}
