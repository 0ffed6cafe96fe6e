/**
 * Methods called on a string (or array of strings) and what they do to an unbounded value. Most carry
 * it through unchanged. Some look like sanitizers but only shrink the set of values without bounding
 * it; those are "weak" and the finding explains why (DESIGN.md §3.5: the traps real code falls into).
 */
import { WEAK_REASONS } from '../../analysis/weak-sanitizers';

export type StringMethodEffect = { readonly effect: 'carries' } | { readonly effect: 'weak'; readonly why: string };

const carries: StringMethodEffect = { effect: 'carries' };


export const STRING_METHODS: Readonly<Record<string, StringMethodEffect>> = {
  toString: carries,
  valueOf: carries,
  trim: carries,
  trimStart: carries,
  trimEnd: carries,
  normalize: carries,
  concat: carries,
  padStart: carries,
  padEnd: carries,
  at: carries,
  charAt: carries,
  repeat: carries,
  join: carries,
  sort: carries,
  reverse: carries,
  toFixed: carries,
  toLowerCase: { effect: 'weak', why: WEAK_REASONS.caseFold },
  toUpperCase: { effect: 'weak', why: WEAK_REASONS.caseFold },
  toLocaleLowerCase: { effect: 'weak', why: WEAK_REASONS.caseFold },
  toLocaleUpperCase: { effect: 'weak', why: WEAK_REASONS.caseFold },
  slice: { effect: 'weak', why: WEAK_REASONS.truncate },
  substring: { effect: 'weak', why: WEAK_REASONS.truncate },
  substr: { effect: 'weak', why: WEAK_REASONS.truncate },
  replace: { effect: 'weak', why: WEAK_REASONS.regexMask },
  replaceAll: { effect: 'weak', why: WEAK_REASONS.regexMask },
  split: { effect: 'weak', why: WEAK_REASONS.segment },
};
