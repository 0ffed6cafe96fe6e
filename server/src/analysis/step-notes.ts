/**
 * The words of flow steps, in one place so that a value's path reads the same in every language,
 * in the editor's related information, in the CLI and in SARIF. Code is quoted with single quotes:
 * diagnostic messages are plain text in most clients.
 */
import type { LabelNoun } from './sink-site';

export function quote(code: string): string {
  return `'${code}'`;
}

export function labelPhrase(noun: LabelNoun, label: string | undefined): string {
  return label === undefined ? `a ${noun}` : `${noun} "${label}"`;
}

export const notes = {
  /** The first step: where the unbounded value is read. */
  source: (description: string, text: string) => `${description} ${quote(text)}`,
  /** A route pattern read where it has no value yet (see `route-pattern-too-early`). */
  earlyPattern: (text: string) => `route pattern ${quote(text)} read before routing`,
  assignedTo: (name: string) => `assigned to ${quote(name)}`,
  passedAs: (name: string, callee?: string) => (callee === undefined ? `passed as ${quote(name)}` : `passed to ${quote(`${callee}()`)} as ${quote(name)}`),
  returnedBy: (callee: string) => `returned by ${quote(`${callee}()`)}`,
  emittedAs: (event: string) => `emitted with the event ${quote(event)}`,
  destructuredInto: (name: string) => `destructured into ${quote(name)}`,
  readFrom: (text: string) => `read from ${quote(text)}`,
  /** A value the program stores on a library's object (the request, `res.locals`) and reads back elsewhere. */
  storedAs: (text: string) => `stored as ${quote(text)}`,
  propertyOf: (key: string) => `property ${quote(key)}`,
  element: (holder: string, index: number) => `element ${index} of ${quote(holder)}`,
  /** An element put at a position the code computes. */
  elementOf: (holder: string) => `an element of ${quote(holder)}`,
  addedTo: (holder: string) => `added to ${quote(holder)}`,
  /** A call that carries its argument's values: a conversion, a formatter, a string method. */
  through: (call: string) => `through ${quote(call)}`,
  combined: () => 'combined into a new value',
  /** Inside a check that the value equals another one. */
  equalTo: (text: string) => `checked equal to ${quote(text)}`,
  interpolated: () => 'interpolated into a template string',
  indexedWithComputedKey: () => 'indexed with a computed key',
  usedAs: (noun: LabelNoun, label: string | undefined, metric: string | undefined) =>
    `used as ${labelPhrase(noun, label)}${metric === undefined ? '' : ` of metric "${metric}"`}`,
  usedAsMetricName: () => 'used as the metric name',
  /** Inside a function that is a sink itself: where its parameter becomes the label. */
  becomesLabelIn: (noun: LabelNoun, label: string | undefined, fn: string) => `becomes ${labelPhrase(noun, label)} in ${quote(`${fn}()`)}`,
  option: (what: string) => quote(what),
} as const;
