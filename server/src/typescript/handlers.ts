/**
 * Request handlers that no catalogued call describes: middleware written in plain JavaScript, or
 * typed `any`, in a file that imports no framework (`module.exports = (req, res, next) => …`,
 * `export function timing(request, reply)`), registered somewhere else or not at all in the scanned
 * code. A function is recognised as a handler:
 * - by registration: it, or a factory's result, is passed to a catalogued registration (an Express
 *   app's `use`, Fastify's `addHook`, Node's `createServer`…) or to a method of an unknown receiver
 *   that a framework registers handlers with (`router.get`), anywhere in the program;
 * - else by convention: its parameters carry a framework's usual names and its body uses them as the
 *   framework's handlers do (`next()`, `res.on('finish')`, `reply.send`, `ctx.status`, `c.res`).
 * The framework comes from the registration, else from the nearest package.json's dependencies, else
 * from the shape: a Fastify app is never taken for an Express one.
 */
import ts from 'typescript';
import { TABLES } from './catalog';
import type { EntityId, HandlerConvention, LibraryTable } from './catalog/model';
import type { CallbackSite } from './callback-sites';
import { asFunction, calleeName, isExternalFile, skipOuter, staticName, walk } from './syntax';

export type HandlerParams = readonly (EntityId | null)[];
type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

interface Convention {
  readonly table: LibraryTable;
  readonly convention: HandlerConvention;
  readonly order: number;
}

const CONVENTIONS: readonly Convention[] = TABLES.flatMap((table) => (table.handlerConventions ?? []).map((convention) => ({ table, convention }))).map((c, order) => ({ ...c, order }));
const REGISTRATION_METHODS = new Set(CONVENTIONS.flatMap((c) => c.convention.registeredBy));
/** How many calls deep an argument is looked into for a handler it wraps (`asyncHandler(withAuth(fn))`). */
const MAX_WRAPPER_DEPTH = 2;
/** Modules every program can use without a dependency. */
const BUILT_IN = new Set(['http', 'node:http', 'https', 'node:https']);

/** What the recognizer needs from the rest of the analysis. */
export interface HandlerContext {
  /** The parameters a catalogued call passes a callback at `site`, if the catalog describes it. */
  catalogued(site: CallbackSite, arity: number): HandlerParams | undefined;
  /** The packages the nearest package.json above a file depends on, when there is one. */
  dependenciesOf?(fileName: string): ReadonlySet<string> | undefined;
  /** Told when registrations of an exported function are looked for, so a partial program can add the importers. */
  onCallersLookup?(fileName: string, functionName: string): void;
}

export interface HandlerLookup {
  /**
   * Whether registrations outside the program are worth bringing in (default true). Not when the
   * function's own parameter types already name its framework (`req: Request`): the registering file
   * (an app that imports every route) would bring the whole project into a partial program.
   */
  readonly registrationsElsewhere?: boolean;
}

