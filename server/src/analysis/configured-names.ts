/**
 * The one meaning of a name in `cardinal.config.json`'s `sinks`, `sources` and `sanitizers`, in every
 * language: a configured name matches code that calls or reads the same dotted path, or a longer path
 * that ends with it at a member boundary. So `normalizeRoute` matches `normalizeRoute(x)`,
 * `routes.normalizeRoute(x)` and `this.routes.normalizeRoute(x)`, and `metrics.recordRequest` matches
 * `this.metrics.recordRequest(…)` but not `recordRequest(…)` or `othermetrics.recordRequest(…)`.
 * Optional chaining, non-null assertions and whitespace do not count (`a?.b` is `a.b`).
 */

/** The dotted path of a callee or property as written, without `?.`, `!` or whitespace. */
export function normalizeWrittenPath(written: string): string {
  return written.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

/** Whether code written as `written` (a callee or a property path) is the configured `name`. */
export function matchesConfiguredName(written: string, name: string): boolean {
  const path = normalizeWrittenPath(written);
  return path === name || path.endsWith(`.${name}`);
}
