/**
 * Quick fixes as plain text changes, assembled the same way for every language. A frontend says how
 * each raw read would be rewritten in its syntax (`SourceRepair`); the route-pattern fix edits every
 * raw read of a finding where it happens (which may be in another file than the label), so every
 * label fed from it is fixed at once. The suppression fix inserts a directive above the label's line.
 */
import type { Fix, FixKind, TextChange, TextSpan } from './finding';
import type { RuleId } from './rules';
import { quote } from './step-notes';
import { suppressionComment, type Directive } from './suppression';
import { TextLines } from './text-lines';
import { inlinedChanges, movedChanges, sharedMove, within } from './routing-fixes';
import type { BoundingRewrite, Taint } from './value-facts';

/**
 * The preferred fix for a finding's raw-path taints: each raw read becomes its route pattern, each raw
 * fallback becomes the constant for unmatched requests. None when some raw read has no safe rewrite.
 * A raw read before routing (in a middleware, before `next()`) would become the pattern's one value
 * there: the fix then also moves the recording to where the pattern exists, or, when no such move is
 * safe, is not preferred and says so in its title.
 */
export function routePatternFix(raw: readonly Taint[], site: TextSpan, lines: TextLines): Fix | undefined {
  const changes: TextChange[] = [];
  let pattern: string | undefined;
  let caveat: string | undefined;
  for (const taint of raw) {
    const repair = taint.repair;
    if (!repair) return undefined;
    let newText: string;
    if (taint.fallback) {
      if (repair.unmatched === undefined) return undefined;
      newText = repair.unmatched;
    } else if (repair.pattern !== undefined) {
      newText = repair.pattern;
      pattern ??= repair.pattern;
      caveat ??= repair.caveat;
    } else {
      return undefined;
    }
    const target = repair.target ?? taint.span;
    if (!changes.some((c) => sameSpan(c, target))) changes.push({ ...target, newText });
  }
  if (changes.length === 0) return undefined;
  const fix: Fix =
    pattern === undefined
      ? { kind: 'constant-fallback', title: `Use a constant for unmatched routes: ${changes[0].newText}`, preferred: true, changes }
      : { kind: 'route-pattern', title: `Use the route pattern: ${pattern}${caveat === undefined ? '' : ` (${caveat})`}`, preferred: true, changes };
  const unsafe = raw.find((taint) => taint.repair?.unsafe !== undefined && !taint.fallback)?.repair?.unsafe;
  if (unsafe !== undefined) return { ...fix, title: `${fix.title} (not preferred: ${unsafe})`, preferred: false };
  const phases = raw.flatMap((taint) => (taint.repair?.beforeRouting ? [taint.repair.beforeRouting] : []));
  if (phases.length === 0) return fix;
  const move = sharedMove(phases, site, changes);
  if (move) {
    const outside = changes.filter((change) => !within(change, move.moved));
    return { ...fix, title: `${fix.title}, recorded ${phases[0].where}`, changes: [...outside, ...movedChanges(move, lines.text, changes)] };
  }
  const inlined = inlinedChanges(raw, changes);
  if (inlined) return { ...fix, title: `${fix.title}, read ${phases[0].where}`, changes: inlined };
  const phase = phases[0];
  return { ...fix, title: `${fix.title} (not preferred: read before routing, where the pattern is always ${phase.patternThere}; read it ${phase.where} instead)`, preferred: false };
}

/** The preferred fix when every taint of a finding has a bounding rewrite (the same rewrite is applied once). */
export function boundingFix(taints: readonly Taint[]): Fix | undefined {
  const rewrites = taints.map((taint) => taint.repair?.bounding);
  if (rewrites.length === 0 || rewrites.some((rewrite) => rewrite === undefined)) return undefined;
  const changes: TextChange[] = [];
  for (const rewrite of rewrites as BoundingRewrite[]) {
    for (const change of rewrite.changes) if (!changes.some((c) => isSameChange(c, change))) changes.push(change);
  }
  return { kind: 'bound-values', title: (rewrites[0] as BoundingRewrite).title, preferred: true, changes };
}

/** Inserts `// cardinal-ignore-next-line <rule> -- reason` above the line of `position`, at that line's indentation. */
export function suppressionFix(fileName: string, lines: TextLines, position: number, rule: RuleId): Fix {
  const line = lines.lineOf(position);
  const lineStart = lines.lineStart(line);
  return {
    kind: 'suppress',
    title: 'Ignore this label here',
    preferred: false,
    changes: [{ file: fileName, start: lineStart, end: lineStart, newText: `${lines.indentation(line)}${suppressionComment(rule)}${lines.eol}` }],
  };
}