export class HandlerRecognizer {
  private registrations: Map<ts.Node, CallbackSite[]> | undefined;
  private readonly memo = new Map<ts.Node, HandlerParams | null>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly context: HandlerContext,
  ) {}

  /** What a framework passes to each parameter of `fn`, when `fn` is a request handler. */
  paramsOf(fn: FunctionNode, options: HandlerLookup = {}): HandlerParams | undefined {
    if (this.memo.has(fn)) return this.memo.get(fn) ?? undefined;
    this.memo.set(fn, null); // a handler registered by itself resolves to nothing, not forever
    const found = this.compute(fn, options.registrationsElsewhere ?? true);
    this.memo.set(fn, found ?? null);
    return found;
  }

  private compute(fn: FunctionNode, registrationsElsewhere: boolean): HandlerParams | undefined {
    const arity = fn.parameters.length;
    if (arity === 0) return undefined;
    const sites = this.registrationsOf(fn);
    for (const site of sites) {
      const catalogued = this.context.catalogued(site, arity);
      if (catalogued) return catalogued;
    }
    for (const site of sites) {
      const method = registrationMethod(site);
      const byRegistration = method === undefined ? [] : CONVENTIONS.filter((c) => c.convention.registeredBy.includes(method));
      const chosen = this.choose(fn, byRegistration, false);
      if (chosen) return chosen;
    }
    if (sites.length === 0 && registrationsElsewhere) this.askForImporters(fn);
    return this.choose(fn, CONVENTIONS, true);
  }

  /**
   * The convention `fn` follows among `candidates`: its parameter names must fit, and without a
   * registration to vouch for it (`needsConfirmation`) its body must use them the framework's way.
   * Frameworks the project depends on come first, then Node's own, then the rest in table order.
   */
  private choose(fn: FunctionNode, candidates: readonly Convention[], needsConfirmation: boolean): HandlerParams | undefined {
    const dependencies = this.context.dependenciesOf?.(fn.getSourceFile().fileName);
    const scored = candidates
      .map((candidate) => ({ candidate, fit: this.fit(fn, candidate.convention) }))
      .filter(({ fit }) => fit !== undefined && (needsConfirmation ? fit.names && fit.confirmations > 0 : fit.names || fit.confirmations > 0))
      .map(({ candidate, fit }) => ({ candidate, fit: fit!, rank: rankOf(candidate.table, candidate.convention, dependencies) }));
    scored.sort((a, b) => a.rank - b.rank || b.fit.confirmations - a.fit.confirmations || a.candidate.order - b.candidate.order);
    const best = scored[0];
    if (!best) return undefined;
    const { entities, errorHandlerArity } = best.candidate.convention;
    return errorHandlerArity !== undefined && fn.parameters.length === errorHandlerArity ? ['global:Error', ...entities] : entities;
  }

  /** How well `fn`'s parameters and body fit a convention: whether the names fit, and how many uses confirm it. */
  private fit(fn: FunctionNode, convention: HandlerConvention): { names: boolean; confirmations: number } | undefined {
    const shift = convention.errorHandlerArity !== undefined && fn.parameters.length === convention.errorHandlerArity ? 1 : 0;
    const params = fn.parameters.slice(shift);
    if (params.length < convention.minParams || params.length > convention.params.length) return undefined;
    const names = params.every((param, i) => !ts.isIdentifier(param.name) || param.name.text.startsWith('_') || convention.params[i].includes(param.name.text.toLowerCase()));
    return { names, confirmations: fn.body ? this.confirmations(fn.body, params, convention) : 0 };
  }

  /** Uses in `body` of the parameters that confirm the convention: `res.statusCode`, `next()`. */
  private confirmations(body: ts.Node, params: readonly ts.ParameterDeclaration[], convention: HandlerConvention): number {
    const symbols = params.map((param) => (ts.isIdentifier(param.name) ? this.checker.getSymbolAtLocation(param.name) : undefined));
    const positionOf = (node: ts.Expression) => {
      const expression = skipOuter(node);
      if (!ts.isIdentifier(expression)) return -1;
      const symbol = this.checker.getSymbolAtLocation(expression);
      return symbol === undefined ? -1 : symbols.indexOf(symbol);
    };
    const seen = new Set<string>();
    const use = (position: number, member: string) => {
      if (convention.confirmedBy.find((c) => c.param === position)?.members.includes(member)) seen.add(`${position}.${member}`);
    };
    walk(body, (node) => {
      if (ts.isPropertyAccessExpression(node)) {
        use(positionOf(node.expression), node.name.text);
      } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name)) {
        // `const { status } = ctx` reads `ctx.status` too.
        const position = positionOf(node.initializer);
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key)) use(position, key.text);
        }
      } else if (ts.isCallExpression(node) && convention.calledParam !== undefined && positionOf(node.expression) === convention.calledParam) {
        seen.add('call');
      }
    });
    return seen.size;
  }

  /** Where `fn` (or a factory returning it) is passed to a call that may register handlers. */
  registrationsOf(fn: FunctionNode): readonly CallbackSite[] {
    this.registrations ??= this.indexRegistrations();
    return this.registrations.get(fn) ?? [];
  }

  private indexRegistrations(): Map<ts.Node, CallbackSite[]> {
    const index = new Map<ts.Node, CallbackSite[]>();
    for (const file of this.program.getSourceFiles()) {
      if (isExternalFile(file)) continue;
      for (const call of registrationCallsIn(file)) {
        call.arguments.forEach((arg, argIndex) => {
          for (const [fn, path] of this.functionsPassedAs(arg)) {
            const sites = index.get(fn) ?? [];
            sites.push({ call, argIndex, path });
            index.set(fn, sites);
          }
        });
      }
    }
    return index;
  }

  /** The functions an argument denotes: a literal, a reference, a factory's result, or a route's `handler` option. */
  /**
   * The project's functions an argument of a registration passes. Names are followed to their
   * declarations; the checker is asked for a type only where a function is made at run time (a
   * factory's result), because asking for the type of every argument of every `.get(` or `.use(`
   * call in the program costs more than the rest of the analysis.
   */
  private functionsPassedAs(arg: ts.Expression, depth = 0): [ts.Node, string[]][] {
    const expression = skipOuter(arg);
    const literal = asFunction(expression);
    if (literal) return [[literal, []]];
    if (ts.isObjectLiteralExpression(expression)) {
      return expression.properties.flatMap((property) => {
        const key = property.name && staticName(property.name);
        const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isMethodDeclaration(property) ? property : undefined;
        if (key !== 'handler' || !value) return [];
        return this.functionsPassedAs(value as ts.Expression, depth).map(([fn]) => [fn, ['handler']] as [ts.Node, string[]]);
      });
    }
    if (ts.isArrayLiteralExpression(expression)) return expression.elements.flatMap((element) => this.functionsPassedAs(element, depth));
    if (ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression)) return this.functionsNamedBy(expression);
    if (ts.isCallExpression(expression)) {
      // A project factory (`requireRole('admin')`) returns the handler; any other call may wrap one it is handed (`asyncHandler(fn)`).
      const callee = this.declarationOf(expression.expression);
      if (callee && asFunction(callee)) return this.functionsByType(expression);
      if (depth >= MAX_WRAPPER_DEPTH) return [];
      return expression.arguments.filter((a) => !ts.isPropertyAccessExpression(skipOuter(a))).flatMap((a) => this.functionsPassedAs(a, depth + 1));
    }
    return [];
  }

  /** What `name` is declared as: a function, a value made by a call (its type says which function), or nothing. */
  private functionsNamedBy(name: ts.Identifier | ts.PropertyAccessExpression): [ts.Node, string[]][] {
    const declaration = this.declarationOf(name);
    if (!declaration) return [];
    const fn = asFunction(declaration);
    if (fn) return [[fn, []]];
    const value = valueOfDeclaration(declaration);
    const initialized = value && asFunction(value);
    if (initialized) return [[initialized, []]];
    return value && (ts.isCallExpression(value) || ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) || ts.isConditionalExpression(value)) ? this.functionsByType(name) : [];
  }

  /** The project declaration a name or a callee refers to, imports followed; undefined for a library's. */
  private declarationOf(expression: ts.Expression): ts.Declaration | undefined {
    const target = skipOuter(expression);
    const name = ts.isPropertyAccessExpression(target) ? target.name : target;
    if (!ts.isIdentifier(name)) return undefined;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = this.checker.getSymbolAtLocation(name);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return declaration && !isExternalFile(declaration.getSourceFile()) ? declaration : undefined;
  }

  private functionsByType(expression: ts.Expression): [ts.Node, string[]][] {
    let type: ts.Type;
    try {
      type = this.checker.getTypeAtLocation(expression);
    } catch {
      return [];
    }
    return type
      .getCallSignatures()
      .map((signature) => signature.getDeclaration())
      .filter((declaration): declaration is ts.SignatureDeclaration => declaration !== undefined && !isExternalFile(declaration.getSourceFile()) && asFunction(declaration) !== undefined)
      .map((declaration) => [declaration, []]);
  }

  /** An exported handler registered in no file of the program: its importers, outside a partial program, may register it. */
  private askForImporters(fn: FunctionNode): void {
    if (!this.context.onCallersLookup || !isExported(fn)) return;
    this.context.onCallersLookup(fn.getSourceFile().fileName, exportedName(fn) ?? '');
  }
}

