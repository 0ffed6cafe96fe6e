/**
 * What the flow tracer knows about a value: the unbounded sources that reach it (each with the path
 * it took), whether some part of it is provably bounded, and whether some part could not be followed.
 */
import type * as ts from 'typescript';
import type { RoutePatternFix } from './catalog/model';
import { isRawPathKind, type SourceKind } from '../analysis/source-kinds';

/** One step of a flow, still as syntax; turned into a `FlowStep` when a finding is made. */
export interface Step {
  readonly node: ts.Node;
  readonly note: string;
}

/** An unbounded source reaching the value. */
export interface Taint {
  readonly kind: SourceKind;
  /** The expression where the unbounded value is read. */
  readonly node: ts.Node;
  /** The text shown for the source (usually the node's text). */
  readonly text: string;
  readonly description: string;
  /** How to replace the source with a route pattern, with the receiver it was read from. */
  readonly fix?: { readonly pattern: RoutePatternFix; readonly receiver: ts.Expression };
  /** The source is the fallback beside a route pattern (`req.route?.path || req.path`). */
  readonly fallback?: boolean;
  /** Why a sanitizer on the way does not bound it. */
  readonly weak?: string;
  /** From the source outwards. */
  readonly steps: readonly Step[];
}

export interface Facts {
  readonly taints: readonly Taint[];
  /** Why (some part of) the value is bounded, when known. */
  readonly bounded?: string;
  /** Some part is a route pattern. */
  readonly pattern?: boolean;
  /** Some part could not be followed. */
  readonly unknown: boolean;
}

/** At most this many distinct sources are kept per value: enough to report, small enough to stay fast. */
const MAX_TAINTS = 8;

export const UNKNOWN: Facts = Object.freeze({ taints: [], unknown: true });
export const NOTHING: Facts = Object.freeze({ taints: [], unknown: false });

export function bounded(why: string, pattern = false): Facts {
  return { taints: [], bounded: why, pattern, unknown: false };
}

export function tainted(taint: Taint): Facts {
  return { taints: [taint], unknown: false };
}

/** The facts of a value that is one of several others (branches, concatenated parts, assignments). */
export function union(parts: readonly Facts[]): Facts {
  if (parts.length === 1) return parts[0];
  const taints: Taint[] = [];
  for (const part of parts) {
    for (const taint of part.taints) {
      if (!taints.some((t) => t.node === taint.node)) taints.push(taint);
    }
  }
  return {
    taints: taints.length <= MAX_TAINTS ? taints : mostTelling(taints),
    bounded: parts.find((p) => p.bounded !== undefined)?.bounded,
    pattern: parts.some((p) => p.pattern),
    unknown: parts.some((p) => p.unknown),
  };
}

/** The taints kept when there are too many: raw paths first, since they decide the rule and the fix. */
function mostTelling(taints: readonly Taint[]): Taint[] {
  const raw = taints.filter((t) => isRawPathKind(t.kind));
  return [...raw, ...taints.filter((t) => !isRawPathKind(t.kind))].slice(0, MAX_TAINTS);
}

/** Adds a step to every taint (the value moved through `node`). */
export function through(facts: Facts, node: ts.Node, note: string): Facts {
  if (facts.taints.length === 0) return facts;
  return { ...facts, taints: facts.taints.map((t) => ({ ...t, steps: [...t.steps, { node, note }] })) };
}

/** Marks every taint as having passed a weak sanitizer. */
export function weakened(facts: Facts, why: string): Facts {
  if (facts.taints.length === 0) return facts;
  return { ...facts, taints: facts.taints.map((t) => ({ ...t, weak: t.weak ?? why })) };
}

/** In `pattern || raw`, the raw side is a fallback for unmatched requests: mark it so the fix targets it. */
export function asFallback(facts: Facts): Facts {
  return { ...facts, taints: facts.taints.map((t) => ({ ...t, fallback: true })) };
}
