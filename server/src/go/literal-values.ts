/** Go literals as values: which nodes are literals, and each one's value written the way a set lists it. */
import { listedSet } from '../analysis/value-sets';
import { stringLiteralValue, textOf, type GoNode } from './syntax';

export const LITERALS: ReadonlySet<string> = new Set([
  'interpreted_string_literal', 'raw_string_literal', 'int_literal', 'float_literal', 'imaginary_literal', 'rune_literal',
  'true', 'false', 'nil', 'iota',
]);

/** The value of a variable never assigned, or of a map's missing key. */
export const ZERO_VALUE = listedSet(['the zero value']);

/** A literal's value as a set member: strings quoted the same way whichever quotes they use (`"GET"`). */
export function literalMember(node: GoNode): string {
  const text = stringLiteralValue(node);
  return text === undefined ? textOf(node) : JSON.stringify(text);
}
