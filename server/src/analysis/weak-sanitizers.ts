/**
 * Why each kind of weak sanitizer leaves a value unbounded (DESIGN.md §3.5). The catalogs of every
 * language point at these reasons, so a lowercased path reads the same in TypeScript and in Go.
 */
export const WEAK_REASONS = {
  regexMask: 'regex masking replaces only the segments it recognises (numeric ids, UUIDs); every other segment still varies',
  truncate: 'truncation still keeps whatever a client sends in the part that remains',
  caseFold: 'changing the case does not limit the set of values',
  segment: 'keeping one segment of the path still keeps a client-controlled value',
} as const;

/** The weakness a taint carries after `sanitizer` (the call as written, e.g. `.toLowerCase()`). */
export function weakness(sanitizer: string, reason: string): string {
  return `'${sanitizer}' does not bound it: ${reason}`;
}
