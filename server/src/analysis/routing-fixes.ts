/**
 * Fixes for what runs before routing (see `route-pattern-too-early`): a recording moved to where the
 * route pattern exists, and a raw read kept in a constant inlined at its late uses. The frontends
 * say what can move where (`RoutingPhase`); the text is assembled here, for every language.
 */
import type { Fix, TextChange, TextSpan } from './finding';
import type { TextLines } from './text-lines';
import type { EarlyPattern, RecordingMove, RoutingPhase, Taint } from './value-facts';

/**
 * The rewrites with every raw read before routing inlined where its constant is used (see
 * `LateInline`): the declaration goes, each use reads the rewrite. None when one of them cannot be.
 */
export function inlinedChanges(raw: readonly Taint[], rewrites: readonly TextChange[]): TextChange[] | undefined {
  const result = [...rewrites];
  for (const taint of raw) {
    const repair = taint.repair;
    if (!repair?.beforeRouting) continue;
    const inline = repair.beforeRouting.inline;
    const index = result.findIndex((change) => sameSpan(change, repair.target ?? taint.span));
    if (!inline || index < 0) return undefined;
    const newText = result[index].newText;
    result.splice(index, 1, { ...inline.remove, newText: '' }, ...inline.uses.map((use) => ({ ...use.span, newText: use.prefix + (use.parenthesize ? `(${newText})` : newText) })));
  }
  return result;
}

/**
 * The fix for a route pattern read before routing: the statement that records the metric moves to
 * where the pattern exists. None when no such move is safe.
 */
export function moveRecordingFix(early: readonly EarlyPattern[], site: TextSpan, lines: TextLines): Fix | undefined {
  const move = sharedMove(early.map((read) => read.phase), site, early.map((read) => read.span));
  if (!move) return undefined;
  return { kind: 'move-recording', title: `Record the metric ${early[0].phase.where}, where the route is known`, preferred: true, changes: movedChanges(move, lines.text, []) };
}

/** The one move every phase offers, when it holds the label and every span: the recording moves whole. */
export function sharedMove(phases: readonly RoutingPhase[], site: TextSpan, spans: readonly TextSpan[]): RecordingMove | undefined {
  const move = phases[0].move;
  if (!move || !phases.every((phase) => phase.move && sameSpan(phase.move.remove, move.remove))) return undefined;
  if (!within(site, move.moved) || !spans.every((span) => within(span, move.moved) || span.file !== site.file || !overlapsSpan(span, move.remove))) return undefined;
  return move;
}

/** The text changes of `move`, with the `rewrites` that fall inside the moved text applied to it. */
export function movedChanges(move: RecordingMove, text: string, rewrites: readonly TextChange[]): TextChange[] {
  const inside = rewrites.filter((change) => within(change, move.moved)).sort((a, b) => b.start - a.start);
  let moved = text.slice(move.moved.start, move.moved.end);
  for (const change of inside) moved = moved.slice(0, change.start - move.moved.start) + change.newText + moved.slice(change.end - move.moved.start);
  const placed = move.prefix + moved + move.suffix;
  const file = move.remove.file;
  if (move.insertAt >= move.remove.start && move.insertAt <= move.remove.end) return [{ file, start: move.remove.start, end: move.remove.end, newText: placed }];
  return [
    { file, start: move.remove.start, end: move.remove.end, newText: '' },
    { file, start: move.insertAt, end: move.insertAt, newText: placed },
  ];
}

export function within(inner: TextSpan, outer: TextSpan): boolean {
  return inner.file === outer.file && outer.start <= inner.start && inner.end <= outer.end;
}

function overlapsSpan(a: TextSpan, b: TextSpan): boolean {
  return a.file === b.file && a.start < b.end && b.start < a.end;
}

function sameSpan(a: TextSpan, b: TextSpan): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}
