/**
 * How many values a bounded value can take, and why that many: the count a series budget multiplies.
 * A set is either listed (the literals `'GET' | 'POST'`, the cases of a switch) or counted from
 * knowledge (the 35 methods Node's parser accepts, the routes an application registers). Two counted
 * sets with the same key are the same set, so a method read in two places is not counted twice.
 */

export interface ValueSet {
  /** How many distinct values, at most. */
  readonly size: number;
  /** The values as text, when every one is known (`GET`, `true`), besides the routes; absent for a counted set. */
  readonly members?: readonly string[];
  /** Where the count comes from, for a breakdown: `the literals 'a' | 'b'`, `the methods Node accepts`. */
  readonly origin: string;
  /** The count is an estimate (what the code usually produces), not a bound the code proves. */
  readonly estimate?: boolean;
  /**
   * The value may also be any route pattern the application registers: `size` does not count them,
   * since the routes are counted once for the whole project (`RouteCount`), where the budget is made.
   */
  readonly routes?: boolean;
  /** Every value is an integer in this range (status codes: 100–599), so arithmetic on it can be counted. */
  readonly integers?: { readonly min: number; readonly max: number };
  /** What a join of counted sets is made of, so that joining it again counts each part once. */
  readonly parts?: { readonly listed: readonly string[]; readonly counted: readonly ValueSet[] };
}

/** The route patterns an application registers, counted by a syntactic pass over the scanned files. */
export interface RouteCount {
  /** Distinct registrations (a router and a path); at most this many patterns. */
  readonly registered: number;
  /** Registrations whose path is built at run time: the count is then unknown. */
  readonly dynamic: number;
  /** Files that register routes. */
  readonly files: number;
}

/** What one file registers: its registrations with a literal path, and those with a path built at run time. */
export interface FileRoutes {
  readonly registered: number;
  readonly dynamic: number;
}

/** The routes of several files together. */
export function sumRoutes(files: Iterable<FileRoutes>): RouteCount {
  const total = { registered: 0, dynamic: 0, files: 0 };
  for (const file of files) {
    total.registered += file.registered;
    total.dynamic += file.dynamic;
    total.files++;
  }
  return total;
}

/** A matched route pattern: one of the routes the application registers. */
export const ROUTE_PATTERNS: ValueSet = Object.freeze({ size: 0, members: Object.freeze([]), origin: 'the registered route patterns', routes: true });

/** A counted set: `key` names it, so that the same set reached twice is counted once. */
export interface CountedSet extends ValueSet {
  readonly key: string;
}

/** At most this many members are listed in an origin; the rest are counted. */
const MAX_LISTED = 6;

/** The set of exactly these values (duplicates removed). */
export function listedSet(members: readonly string[], origin?: string): ValueSet {
  const unique = [...new Set(members)];
  return { size: unique.length, members: unique, origin: origin ?? describeMembers(unique) };
}

/** A set of `size` values known from a table or a count, not listed one by one. */
export function countedSet(key: string, size: number, origin: string, estimate = false, integers?: ValueSet['integers']): CountedSet {
  return { key, size, origin, ...(estimate ? { estimate } : {}), ...(integers ? { integers } : {}) };
}

/** The values of an integer set divided by `divisor` and rounded (a status code's class, `code / 100`), when the set has a range. */
export function dividedSet(set: ValueSet, divisor: number): ValueSet | undefined {
  if (!set.integers || !Number.isInteger(divisor) || divisor < 1) return undefined;
  const min = Math.floor(set.integers.min / divisor);
  const max = Math.floor(set.integers.max / divisor);
  const key = 'key' in set && typeof set.key === 'string' ? set.key : set.origin;
  return countedSet(`${key}/${divisor}`, Math.min(set.size, max - min + 1), `${set.origin} ÷ ${divisor}`, set.estimate, { min, max });
}

/** The values any of `sets` can take: listed members merged, counted sets added once per key, the routes once. */
export function joinSets(sets: readonly ValueSet[]): ValueSet {
  if (sets.length === 1) return sets[0];
  const members = new Set<string>();
  const counted = new Map<string, ValueSet>();
  for (const set of sets) {
    if (set.parts) {
      for (const member of set.parts.listed) members.add(member);
      for (const part of set.parts.counted) counted.set(keyOf(part), part);
    } else if (set.members) {
      for (const member of set.members) members.add(member);
    } else {
      counted.set(keyOf(set), set);
    }
  }
  const routes = sets.some((set) => set.routes);
  const parts = [...counted.values()];
  const listed = [...members];
  // Listed values that one set holds all of are that set, said as it says itself (`the methods Node's HTTP parser accepts`).
  const whole = sets.find((set) => set.members && set.members.length === listed.length && listed.length > 0);
  const listedOrigin = whole ? whole.origin : describeMembers(listed);
  const origins = [...(routes ? [ROUTE_PATTERNS.origin] : []), ...(listed.length > 0 ? [listedOrigin] : []), ...parts.map((part) => part.origin)];
  const estimate = parts.some((part) => part.estimate);
  return {
    size: listed.length + parts.reduce((sum, part) => sum + part.size, 0),
    ...(parts.length === 0 ? { members: listed } : { parts: { listed, counted: parts } }),
    origin: origins.join(' + '),
    ...(estimate ? { estimate } : {}),
    ...(routes ? { routes } : {}),
  };
}

function keyOf(set: ValueSet): string {
  return 'key' in set && typeof set.key === 'string' ? set.key : `${set.size}:${set.origin}`;
}

/** `'a' | 'b'`, or the first few and how many more. */
function describeMembers(members: readonly string[]): string {
  const shown = members.slice(0, MAX_LISTED).join(' | ');
  return members.length > MAX_LISTED ? `${shown} | … (${members.length} values)` : shown;
}