/** Inserts `// cardinal-ignore-file <rule> -- reason` at the top of the file (below a `#!` line). */
export function fileSuppressionFix(fileName: string, lines: TextLines, rule: RuleId): Fix {
  const at = lines.text.startsWith('#!') && lines.lineCount > 1 ? lines.lineStart(1) : 0;
  return {
    kind: 'suppress-file',
    title: `Ignore ${rule} in this file`,
    preferred: false,
    changes: [{ file: fileName, start: at, end: at, newText: `${suppressionComment(rule, 'file')}${lines.eol}` }],
  };
}

/** Deletes a directive: its whole line when the comment is alone on it, else the comment and the spaces before it. */
export function removeDirectiveFix(fileName: string, lines: TextLines, directive: Directive): Fix {
  const lineStart = lines.lineStart(directive.line);
  const before = lines.text.slice(lineStart, directive.start);
  const after = lines.text.slice(directive.end, lines.lineEnd(directive.line));
  let change: TextChange;
  if (before.trim() === '' && after.trim() === '') {
    const next = directive.line + 1 < lines.lineCount ? lines.lineStart(directive.line + 1) : lines.text.length;
    change = { file: fileName, start: lineStart, end: next, newText: '' };
  } else {
    change = { file: fileName, start: directive.start - (before.length - before.trimEnd().length), end: directive.end, newText: '' };
  }
  return { kind: 'remove-directive', title: 'Remove this suppression directive', preferred: false, changes: [change] };
}

/** Replaces a misspelt rule id with the one it was probably meant to be. */
export function replaceWordFix(fileName: string, word: { start: number; end: number }, replacement: string): Fix {
  return { kind: 'correct-directive', title: `Change to ${quote(replacement)}`, preferred: false, changes: [{ file: fileName, start: word.start, end: word.end, newText: replacement }] };
}

/**
 * The changes of every preferred fix of `findings` that can be applied together (fix-all in the
 * editor, `--fix` on the command line). A fix is atomic: it is taken whole or skipped when any of its
 * changes overlaps a change already taken (a later run, after this one is applied, picks it up).
 * Identical changes shared by two fixes, such as one raw read feeding two labels, are applied once.
 * A label of a metric is rewritten at every recording or at none: fixing the `-1` of an up-down
 * counter and not its `+1` would leave series that never come down.
 */
export function combinePreferredFixes(findings: readonly { readonly fixes: readonly Fix[]; readonly metric?: string; readonly label?: string }[]): TextChange[] {
  const unfixable = new Set(findings.filter((finding) => finding.fixes.some((fix) => REWRITES.has(fix.kind) && !fix.preferred)).map(labelKey));
  const fixes = findings
    .flatMap((finding) => finding.fixes.filter((fix) => fix.preferred && fix.changes.length > 0 && !(REWRITES.has(fix.kind) && unfixable.has(labelKey(finding)))))
    .sort((a, b) => a.changes[0].start - b.changes[0].start);
  const taken: TextChange[] = [];
  for (const fix of fixes) {
    const fresh = fix.changes.filter((change) => !taken.some((other) => isSameChange(change, other)));
    if (fresh.some((change) => taken.some((other) => overlaps(change, other)))) continue;
    taken.push(...fresh);
  }
  return taken;
}

/** Fixes that change the values a label records. */
const REWRITES = new Set<FixKind>(['route-pattern', 'constant-fallback', 'move-recording']);

/** One key per label of a named metric; a finding of an unnamed metric stands alone. */
function labelKey(finding: { readonly metric?: string; readonly label?: string }): unknown {
  return finding.metric === undefined ? finding : `${finding.metric}\u0000${finding.label ?? ''}`;
}

function isSameChange(a: TextChange, b: TextChange): boolean {
  return sameSpan(a, b) && a.newText === b.newText;
}

/** Touching ranges do not overlap, but two insertions at one offset do: their order would be arbitrary. */
function overlaps(a: TextChange, b: TextChange): boolean {
  if (a.file !== b.file) return false;
  if (a.start === b.start) return true;
  return a.start < b.end && b.start < a.end;
}

function sameSpan(a: TextSpan, b: TextSpan): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}
