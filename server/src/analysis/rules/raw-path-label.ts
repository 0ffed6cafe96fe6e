/**
 * `raw-path-label`: a raw request path or URL reaches a metric label, attribute or tag. Every distinct
 * URL, every id in a path and every probe a scanner sends becomes a time series that the client
 * library keeps in memory for the life of the process. It has a mechanical fix, the framework's
 * matched route pattern, which is why it is a rule of its own.
 */
import type { Taint } from '../value-facts';
import { labelPhrase, quote } from '../step-notes';
import type { LabelNoun } from '../sink-site';
import type { Rule } from './rule';
import { labelReceives } from './wording';

export const rawPathLabel = {
  id: 'raw-path-label',
  defaultSeverity: 'error',
  summary: 'A raw request path or URL reaches a metric label: one time series per distinct URL.',
  documentation: `A label, attribute or tag receives the raw request path or URL. Every distinct URL becomes a time
series: each user id in \`/api/users/:id\`, each query string, each path a scanner probes. Prometheus
clients keep every series in memory for the life of the process (prom-client never evicts one, and
client_golang has no TTL), so memory grows with traffic until the process is killed; OpenTelemetry SDKs
cap an instrument at 2,000 series and silently merge the rest.

Cardinal follows the value from where it is read to the label, through variables, arrays, objects,
template strings, helpers, parameters and files, and reports the label with the whole path.

**Bad**

\`\`\`ts
app.use((req, res, next) => {
  res.on('finish', () => httpDuration.labels(req.method, req.path, String(res.statusCode)).observe(elapsed()));
  next();
});
\`\`\`

\`\`\`go
endpoint := c.Request.URL.Path
lvs := []string{status, endpoint, method}
reqDuration.WithLabelValues(lvs...).Observe(elapsed)
\`\`\`

**Good**: the matched route pattern, with a constant for requests no route matched.

| framework | route pattern |
|---|---|
| Express | \`req.route?.path ?? 'unmatched'\` (read in \`res.on('finish')\`: it is undefined before routing); with routers mounted under paths, \`req.route ? req.baseUrl + req.route.path : 'unmatched'\` |
| Fastify | \`request.routeOptions.url ?? 'unmatched'\` |
| Koa + @koa/router | \`ctx._matchedRoute ?? 'unmatched'\` (after \`await next()\`) |
| Hono | \`c.req.routePath\` (after \`await next()\`) |
| Hapi | \`request.route.path\` |
| gin | \`c.FullPath()\` (\`""\` when no route matched) |
| echo | \`c.Path()\` |
| chi | \`chi.RouteContext(r.Context()).RoutePattern()\` (after the next handler) |
| net/http (Go 1.23+) | \`r.Pattern\` |
| fiber | \`c.Route().Path\` |

**The fallback trap.** \`req.route?.path || req.path\` and \`if route == "" { route = r.URL.Path }\`
put the raw path back for exactly the requests no route matched: 404s, which a scanner controls. The
fix keeps the pattern and replaces the fallback with a constant.

**Weak sanitizers** (masking digits or UUIDs with a regex, keeping one segment, lowercasing,
truncating) shrink the set of values without bounding it. Such a label is still reported, one
severity lower, with the reason.

**Quick fix**: *Use the route pattern* (preferred), or *Use a constant for unmatched routes* for a raw
fallback. Both edit the raw read itself, which may be in another file than the label. Express's
\`req.route.path\` is relative to its router (\`/users/:id\` and \`/orders/:id\` both read \`/:id\`), so when
the program mounts routers under static paths the fix adds \`req.baseUrl\`, the matched mount path;
when a mount path has a parameter, \`req.baseUrl\` holds what the client sent, and the fix is offered
but not preferred. Fastify's \`routeOptions.url\`, @koa/router's \`_matchedRoute\` and Hono's
\`routePath\` already hold the prefixes and base paths on the way. An OpenTelemetry
attribute named \`url.path\`, \`url.full\`, \`http.target\` or \`http.url\` holds the raw value by
definition, so the fix also renames it to \`http.route\` (or drops it, when \`http.route\` is already
there). In a middleware, before \`next()\`, the pattern does not exist yet: see
[\`route-pattern-too-early\`](route-pattern-too-early.md) for how the fix moves the read, and when it
is not preferred.`,
} as const satisfies Rule;

export function rawPathMessage(noun: LabelNoun, label: string | undefined, taint: Taint, hasRouteFix: boolean): string {
  return labelReceives(noun, label, taint) + (hasRouteFix ? '. Use the matched route pattern instead' : '');
}

/** A middleware option that makes it label raw paths, e.g. express-prom-bundle's `includePath: true`. */
export function rawPathOptionMessage(what: string, label: string): string {
  return `${quote(what)} without a path normalizer puts the raw request path into ${labelPhrase('label', label)}: one time series per distinct URL`;
}
