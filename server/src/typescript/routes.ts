/**
 * Counts the route patterns an application registers, for the series budget of a label that receives
 * the matched pattern. Syntax only, over files that import a framework with a route table: each
 * registration (a router and a literal path) is one pattern at most; a path built at run time makes
 * the count unknown rather than a guess. Never type-checks and never executes anything.
 */
import ts from 'typescript';
import type { FileRoutes } from '../analysis/value-sets';
import { TABLES } from './catalog';
import type { RouteRegistrations } from './catalog/model';
import { calleeName } from './syntax';

interface RouteTable {
  readonly modules: readonly string[];
  readonly routes: RouteRegistrations;
}

const ROUTE_TABLES: readonly RouteTable[] = TABLES.flatMap((table) => (table.routes ? [{ modules: table.modules, routes: table.routes }] : []));

/** What any registration of the tables looks like as text: one of their methods called, or decorators applied. */
const MAY_REGISTER = new RegExp(
  [
    `\\.(?:${[...new Set(ROUTE_TABLES.flatMap(({ routes }) => [...routes.methods, ...(routes.objects?.methods ?? [])]))].join('|')})\\s*\\(`,
    ...ROUTE_TABLES.flatMap(({ routes }) => (routes.decorators ? [`@(?:${routes.decorators.methods.join('|')})\\s*\\(`] : [])),
  ].join('|'),
);

/** A source file's name and text. */
export interface RouteSource {
  readonly fileName: string;
  readonly text: string;
}

/** The routes each file registers, for the files that register any. */
export function countTypeScriptRoutes(sources: Iterable<RouteSource>): Map<string, FileRoutes> {
  const routes = new Map<string, FileRoutes>();
  for (const { fileName, text } of sources) {
    const tables = ROUTE_TABLES.filter((table) => table.modules.some((module) => text.includes(`'${module}'`) || text.includes(`"${module}"`)));
    // Most files that import a router register nothing (middleware, helpers): they are not parsed.
    if (tables.length === 0 || !MAY_REGISTER.test(text)) continue;
    const file = ts.createSourceFile(fileName, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, scriptKindOf(fileName));
    const found = registrationsIn(file, tables);
    const registered = new Set(found.paths).size;
    if (registered > 0 || found.dynamic > 0) routes.set(fileName, { registered, dynamic: found.dynamic });
  }
  return routes;
}

function registrationsIn(file: ts.SourceFile, tables: readonly RouteTable[]): { paths: string[]; dynamic: number } {
  const paths: string[] = [];
  let dynamic = 0;
  const record = (receiver: string, path: ts.Expression | undefined) => {
    const literal = path && stringOf(path);
    if (literal !== undefined) paths.push(`${receiver}\0${literal}`);
    else if (path) dynamic++;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isStatement(node)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression.getText(file);
      for (const { routes } of tables) {
        if (routes.methods.includes(method)) {
          const at = routes.pathArgument?.[method] ?? namedRouteOffset(node.arguments);
          const path = node.arguments[at];
          // A literal that is no path is not a route (`app.get('env')` reads an Express setting).
          if (path && stringOf(path) !== undefined && !isPathText(stringOf(path)!)) continue;
          if (node.arguments.length > at + (method === 'route' ? 0 : 1)) record(receiver, path);
        }
        if (routes.objects?.methods.includes(method)) for (const route of routeObjects(node.arguments[0])) record(receiver, propertyOf(route, routes.objects.keys));
      }
    }
    if (ts.isClassDeclaration(node)) for (const { routes } of tables) if (routes.decorators) dynamic += controllerRoutes(node, routes.decorators, paths, file);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { paths, dynamic };
}

/** The HTTP methods each route-registration method answers: a GET route answers HEAD too in every table's framework. */
const ANSWERED_METHODS: Readonly<Record<string, readonly string[]>> = {
  get: ['GET', 'HEAD'],
  post: ['POST'],
  put: ['PUT'],
  delete: ['DELETE'],
  del: ['DELETE'],
  patch: ['PATCH'],
  head: ['HEAD'],
  options: ['OPTIONS'],
};

