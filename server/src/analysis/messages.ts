/**
 * The words of every finding, in one place so that the CLI, the editor and the docs say the same thing.
 * A message names the label, the source as written, and the consequence.
 */
import type { LabelNoun } from '../typescript/catalog/model';
import { SOURCE_KINDS } from './source-kinds';
import type { Taint } from '../typescript/facts';

export function labelPhrase(noun: LabelNoun, label: string | undefined): string {
  return label === undefined ? `a ${noun}` : `${noun} "${label}"`;
}

/** `label "endpoint" receives the raw request path `req.path`: one time series per distinct URL`. */
export function unboundedLabelMessage(noun: LabelNoun, label: string | undefined, taint: Taint, hasRouteFix: boolean): string {
  const fallback = taint.fallback ? ' as the fallback when no route matched' : '';
  const weak = taint.weak ? `. The sanitizer does not bound it: ${taint.weak}` : '';
  const advice = hasRouteFix ? '. Use the matched route pattern instead' : '';
  return `${labelPhrase(noun, label)} receives ${taint.description} \`${taint.text}\`${fallback}: ${SOURCE_KINDS[taint.kind].consequence}${weak}${advice}`;
}

export function dynamicNameMessage(taint: Taint): string {
  const weak = taint.weak ? `. The sanitizer does not bound it: ${taint.weak}` : '';
  return `metric name is built from ${taint.description} \`${taint.text}\`: one new metric per distinct value${weak}`;
}

export function suspiciousNameMessage(noun: LabelNoun, label: string): string {
  return `${labelPhrase(noun, label)} usually holds unbounded values, and Cardinal cannot see where this one comes from: make sure it is bounded`;
}

export function rawPathFlagMessage(what: string, label: string): string {
  return `\`${what}\` without a path normalizer puts the raw request path into label "${label}": one time series per distinct URL`;
}
