/**
 * Counts the route patterns a Go application registers, for the series budget of a label that
 * receives the matched pattern. Only files importing a router with a route table are parsed; each
 * registration (a router and a literal path) is one pattern at most, and a path built at run time
 * makes the count unknown rather than a guess.
 */
import type { FileRoutes } from '../analysis/value-sets';
import { GO_CATALOGS, type GoCatalog } from './catalog';
import { callArguments } from './flow';
import { importSectionStrings } from './import-graph';
import type { GoParser } from './parser';
import { descendants, fieldOf, stringLiteralValue, textOf, type GoNode } from './syntax';

type RouteCatalog = GoCatalog & { readonly routes: NonNullable<GoCatalog['routes']> };

const ROUTERS: readonly RouteCatalog[] = GO_CATALOGS.filter((catalog): catalog is RouteCatalog => catalog.routes !== undefined);

/** What a registration of each router looks like as text: one of its methods called. */
const MAY_REGISTER = new Map(ROUTERS.map((catalog) => [catalog, new RegExp(`\\.(?:${catalog.routes.methods.join('|')})\\(`)]));

/** The routes each file registers, for the files that register any. */
export function countGoRoutes(parser: GoParser, sources: Iterable<{ readonly fileName: string; readonly text: string }>): Map<string, FileRoutes> {
  const routes = new Map<string, FileRoutes>();
  for (const { fileName, text } of sources) {
    const imports = new Set(importSectionStrings(text));
    // Most files that import a router register nothing (middleware, handlers): they are not parsed.
    const routers = ROUTERS.filter((catalog) => catalog.importPaths.some((path) => imports.has(path)) && MAY_REGISTER.get(catalog)!.test(text));
    if (routers.length === 0) continue;
    const tree = parser.parse(fileName, text);
    try {
      const found = registrationsIn(tree.syntax.root, routers);
      const registered = new Set(found.paths).size;
      if (registered > 0 || found.dynamic > 0) routes.set(fileName, { registered, dynamic: found.dynamic });
    } finally {
      tree.dispose();
    }
  }
  return routes;
}

function registrationsIn(root: GoNode, routers: readonly RouteCatalog[]): { paths: string[]; dynamic: number } {
  const paths: string[] = [];
  let dynamic = 0;
  for (const call of descendants(root)) {
    if (call.type !== 'call_expression') continue;
    const callee = fieldOf(call, 'function');
    if (callee?.type !== 'selector_expression') continue;
    const method = textOf(fieldOf(callee, 'field') as GoNode);
    const router = routers.find((candidate) => candidate.routes.methods.includes(method));
    if (!router) continue;
    const args = callArguments(call);
    const at = router.routes.pathArgument?.[method] ?? 0;
    const path = args[at];
    // A registration takes a handler after its path, and its result is dropped or only configured further.
    if (!path || args.length <= at + (method === 'Path' ? 0 : 1) || !isStatement(call)) continue;
    const literal = stringLiteralValue(path);
    const receiver = textOf(fieldOf(callee, 'operand') as GoNode);
    if (literal === undefined) dynamic++;
    else if (literal.includes('/')) paths.push(`${receiver}\0${literal}`);
  }
  return { paths, dynamic };
}

/** `r.GET(…)` as a statement, or the start of a chain that is one (`r.HandleFunc(…).Methods("GET")`). */
function isStatement(call: GoNode): boolean {
  let node = call;
  while (node.parent?.type === 'selector_expression' && node.parent.parent?.type === 'call_expression') node = node.parent.parent;
  return node.parent?.type === 'expression_statement';
}
