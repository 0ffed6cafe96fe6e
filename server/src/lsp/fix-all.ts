import type { Finding, TextChange } from '../analysis';

/**
 * The changes of every preferred fix of `findings` that can be applied together. A fix is atomic: it
 * is taken whole or skipped when any of its changes overlaps a change already taken (a later fix-all
 * run, after this one is applied, picks it up). Identical changes shared by two fixes, such as one
 * import both need, are applied once.
 */
export function combinePreferredFixes(findings: readonly Finding[]): TextChange[] {
  const fixes = findings
    .flatMap((finding) => finding.fixes.filter((fix) => fix.preferred && fix.changes.length > 0))
    .sort((a, b) => a.changes[0].start - b.changes[0].start);
  const taken: TextChange[] = [];
  for (const fix of fixes) {
    const fresh = fix.changes.filter((change) => !taken.some((other) => isSameChange(change, other)));
    if (fresh.some((change) => taken.some((other) => overlaps(change, other)))) continue;
    taken.push(...fresh);
  }
  return taken;
}

function isSameChange(a: TextChange, b: TextChange): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/** Touching ranges do not overlap, but two insertions at one offset do: their order would be arbitrary. */
function overlaps(a: TextChange, b: TextChange): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}
