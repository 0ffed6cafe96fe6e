/**
 * What the flow analysis concludes about a value, and how conclusions about alternatives (several
 * assignments, both sides of `+`, several `return`s) combine.
 */
import type { FlowStep } from '../analysis/finding';
import type { TypedFrame } from './chains';
import type { GoNode } from './syntax';

export interface UnboundedValue {
  readonly kind: 'unbounded';
  /** `raw-path` becomes `raw-path-label`, anything else `unbounded-label`. */
  readonly category: 'raw-path' | 'unbounded';
  /** The expression reading the value, e.g. `c.Request.URL.Path`. */
  readonly source: GoNode;
  readonly description: string;
  /** The catalogued values the source was read through (for the route-pattern fix). */
  readonly frames: readonly TypedFrame[];
  /** From the source on; the sink's own step is added by the caller. */
  readonly steps: readonly FlowStep[];
  readonly weakSanitizer?: string;
  /** The raw value is the fallback of a route pattern (`if route == "" { route = r.URL.Path }`). */
  readonly fallback: boolean;
}

export interface BoundedValue {
  readonly kind: 'bounded';
  readonly why: string;
  /** Some alternative is a route pattern: a raw alternative next to it is a fallback. */
  readonly routePattern: boolean;
}

export type Verdict = UnboundedValue | BoundedValue | { readonly kind: 'unknown' };

export const UNKNOWN: Verdict = Object.freeze({ kind: 'unknown' });

export function bounded(why: string, routePattern = false): BoundedValue {
  return { kind: 'bounded', why, routePattern };
}

/** One step further from the source: the value went through `node`. */
export function withStep(verdict: Verdict, node: GoNode, note: string): Verdict {
  if (verdict.kind !== 'unbounded') return verdict;
  const step = { file: node.file.fileName, start: node.start, end: node.end, note };
  const last = verdict.steps[verdict.steps.length - 1];
  if (last && last.file === step.file && last.start === step.start && last.end === step.end) {
    // Same place (an argument that is itself the source): one step saying both.
    return { ...verdict, steps: [...verdict.steps.slice(0, -1), { ...step, note: `${last.note}, ${note}` }] };
  }
  return { ...verdict, steps: [...verdict.steps, step] };
}

/** The value went through a weak sanitizer: still unbounded, and the finding says why. */
export function weakened(verdict: Verdict, why: string): Verdict {
  return verdict.kind === 'unbounded' && verdict.weakSanitizer === undefined ? { ...verdict, weakSanitizer: why } : verdict;
}

/**
 * The value is one of `alternatives`: unbounded if any is (a raw path first), bounded if all are,
 * unknown otherwise. A raw path next to a route pattern is marked as the pattern's fallback.
 */
export function union(alternatives: readonly Verdict[]): Verdict {
  if (alternatives.length === 0) return UNKNOWN;
  const unbounded = alternatives.filter((v): v is UnboundedValue => v.kind === 'unbounded');
  const patterns = alternatives.some((v) => (v.kind === 'bounded' && v.routePattern) || (v.kind === 'unbounded' && v.fallback));
  if (unbounded.length > 0) {
    const chosen = unbounded.find((v) => v.category === 'raw-path') ?? unbounded[0];
    return patterns && chosen.category === 'raw-path' ? { ...chosen, fallback: true } : chosen;
  }
  const boundedValues = alternatives.filter((v): v is BoundedValue => v.kind === 'bounded');
  if (boundedValues.length < alternatives.length) return UNKNOWN;
  const whys = [...new Set(boundedValues.map((v) => v.why))];
  return bounded(whys.join(' or '), boundedValues.some((v) => v.routePattern));
}
