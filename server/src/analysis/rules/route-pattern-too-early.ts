/**
 * `route-pattern-too-early`: a middleware reads the route pattern before the framework has matched a
 * route. The label is bounded, but it holds one value for every request (Express's `undefined`, Hono's
 * `'/*'`), so the metric says nothing per route. Its fix moves the recording to where the pattern
 * exists, which is also what makes the raw-path fix safe in such a middleware.
 */
import { labelPhrase, quote } from '../step-notes';
import type { LabelNoun } from '../sink-site';
import type { EarlyPattern } from '../value-facts';
import type { Rule } from './rule';

export const routePatternTooEarly = {
  id: 'route-pattern-too-early',
  defaultSeverity: 'warning',
  summary: 'A middleware reads the route pattern before routing: every request gets the same label value.',
  documentation: `A middleware runs before the framework matches a route. There the route pattern has no value yet:
Express's \`req.route\` is \`undefined\`, Koa's \`ctx._matchedRoute\` too, and Hono's \`c.req.routePath\` is
the middleware's own path (\`'/*'\` for \`app.use('*', …)\`). In Go, fiber's \`c.Route().Path\` is the
middleware's own route (\`"/"\`) until \`c.Next()\`, chi's \`RoutePattern()\` holds only the routers entered
so far, and \`r.Pattern\` is \`""\` in a wrapper around the \`ServeMux\`. Gin and echo match the route
before their middleware run, so \`c.FullPath()\` and \`c.Path()\` are never early.

A label that reads the pattern there is bounded, but it holds one value for every request, so the
metric cannot tell one route from another. The same place is a trap for the raw-path fix: rewriting
\`req.path\` into \`req.route?.path ?? 'unmatched'\` before routing would put every request under
\`'unmatched'\`.

**Bad**

\`\`\`ts
app.use((req, res, next) => {
  hits.inc({ route: req.route?.path ?? 'unmatched' }); // always 'unmatched'
  next();
});
\`\`\`

**Good**: record where the pattern exists.

| framework | where |
|---|---|
| Express | in \`res.on('finish', () => …)\` |
| Koa + @koa/router, Hono | after \`await next()\` |
| fiber | after \`c.Next()\` |
| chi, net/http | after \`next.ServeHTTP(w, r)\` |

\`\`\`ts
app.use((req, res, next) => {
  res.on('finish', () => hits.inc({ route: req.route?.path ?? 'unmatched' }));
  next();
});
\`\`\`

**Quick fix**: *Record the metric … where the route is known* moves the statement that records the
metric there. It is offered, and applied by fix-all, only when that is safe: the statement is a single
expression that declares nothing later code uses, nothing it reads is reassigned before \`next\`, and it
records into a counter, histogram or summary. A gauge or an up-down counter is not moved: its
recordings pair up (\`+1\` on arrival, \`-1\` on leaving), so the moment matters. A moved recording
runs once the response finishes (Express) or once the rest of the chain has returned (Koa, Hono, and
Go, where it goes after \`next.ServeHTTP(w, r)\` or \`err := c.Next()\`; before \`return c.Next()\` it
becomes \`defer func() { … }()\` in place, and in net/http and chi only when the request handed on is
the handler's own, never replaced): a request whose connection drops, or whose handler throws past
the middleware, is not counted (a deferred one still counts a panic).

A raw-path read before routing gets the route-pattern fix together with the same move, or, when it
is kept in a constant that only the response's \`finish\` callback (or the code after \`await next()\`)
uses, the fix reads the pattern at those uses and the constant goes. When no
rewrite is safe, the fix is offered but not preferred, says why in its title, and fix-all leaves the
line alone. Fix-all rewrites a label of a metric at every recording or at none.`,
} as const satisfies Rule;

export function tooEarlyMessage(noun: LabelNoun, label: string | undefined, read: EarlyPattern): string {
  return `${labelPhrase(noun, label)} receives the route pattern ${quote(read.text)} read before routing, where it is always ${read.phase.patternThere}: every request gets one value. Read it ${read.phase.where}`;
}