/** The method a registration call names (`use` in `app.use(…)`), or `createServer`. */
function registrationName(call: ts.CallExpression): string | undefined {
  const name = calleeName(call);
  return name !== undefined && REGISTRATION_METHODS.has(name) ? name : undefined;
}

/** The method name of a registration (`use` for `app.use(fn)`). */
export function registrationMethod(site: CallbackSite): string | undefined {
  return ts.isCallExpression(site.call) ? registrationName(site.call) : undefined;
}

/** 0 for a framework the project depends on, 1 for Node's own servers, 2 otherwise (or with no package.json, in table order). */
function rankOf(table: LibraryTable, convention: HandlerConvention, dependencies: ReadonlySet<string> | undefined): number {
  if (table.modules.some((module) => BUILT_IN.has(module))) return 1;
  if (dependencies === undefined) return 0;
  return [...table.modules, ...(convention.alsoFor ?? [])].some((module) => dependencies.has(module)) ? 0 : 2;
}

/** Whether the function leaves its module: `export`, `export default`, `module.exports = …`, `exports.x = …`. */
function isExported(fn: FunctionNode): boolean {
  const modifiers = ts.canHaveModifiers(fn) ? ts.getModifiers(fn) : undefined;
  if (modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  let node: ts.Node = fn;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isVariableDeclaration(node.parent) || ts.isVariableDeclarationList(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isExportAssignment(parent)) return true;
  if (ts.isVariableStatement(parent)) return ts.getModifiers(parent)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = parent.left.getText();
    return /^(module\.)?exports(\.|$)/.test(target);
  }
  // A factory's result: the factory is what is exported.
  const factory = ts.isReturnStatement(parent) || ts.isArrowFunction(parent) ? ts.findAncestor(parent, (n) => asFunction(n) !== undefined && n !== fn) : undefined;
  return factory !== undefined && isExported(factory as FunctionNode);
}

