/** What a hover says about a label's values, from the facts traced for it (the same in every language). */
import type { LabelValues } from './finding';
import type { Facts } from './value-facts';
import { isRawPathKind } from './source-kinds';

export function describeFacts(facts: Facts): LabelValues {
  const taint = facts.taints.find((t) => isRawPathKind(t.kind)) ?? facts.taints[0];
  if (taint) {
    return {
      kind: 'unbounded',
      source: { ...taint.span, text: taint.text, description: taint.description },
      weakSanitizer: taint.weak,
    };
  }
  if (facts.unknown) return { kind: 'unknown' };
  return { kind: 'bounded', why: facts.bounded ?? 'only bounded values reach it', ...(facts.set ? { set: facts.set } : {}) };
}
