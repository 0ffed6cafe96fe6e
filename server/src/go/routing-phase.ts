/**
 * Whether a Go read runs in a middleware before the router has matched a route (DESIGN §3.5): read
 * through a value the catalog's routing names (fiber's `Ctx`, a request under chi or net/http), in a
 * function that later hands the request on (`c.Next()`, `next.ServeHTTP(w, r)`), and that no route's
 * own method registers. There the pattern is one value for every request (fiber's `"/"`, an empty
 * `r.Pattern`, chi's partial pattern), and a raw read rewritten into it would be too. Gin and echo
 * route before their middleware run, so their patterns are never early.
 */
import type { RoutingPhase } from '../analysis/value-facts';
import { GO_CATALOGS, type GoRoutingOrder } from './catalog';
import type { TypedFrame } from './chains';
import type { GoPackage } from './package-index';
import { recordingMove, type RecordsAnyTime } from './recording-move';
import { ancestor, descendants, fieldOf, FUNCTION_TYPES, textOf, type GoNode } from './syntax';

/**
 * The routing phase of a read at `node` made through `frames`, when it runs before routing, with the
 * move of its recording to after the request was handed on, when that is safe.
 */
export function goRoutingPhase(node: GoNode, frames: readonly TypedFrame[], pkg: GoPackage, recordsAnyTime: RecordsAnyTime): RoutingPhase | undefined {
  const routing = routingOf(frames, node, pkg);
  if (!routing) return undefined;
  const fn = ancestor(node, (candidate) => FUNCTION_TYPES.has(candidate.type));
  const body = fn && fieldOf(fn, 'body');
  if (!fn || !body || isRouteHandler(fn, routing)) return undefined;
  const handsOn = firstCall(body, routing.nextMethod);
  if (!handsOn || handsOn.start < node.end) return undefined;
  return { patternThere: routing.patternThere, where: routing.where, move: recordingMove(node, fn, handsOn, recordsAnyTime) };
}

function routingOf(frames: readonly TypedFrame[], node: GoNode, pkg: GoPackage): GoRoutingOrder | undefined {
  for (const catalog of GO_CATALOGS) {
    const routing = catalog.routing;
    if (!routing || (routing.requiresImport && pkg.aliasOf(node.file, catalog) === undefined)) continue;
    if (frames.some((frame) => routing.types.some((type) => type.package === frame.type.package && type.name === frame.type.name))) return routing;
  }
  return undefined;
}

/** A function literal handed to a route's own method (`app.Get("/x", func(c *fiber.Ctx) error {…})`). */
function isRouteHandler(fn: GoNode, routing: GoRoutingOrder): boolean {
  const call = fn.parent?.type === 'argument_list' ? fn.parent.parent : undefined;
  const callee = call?.type === 'call_expression' ? fieldOf(call, 'function') : undefined;
  const method = callee?.type === 'selector_expression' ? fieldOf(callee, 'field') : undefined;
  return method !== undefined && routing.routeMethods.includes(textOf(method));
}

/** The first call of a method named `method` in `body`, outside the function literals nested in it. */
function firstCall(body: GoNode, method: string): GoNode | undefined {
  let first: GoNode | undefined;
  for (const node of descendants(body, (candidate) => candidate.type === 'func_literal')) {
    if (node.type !== 'call_expression' || (first && first.start <= node.start)) continue;
    const callee = fieldOf(node, 'function');
    const field = callee?.type === 'selector_expression' ? fieldOf(callee, 'field') : undefined;
    if (field && textOf(field) === method) first = node;
  }
  return first;
}
