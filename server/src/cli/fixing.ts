/**
 * `--fix` and `--fix-dry-run`: the preferred fixes of a scan, the same set fix-all applies in the
 * editor (`combinePreferredFixes`: only fixes whose preconditions were checked), applied to the text
 * of the files they touch, which may be other files than the findings'. A dry run keeps the new text
 * in memory, behind a file system that serves it to the re-scan, and shows it as a diff.
 */
import type * as ts from 'typescript';
import { combinePreferredFixes, type TextChange } from '../analysis';
import type { ScanReport } from './scan-report';

/** Each changed file's text before and after the fixes, by absolute name. */
export type FixedFiles = ReadonlyMap<string, { readonly before: string; readonly after: string }>;

export function fixedFiles(report: ScanReport): FixedFiles {
  const byFile = new Map<string, TextChange[]>();
  for (const change of combinePreferredFixes(report.findings)) {
    const changes = byFile.get(change.file) ?? [];
    changes.push(change);
    byFile.set(change.file, changes);
  }
  const result = new Map<string, { before: string; after: string }>();
  for (const [file, changes] of byFile) {
    const before = report.readSource(file);
    if (before === undefined) continue;
    const after = applyChanges(before, changes);
    if (after !== before) result.set(file, { before, after });
  }
  return result;
}

/** `changes` never overlap (fix-all takes a fix whole or not at all), so they apply from the end. */
function applyChanges(text: string, changes: readonly TextChange[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, change.start) + change.newText + result.slice(change.end);
  }
  return result;
}

/** `system`, except that the fixed files read as their new text. */
export function withFixedFiles(system: ts.System, files: FixedFiles): ts.System {
  return {
    ...system,
    readFile: (name, encoding) => files.get(name)?.after ?? system.readFile(name, encoding),
    getFileSize: system.getFileSize && ((name) => (files.has(name) ? files.get(name)!.after.length : system.getFileSize!(name))),
  };
}

/** A unified diff of the fixed files, without context lines (`git apply --unidiff-zero` takes it). */
export function formatDiff(files: FixedFiles, displayName: (file: string) => string): string {
  const parts: string[] = [];
  for (const [file, { before, after }] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const name = displayName(file);
    parts.push(`--- a/${name}\n+++ b/${name}\n`, ...hunks(before.split('\n'), after.split('\n')));
  }
  return parts.join('');
}

/** The changed line ranges between two versions: the common prefix and suffix of each run are skipped. */
function hunks(before: readonly string[], after: readonly string[]): string[] {
  const result: string[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      i++;
      j++;
      continue;
    }
    const [endBefore, endAfter] = nextCommonLine(before, after, i, j);
    const removed = before.slice(i, endBefore);
    const added = after.slice(j, endAfter);
    const range = (start: number, count: number) => (count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`);
    result.push(`@@ -${range(i, removed.length)} +${range(j, added.length)} @@\n`, ...removed.map((line) => `-${line}\n`), ...added.map((line) => `+${line}\n`));
    i = endBefore;
    j = endAfter;
  }
  return result;
}

/** The nearest pair of positions from which both versions agree again (fixes change few, short runs). */
function nextCommonLine(before: readonly string[], after: readonly string[], i: number, j: number): [number, number] {
  for (let distance = 1; distance <= before.length - i + after.length - j; distance++) {
    for (let k = 0; k <= distance; k++) {
      const a = i + k;
      const b = j + distance - k;
      if (a <= before.length && b <= after.length && agreeFrom(before, after, a, b)) return [a, b];
    }
  }
  return [before.length, after.length];
}

/** The versions agree from `a` and `b` on: to the end, or for the next three lines. */
function agreeFrom(before: readonly string[], after: readonly string[], a: number, b: number): boolean {
  const rest = Math.min(before.length - a, after.length - b, 3);
  if (rest === 0) return before.length - a === 0 && after.length - b === 0;
  for (let k = 0; k < rest; k++) if (before[a + k] !== after[b + k]) return false;
  return true;
}
