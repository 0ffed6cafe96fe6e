/**
 * What a language's tracer knows about a value, in a form no language owns: the unbounded sources
 * that reach it (each with the path it took, as spans of text), whether some part of it is provably
 * bounded, whether some part is a route pattern, and whether some part could not be followed. Every
 * frontend builds its conclusions with these combinators, so the same code shape means the same
 * thing in TypeScript and in Go, and one judge turns the facts at a label into a finding.
 */
import type { FlowStep, TextChange, TextSpan } from './finding';
import { isRawPathKind, SOURCE_KINDS, type SourceKind } from './source-kinds';
import { countedSet, joinSets, type ValueSet } from './value-sets';

/** How a frontend would rewrite the raw read of a taint, in its language's syntax. */
export interface SourceRepair {
  /** The route-pattern expression to put in place of the read; absent when no single expression is right. */
  readonly pattern?: string;
  /** Said in the fix's title when the pattern has a value of its own for requests no route matched. */
  readonly caveat?: string;
  /** The language's literal for requests no route matched, which replaces a raw fallback (raw reads only). */
  readonly unmatched?: string;
  /** What the rewrite replaces, when it is more than the read itself (`request.url.pathname` for a read of `request.url`). */
  readonly target?: TextSpan;
  /** A rewrite that bounds a value with no route pattern, such as mapping unknown HTTP methods to one constant. */
  readonly bounding?: BoundingRewrite;
  /** The read runs before routing, where a route pattern has no useful value yet. */
  readonly beforeRouting?: RoutingPhase;
  /** Why the pattern is not right everywhere here: the fix is then offered, not preferred, and says why. */
  readonly unsafe?: string;
}

/**
 * Where a read sits in a middleware that runs before the framework matches a route: a route pattern
 * read there is always the same value (Express's `undefined`, Hono's `'/*'`), so it is bounded but
 * useless, and rewriting a raw read into the pattern there would put every request in one series.
 */
export interface RoutingPhase {
  /** What the route pattern is at that point, as code: `undefined`, `'/*'`. */
  readonly patternThere: string;
  /** Where the pattern has its value, for the message: `in res.on('finish', …)`, `after await next()`. */
  readonly where: string;
  /** Moves the statement that records the metric to where the pattern has its value, when that is safe. */
  readonly move?: RecordingMove;
  /**
   * For a raw read kept in a constant (`const endpoint = req.path`) whose every use runs once the
   * pattern exists (in `res.on('finish')`): the declaration to take out, and the uses that read the
   * pattern instead.
   */
  readonly inline?: LateInline;
}

export interface LateInline {
  /** The declaration's statement, with its line. */
  readonly remove: TextSpan;
  /** Each use of the constant; `prefix` comes before the new text (`endpoint: ` for a shorthand property). */
  readonly uses: readonly { readonly span: TextSpan; readonly prefix: string; readonly parenthesize: boolean }[];
}

/**
 * A statement taken out at `remove` and put back at `insertAt` as `prefix + moved + suffix`. The back
 * end applies the raw reads' rewrites inside `moved` to the text it moves, so one fix can both move a
 * recording and rewrite what it records.
 */
export interface RecordingMove {
  readonly remove: TextSpan;
  readonly moved: TextSpan;
  readonly insertAt: number;
  readonly prefix: string;
  readonly suffix: string;
}

/** A route pattern read before routing (see `RoutingPhase`), with the path it took to the label. */
export interface EarlyPattern {
  readonly span: TextSpan;
  readonly text: string;
  readonly phase: RoutingPhase;
  readonly steps: readonly FlowStep[];
}

/** Changes that make an unbounded read bounded; `title` says what they do. */
export interface BoundingRewrite {
  readonly title: string;
  readonly changes: readonly TextChange[];
}

