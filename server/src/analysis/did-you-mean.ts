/**
 * "Did you mean" suggestions for misspelt names (configuration keys, rule ids, severities).
 */

/**
 * The candidate closest to `name` when it is plausibly a typo of it: the same word in another case,
 * or within an edit distance of about a third of its length (at least 1, at most 3).
 */
export function suggestName(name: string, candidates: readonly string[]): string | undefined {
  const lowered = name.toLowerCase();
  const sameIgnoringCase = candidates.find((candidate) => candidate.toLowerCase() === lowered);
  if (sameIgnoringCase !== undefined) return sameIgnoringCase;
  const budget = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ?? candidates.find((candidate) => isAbbreviationOf(lowered, candidate.toLowerCase()));
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** `raw-path` for `raw-path-label`, `warn` for `warning`: a prefix that stops at a word boundary or is long enough. */
function isAbbreviationOf(name: string, candidate: string): boolean {
  if (name.length < 3 || !candidate.startsWith(name)) return false;
  return candidate.length - name.length <= 3 || /[-_.]/.test(candidate[name.length]);
}
