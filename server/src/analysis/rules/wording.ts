/** Phrases the messages of several rules share. */
import { SOURCE_KINDS } from '../source-kinds';
import { labelPhrase, quote } from '../step-notes';
import type { LabelNoun } from '../sink-site';
import type { Taint } from '../value-facts';

/** `the raw request path 'req.path'`, `… as the fallback when no route matched`. */
export function sourcePhrase(taint: Taint): string {
  const fallback = !taint.fallback ? '' : taint.repair?.beforeRouting ? ' as the fallback when no route matched, which before routing is every request' : ' as the fallback when no route matched';
  return `${taint.description} ${quote(taint.text)}${fallback}`;
}

/** `. The sanitizer does not bound it: …`, or nothing. */
export function weakPhrase(taint: Taint): string {
  return taint.weak ? `. ${taint.weak}` : '';
}

/** `label "endpoint" receives the raw request path 'req.path': one time series per distinct URL`. */
export function labelReceives(noun: LabelNoun, label: string | undefined, taint: Taint): string {
  const kind = SOURCE_KINDS[taint.kind as keyof typeof SOURCE_KINDS];
  return `${labelPhrase(noun, label)} receives ${sourcePhrase(taint)}: ${kind.consequence}${weakPhrase(taint)}`;
}