/** An unbounded source reaching the value. */
export interface Taint {
  readonly kind: SourceKind;
  /** Where the unbounded value is read. */
  readonly span: TextSpan;
  /** The source as written, e.g. `req.path` or `c.Request.URL.Path`. */
  readonly text: string;
  readonly description: string;
  readonly repair?: SourceRepair;
  /** The source is the fallback beside a route pattern (`req.route?.path || req.path`). */
  readonly fallback?: boolean;
  /** Why a sanitizer on the way does not bound it (see `weakness`). */
  readonly weak?: string;
  /** From the source outwards; the source's own step is not among them. */
  readonly steps: readonly FlowStep[];
}

export interface Facts {
  readonly taints: readonly Taint[];
  /** Why (some part of) the value is bounded, when known. */
  readonly bounded?: string;
  /** The values the bounded parts can take, when every one of them was counted (a series budget multiplies it). */
  readonly set?: ValueSet;
  /** Some part is a route pattern. */
  readonly pattern?: boolean;
  /** Some part could not be followed. */
  readonly unknown: boolean;
  /** Route patterns read before routing that reach the value. */
  readonly early?: readonly EarlyPattern[];
}

/** At most this many distinct sources are kept per value: enough to report, small enough to stay fast. */
const MAX_TAINTS = 8;
/** At most this many reasons are joined when several bounded parts make a value. */
const MAX_REASONS = 3;
const REASON_SEPARATOR = ' or ';

export const UNKNOWN: Facts = Object.freeze({ taints: [], unknown: true });
/** Nothing at all, e.g. a recursive call that adds nothing the outer call does not already. */
export const NOTHING: Facts = Object.freeze({ taints: [], unknown: false });

/** Nothing known either way: no source, no bound, no route pattern, only a part that could not be followed. */
export function isOpen(facts: Facts): boolean {
  return facts.unknown && facts.taints.length === 0 && facts.bounded === undefined && !facts.pattern;
}

/** A bounded value; `set` counts its values when they are known. */
export function bounded(why: string, pattern = false, set?: ValueSet): Facts {
  return { taints: [], bounded: why, pattern, unknown: false, ...(set ? { set } : {}) };
}

/** A new source of `kind` read at `span`; its description is the kind's unless one is given. */
export function sourceTaint(kind: SourceKind, span: TextSpan, text: string, extra: { repair?: SourceRepair; description?: string } = {}): Taint {
  return { kind, span, text, description: extra.description ?? SOURCE_KINDS[kind].description, repair: extra.repair, steps: [] };
}

/** A route pattern read at `span` before routing: bounded (one value), but not the pattern the label wants. */
export function earlyPattern(span: TextSpan, text: string, phase: RoutingPhase): Facts {
  return { taints: [], bounded: `the route pattern read before routing (always ${phase.patternThere} there)`, pattern: true, unknown: false, early: [{ span, text, phase, steps: [] }] };
}

export function tainted(taint: Taint): Facts {
  return { taints: [taint], unknown: false };
}

/** The facts of a value made of several others together (concatenation, an array, several callers' arguments). */
export function union(parts: readonly Facts[]): Facts {
  if (parts.length === 1) return parts[0];
  const taints: Taint[] = [];
  for (const part of parts) {
    for (const taint of part.taints) {
      if (!taints.some((t) => sameSpan(t.span, taint.span))) taints.push(taint);
    }
  }
  const reasons = [...new Set(parts.flatMap((p) => (p.bounded === undefined ? [] : p.bounded.split(REASON_SEPARATOR))))];
  const early: EarlyPattern[] = [];
  for (const part of parts) for (const read of part.early ?? []) if (!early.some((e) => sameSpan(e.span, read.span))) early.push(read);
  const set = joinedSet(parts);
  return {
    taints: taints.length <= MAX_TAINTS ? taints : mostTelling(taints),
    bounded: reasons.length === 0 ? undefined : reasons.slice(0, MAX_REASONS).join(REASON_SEPARATOR),
    ...(set ? { set } : {}),
    pattern: parts.some((p) => p.pattern),
    unknown: parts.some((p) => p.unknown),
    ...(early.length > 0 ? { early } : {}),
  };
}

/**
 * The facts of a value made by putting several together (`a + b`, a template, `fmt.Sprintf`): as
 * `union` for sources and bounds, but the values it can take are every combination of its parts'.
 */