const tablesByFile = new WeakMap<ts.SourceFile, readonly RouteTable[]>();

/**
 * The methods of the route whose handler holds `node` (`app.get('/users/:id', (req) => …)`: GET and
 * HEAD), with the registration as written; undefined in middleware and in any handler that can
 * answer other methods (`app.all`, `app.use`, a route object).
 */
export function routeMethodsAt(node: ts.Node): { readonly methods: readonly string[]; readonly registration: string } | undefined {
  const file = node.getSourceFile();
  let tables = tablesByFile.get(file);
  if (!tables) tablesByFile.set(file, (tables = ROUTE_TABLES.filter((table) => table.modules.some((module) => file.text.includes(`'${module}'`) || file.text.includes(`"${module}"`)))));
  if (tables.length === 0) return undefined;
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (!ts.isFunctionLike(current) || !ts.isCallExpression(current.parent) || !current.parent.arguments.includes(current as ts.Expression)) continue;
    const call = current.parent;
    if (!ts.isPropertyAccessExpression(call.expression)) continue;
    const method = call.expression.name.text;
    const path = call.arguments[0] && stringOf(call.arguments[0]);
    const registers = path !== undefined && isPathText(path) && tables.some((table) => table.routes.methods.includes(method));
    if (!registers) continue;
    const methods = Object.hasOwn(ANSWERED_METHODS, method) ? ANSWERED_METHODS[method] : undefined;
    return methods && { methods, registration: `${call.expression.getText()}('${path}')` };
  }
  return undefined;
}

/** Koa router's named routes put a name before the path (`router.get('user', '/users/:id', h)`). */
function namedRouteOffset(args: ts.NodeArray<ts.Expression>): number {
  const first = args[0] && stringOf(args[0]);
  const second = args[1] && stringOf(args[1]);
  return first !== undefined && !first.startsWith('/') && second?.startsWith('/') ? 1 : 0;
}

/** A Nest controller's routes: one per method decorator; the class's prefix is the same for all of them. */
function controllerRoutes(node: ts.ClassDeclaration, decorators: NonNullable<RouteRegistrations['decorators']>, paths: string[], file: ts.SourceFile): number {
  if (!decoratorCalls(node).some((call) => calleeName(call) === decorators.controller)) return 0;
  let dynamic = 0;
  const owner = node.name?.text ?? `class@${node.pos}`;
  for (const member of node.members) {
    for (const call of decoratorCalls(member)) {
      if (!decorators.methods.includes(calleeName(call) ?? '')) continue;
      const path = call.arguments[0];
      const literal = path === undefined ? '' : stringOf(path);
      if (literal === undefined) dynamic++;
      else paths.push(`${owner}\0${calleeName(call)}\0${literal}\0${member.name?.getText(file) ?? ''}`);
    }
  }
  return dynamic;
}

function decoratorCalls(node: ts.Node): ts.CallExpression[] {
  const modifiers = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return modifiers.flatMap((decorator) => (ts.isCallExpression(decorator.expression) ? [decorator.expression] : []));
}

function routeObjects(arg: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
  if (!arg) return [];
  if (ts.isObjectLiteralExpression(arg)) return [arg];
  if (ts.isArrayLiteralExpression(arg)) return arg.elements.filter(ts.isObjectLiteralExpression);
  return [];
}

function propertyOf(object: ts.ObjectLiteralExpression, keys: readonly string[]): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && keys.includes(property.name.text)) return property.initializer;
  }
  return undefined;
}

/** `app.get(…)` as a statement, or the start of a chain that is one (`router.route('/x').get(h)`): a registration's result is dropped. */
function isStatement(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent) && node.parent.parent.expression === node.parent) node = node.parent.parent;
  if (ts.isAwaitExpression(node.parent)) node = node.parent;
  return ts.isExpressionStatement(node.parent);
}

function isPathText(text: string): boolean {
  return text === '' || text.startsWith('/') || text.startsWith('*');
}

function stringOf(node: ts.Expression): string | undefined {
  return ts.isStringLiteralLike(node) ? node.text : undefined;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