/** The name importers use for the function, when it has one (`timing` in `export function timing`). */
function exportedName(fn: FunctionNode): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

/** The value a declaration gives its name: an initializer, `module.exports = value`, `export default value`. */
function valueOfDeclaration(declaration: ts.Declaration): ts.Expression | undefined {
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
    return declaration.initializer && skipOuter(declaration.initializer);
  }
  if (ts.isExportAssignment(declaration)) return skipOuter(declaration.expression);
  if (ts.isBinaryExpression(declaration)) return skipOuter(declaration.right);
  if (ts.isShorthandPropertyAssignment(declaration)) return declaration.name;
  return undefined;
}

const MAY_REGISTER = new RegExp(`\\b(?:${[...REGISTRATION_METHODS].join('|')})\\s*\\(`);
/** Per source file, which programs share while the file is unchanged (the server's edits keep the others). */
const registrationCallsByFile = new WeakMap<ts.SourceFile, readonly ts.CallExpression[]>();

/** The calls in `file` that may register a handler, by their method's name. */
function registrationCallsIn(file: ts.SourceFile): readonly ts.CallExpression[] {
  let calls = registrationCallsByFile.get(file);
  if (!calls) {
    const found: ts.CallExpression[] = [];
    if (MAY_REGISTER.test(file.text)) {
      walk(file, (node) => {
        if (ts.isCallExpression(node) && registrationName(node) !== undefined) found.push(node);
      });
    }
    calls = found;
    registrationCallsByFile.set(file, calls);
  }
  return calls;
}