export function combination(parts: readonly Facts[]): Facts {
  if (parts.length === 1) return parts[0];
  const joined = union(parts);
  const set = productSet(parts);
  return { taints: joined.taints, bounded: joined.bounded, ...(set ? { set } : {}), pattern: joined.pattern, unknown: joined.unknown, ...(joined.early ? { early: joined.early } : {}) };
}

/**
 * The facts of a value that is one of several alternatives chosen at run time (`a || b`, `c ? a : b`,
 * the assignments that reach a read). A raw alternative beside a route pattern is the fallback for
 * requests no route matched, so its fix is a constant rather than the pattern.
 */
export function choice(parts: readonly Facts[]): Facts {
  if (!parts.some((p) => p.pattern)) return union(parts);
  return union(parts.map((part) => (part.pattern ? part : asFallback(part))));
}

/** Adds a step to every taint: the value moved through `step`. */
export function through(facts: Facts, step: FlowStep): Facts {
  if (facts.taints.length === 0 && !facts.early) return facts;
  const moved: Facts = { ...facts, taints: facts.taints.map((t) => ({ ...t, steps: [...t.steps, step] })) };
  return facts.early ? { ...moved, early: facts.early.map((e) => ({ ...e, steps: [...e.steps, step] })) } : moved;
}

/** Marks every taint as having passed a weak sanitizer (the first one met is the one reported). */
export function weakened(facts: Facts, weak: string): Facts {
  if (facts.taints.length === 0) return facts;
  return { ...facts, taints: facts.taints.map((t) => ({ ...t, weak: t.weak ?? weak })) };
}

/** Marks every taint as the fallback for unmatched requests. */
export function asFallback(facts: Facts): Facts {
  if (facts.taints.length === 0) return facts;
  return { ...facts, taints: facts.taints.map((t) => ({ ...t, fallback: true })) };
}

/**
 * The value is read further, as `outer`, straight from a raw read at `inner` (`request.url` then
 * `.pathname`): the rewrite must replace the whole `outer` expression, or the pattern would be read
 * a property of its own.
 */
export function extendRepairs(facts: Facts, inner: TextSpan, outer: TextSpan): Facts {
  if (!facts.taints.some((t) => t.repair && sameSpan(t.repair.target ?? t.span, inner))) return facts;
  return {
    ...facts,
    taints: facts.taints.map((t) => (t.repair && sameSpan(t.repair.target ?? t.span, inner) ? { ...t, repair: { ...t.repair, target: outer } } : t)),
  };
}

/** The values of the bounded parts together, when each of them is counted; parts with nothing bounded add none. */
function joinedSet(parts: readonly Facts[]): ValueSet | undefined {
  const boundedParts = parts.filter((part) => part.bounded !== undefined);
  if (boundedParts.length === 0 || !boundedParts.every((part) => part.set)) return undefined;
  return joinSets(boundedParts.map((part) => part.set!));
}

let combinations = 0;

/** At most the product of the parts' counts; a route pattern in a combination is not a route any more, so it is not counted. */
function productSet(parts: readonly Facts[]): ValueSet | undefined {
  if (parts.some((part) => part.bounded === undefined || !part.set || part.set.routes)) return undefined;
  const sets = parts.map((part) => part.set!);
  // Each combination is its own set: the text between the parts is not known here, so two
  // combinations of the same parts may differ.
  return countedSet(
    `combination#${++combinations}`,
    sets.reduce((product, set) => product * set.size, 1),
    `every combination of ${sets.map((set) => set.origin).join(' and ')}`,
    sets.some((set) => set.estimate),
  );
}

/** The taints kept when there are too many: raw paths first, since they decide the rule and the fix. */
function mostTelling(taints: readonly Taint[]): Taint[] {
  const raw = taints.filter((t) => isRawPathKind(t.kind));
  return [...raw, ...taints.filter((t) => !isRawPathKind(t.kind))].slice(0, MAX_TAINTS);
}

function sameSpan(a: TextSpan, b: TextSpan): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}
