/**
 * Answers "which library entity is this?" for an expression, a type annotation or a parameter.
 *
 * Resolution goes by symbol: an identifier is followed to its declaration (across files through
 * import aliases), imports of catalogued modules map to the table's exports, variables to their
 * annotation or initializer, callback parameters to what the library passes them. When that finds
 * nothing and the library's types are installed, the type checker's type of the expression names the
 * entity instead. Both paths read the same tables, so a fresh clone without `node_modules` and a
 * fully installed workspace agree on everything the syntax shows.
 */
import ts from 'typescript';
import { isErrorParameter } from './error-parameters';
import { entitiesForType, entity as entityById, GLOBALS, isCallableMemberName, tableForModule } from './catalog';
import type { Behaviour, EntityId, Member, OptionSink } from './catalog/model';
import { callbackSite, type CallbackSite, matchesCallback, matchesPath, shiftForErrorHandler } from './callback-sites';
import { HandlerRecognizer, registrationMethod, type HandlerContext } from './handlers';
import { importedName, isImportDeclaration } from './imports';
import { Dictionaries } from './dictionaries';
import type { ProgramIndex } from './program-index';
import { RequestStores } from './request-stores';
import { asFunction, assignmentDeclarationValue, isExternalFile, packageOfFile, requiredModule, returnExpressions, skipOuter, staticName } from './syntax';

const MAX_DEPTH = 24;

/** What the resolver hears from the shell that runs the analysis. */
export type ResolverHooks = Pick<HandlerContext, 'dependenciesOf' | 'onCallersLookup'>;

export class Resolver {
  private readonly expressionCache = new Map<ts.Node, EntityId | undefined>();
  /** Per function: whether a parameter is declared with a catalogued type (asked for each of its parameters). */
  private readonly cataloguedParameters = new Map<ts.SignatureDeclaration, boolean>();
  private readonly handlers: HandlerRecognizer;
  /** Values the program stores on library objects (the request, `res.locals`), read back elsewhere. */
  readonly stores: RequestStores;
  /** Objects the program fills under computed keys (a factory's metrics by id). */
  private readonly dictionaries: Dictionaries;

  constructor(
    program: ts.Program,
    readonly checker: ts.TypeChecker,
    /** Where the program assigns each declared variable and field (late bindings), and calls each function (helpers' parameters). */
    private readonly assignments: Pick<ProgramIndex, 'assignmentsTo' | 'callSitesOf' | 'functionOf'>,
    hooks: ResolverHooks = {},
  ) {
    this.handlers = new HandlerRecognizer(program, checker, { ...hooks, catalogued: (site, arity) => this.cataloguedCallbackParams(site, arity, 0) });
    this.stores = new RequestStores(program, this);
    this.dictionaries = new Dictionaries(checker, (callee) => assignments.functionOf(callee), (declaration) => assignments.assignmentsTo(declaration));
  }

  /** Where the program registers `fn` as a handler (or a factory's result that is `fn`). */
  registrationsOf(fn: ts.Node): readonly CallbackSite[] {
    return this.handlers.registrationsOf(fn as ts.SignatureDeclaration);
  }

  registrationMethod(site: CallbackSite): string | undefined {
    return registrationMethod(site);
  }

  /** The entity an expression evaluates to, if the catalog knows it. */
  entityOf(node: ts.Expression, depth = 0): EntityId | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (this.expressionCache.has(node)) return this.expressionCache.get(node);
    this.expressionCache.set(node, undefined); // cycle guard while computing
    const result = this.computeEntity(node, depth) ?? (isProgramValue(skipOuter(node)) ? undefined : this.entityOfTypeAt(node));
    this.expressionCache.set(node, result);
    return result;
  }

  /** What reading `name` on an entity yields. */
  memberOf(id: EntityId | undefined, name: string | undefined): Member | undefined {
    if (id === undefined || name === undefined) return undefined;
    const model = entityById(id);
    if (!model) return undefined;
    if (model.members && Object.prototype.hasOwnProperty.call(model.members, name)) return model.members[name];
    return model.anyMember;
  }

  /** What the call does, according to the catalog: calling an entity, a method of one, or constructing one. */
  behaviourOf(node: ts.CallExpression | ts.NewExpression, depth = 0): Behaviour | undefined {
    const callee = skipOuter(node.expression);
    if (ts.isNewExpression(node)) return entityById(this.entityOf(callee, depth + 1) ?? '')?.construct;
    if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
      const name = staticName(callee);
      // A method no catalogued entity has does nothing the catalog knows, whatever the receiver is;
      // not resolving the receiver spares the type checker most calls of a file (`rows.filter(…)`).
      // Unless the program stored a catalogued function there (`request.metrics = { end: h.startTimer() }`).
      if (name === undefined) return undefined;
      if (!isCallableMemberName(name)) return entityById(this.entityOfStoredValue(callee, depth + 1) ?? this.entityOfLiteralMember(callee, depth + 1) ?? '')?.call;
      const member = this.memberOf(this.entityOf(callee.expression, depth + 1), name);
      if (member && 'call' in member) return member.call;
      if (member && 'entity' in member) return entityById(member.entity)?.call;
      return undefined;
    }
    if (ts.isIdentifier(callee) && this.isUnmodelledCallbackParameter(callee, depth)) return undefined;
    return entityById(this.entityOf(callee, depth + 1) ?? '')?.call;
  }

  /**
   * Whether `name` is an unannotated parameter that a catalogued library fills with a value its table
   * leaves unmodelled (Express's `next`). Calling it does nothing the catalog knows, and asking the
   * checker for its type would resolve the library's overloads for the whole callback, the costliest
   * question in a route handler. (Only entities with a call behaviour matter here, and no such value
   * of a callback is typed as one.)
   */
  private isUnmodelledCallbackParameter(name: ts.Identifier, depth: number): boolean {
    const declaration = this.checker.getSymbolAtLocation(name)?.valueDeclaration;
    if (!declaration || !ts.isParameter(declaration) || declaration.type || ts.getDecorators(declaration)) return false;
    const fn = declaration.parent;
    const site = callbackSite(fn);
    const params = (site && this.cataloguedCallbackParams(site, fn.parameters.length, depth)) ?? this.handlers.paramsOf(fn);
    const index = fn.parameters.indexOf(declaration);
    return params !== undefined && index < params.length && params[index] === null;
  }

  /** The entity a type annotation names (`req: Request` with Request imported from express). */
  entityOfTypeNode(node: ts.TypeNode, depth = 0): EntityId | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName;
      if (ts.isIdentifier(name)) return instanceOf(this.entityOfIdentifier(name, depth + 1));
      const namespace = this.entityOfEntityName(name.left, depth + 1);
      const member = this.memberOf(namespace, name.right.text);
      return member && 'entity' in member ? instanceOf(member.entity) : undefined;
    }
    if (ts.isUnionTypeNode(node)) {
      for (const part of node.types) {
        const found = this.entityOfTypeNode(part, depth + 1);
        if (found) return found;
      }
    }
    if (ts.isParenthesizedTypeNode(node)) return this.entityOfTypeNode(node.type, depth + 1);
    return undefined;
  }

  /** What a parameter receives: an entity (a request), a source (`@Param('id') id`), or nothing known. */
  parameterMember(param: ts.ParameterDeclaration, depth = 0): Member | undefined {
    const decorated = this.decoratorMember(param, depth);
    if (decorated) return decorated;
    const implemented = this.implementerParameter(param, depth);
    if (implemented) return { entity: implemented };
    if (param.type) {
      const annotated = this.entityOfTypeNode(param.type, depth + 1);
      if (annotated) return { entity: annotated };
      // Declared a function or a primitive: no framework passes it and no caller passes a library's
      // object; looking for registrations or callers would bring them all into a partial program.
      if (isNeverAnEntityType(param.type)) return undefined;
    }
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const site = callbackSite(fn);
    const params = (site && this.cataloguedCallbackParams(site, fn.parameters.length, depth)) ?? (asFunction(fn) ? this.handlers.paramsOf(fn, { registrationsElsewhere: !this.hasCataloguedParameter(fn, depth) }) : undefined);
    const id = params?.[index];
    if (id) return { entity: id };
    const typed = this.entityOfTypeAt(param.name);
    if (typed) return { entity: typed };
    // A request handler is called by its framework: the program's calls of it have nothing to add.
    if (params) return undefined;
    const passed = this.entityOfArguments(fn, index, depth);
    return passed ? { entity: passed } : undefined;
  }

  /**
   * What the program's calls of a helper pass at a parameter, when that says what it is: `getRoute(req)`
   * called from a request handler takes the request. The first call whose argument names an entity decides.
   */
  /** Whether a parameter of `fn` is declared with a catalogued type (`req: Request`). */
  private hasCataloguedParameter(fn: ts.SignatureDeclaration, depth: number): boolean {
    let found = this.cataloguedParameters.get(fn);
    if (found === undefined) {
      found = fn.parameters.some((param) => param.type !== undefined && this.entityOfTypeNode(param.type, depth + 1) !== undefined);
      this.cataloguedParameters.set(fn, found);
    }
    return found;
  }

  private entityOfArguments(fn: ts.SignatureDeclaration, index: number, depth: number): EntityId | undefined {
    if (depth > MAX_DEPTH / 2 || !asFunction(fn) || callbackSite(fn)) return undefined;
    for (const call of this.assignments.callSitesOf(fn)) {
      const arg = call.arguments[index];
      const found = arg && !ts.isSpreadElement(arg) ? this.entityOf(arg, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  /** The option sinks that apply to the options object passed at `argIndex` of `call`. */
  optionSinksOf(call: ts.CallExpression | ts.NewExpression, argIndex: number, depth = 0): readonly OptionSink[] {
    const behaviour = this.behaviourOf(call, depth + 1);
    const sinks: OptionSink[] = [];
    if (behaviour?.options && behaviour.options.arg === argIndex) sinks.push(...behaviour.options.sinks);
    const plugin = behaviour?.registersPlugin;
    if (plugin && plugin.optionsArg === argIndex && call.arguments && call.arguments[plugin.pluginArg]) {
      const pluginEntity = entityById(this.entityOf(call.arguments[plugin.pluginArg], depth + 1) ?? '');
      sinks.push(...(pluginEntity?.pluginOptions ?? []));
    }
    return sinks;
  }

  private computeEntity(node: ts.Expression, depth: number): EntityId | undefined {
    const expression = skipOuter(node);
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const cast = this.entityOfTypeNode(node.type, depth + 1);
      if (cast) return cast;
    }
    if (ts.isIdentifier(expression)) return this.entityOfIdentifier(expression, depth + 1);
    if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) {
      const member = this.memberOf(this.entityOf(expression.expression, depth + 1), staticName(expression, this.checker));
      if (member) return 'entity' in member ? member.entity : undefined;
      return (
        this.entityOfDeclaredProperty(expression, depth) ??
        this.entityOfStoredValue(expression, depth) ??
        this.entityOfLiteralMember(expression, depth) ??
        this.entityOfDictionaryValue(expression, depth)
      );
    }
    if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) {
      const explicit = expression.typeArguments?.[0];
      if (explicit) {
        const named = this.entityOfTypeNode(explicit, depth + 1);
        if (named) return named;
      }
      const module = ts.isCallExpression(expression) ? requiredModule(expression) : undefined;
      if (module !== undefined) return tableForModule(module)?.exports['*'];
      const returned = this.behaviourOf(expression, depth)?.returns;
      if (returned) return 'entity' in returned ? returned.entity : undefined;
      return this.entityOfUserFunctionResult(expression, depth);
    }
    return undefined;
  }

  private entityOfEntityName(name: ts.EntityName, depth: number): EntityId | undefined {
    if (ts.isIdentifier(name)) return this.entityOfIdentifier(name, depth);
    const member = this.memberOf(this.entityOfEntityName(name.left, depth + 1), name.right.text);
    return member && 'entity' in member ? member.entity : undefined;
  }

  private entityOfIdentifier(node: ts.Identifier, depth: number): EntityId | undefined {
    const symbol = this.checker.getSymbolAtLocation(node);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return GLOBALS.exports[node.text] ? GLOBALS.exports[node.text] : undefined;
    if (isExternalFile(declaration.getSourceFile()) && !isImportDeclaration(declaration)) {
      return Object.prototype.hasOwnProperty.call(GLOBALS.exports, node.text) ? GLOBALS.exports[node.text] : undefined;
    }
    return this.entityOfDeclaration(declaration, symbol, depth);
  }

  private entityOfDeclaration(declaration: ts.Declaration, symbol: ts.Symbol, depth: number): EntityId | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const imported = importedName(declaration);
    if (imported) {
      const table = tableForModule(imported.module);
      if (table) return Object.prototype.hasOwnProperty.call(table.exports, imported.name) ? table.exports[imported.name] : undefined;
      return this.entityOfAlias(symbol, depth);
    }
    // JavaScript's `const { x } = require('./local')` and `const m = require('./local')` are aliases too.
    if (symbol.flags & ts.SymbolFlags.Alias) {
      const aliased = this.entityOfAlias(symbol, depth);
      if (aliased) return aliased;
    }
    const assigned = assignmentDeclarationValue(declaration);
    if (assigned) return this.entityOf(assigned, depth + 1);
    if (ts.isVariableDeclaration(declaration)) {
      if (ts.isCatchClause(declaration.parent)) return 'global:Error';
      if (declaration.type) {
        const annotated = this.entityOfTypeNode(declaration.type, depth + 1);
        if (annotated) return annotated;
      }
      return (declaration.initializer && this.entityOf(declaration.initializer, depth + 1)) ?? this.entityOfLateBinding(declaration, depth);
    }
    if (ts.isBindingElement(declaration)) return this.entityOfBindingElement(declaration, depth);
    if (ts.isParameter(declaration)) {
      const member = this.parameterMember(declaration, depth + 1);
      if (member) return 'entity' in member ? member.entity : undefined;
      return isErrorParameter(declaration) ? 'global:Error' : undefined;
    }
    if ((ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) && declaration.type) {
      return this.entityOfTypeNode(declaration.type, depth + 1) ?? this.initializerEntity(declaration, depth) ?? this.entityOfLateBinding(declaration, depth);
    }
    return this.initializerEntity(declaration, depth) ?? (ts.isPropertyDeclaration(declaration) ? this.entityOfLateBinding(declaration, depth) : undefined);
  }

  /**
   * A variable or field declared without a value and assigned later: `let requests;` set in `init()`,
   * `public readonly requests;` set in the constructor. The first assignment with an entity names it.
   */
  private entityOfLateBinding(declaration: ts.Declaration, depth: number): EntityId | undefined {
    for (const value of this.assignments.assignmentsTo(declaration)) {
      const found = this.entityOf(value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private initializerEntity(declaration: ts.Declaration, depth: number): EntityId | undefined {
    if ((ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
      return this.entityOf(declaration.initializer, depth + 1);
    }
    if (ts.isShorthandPropertyAssignment(declaration)) {
      const value = this.checker.getShorthandAssignmentValueSymbol(declaration);
      const target = value?.declarations?.[0];
      return target && value ? this.entityOfDeclaration(target, value, depth + 1) : undefined;
    }
    return undefined;
  }

  /** An import of one of the program's own modules: follow it to the exported declaration. */
  private entityOfAlias(symbol: ts.Symbol, depth: number): EntityId | undefined {
    if (!(symbol.flags & ts.SymbolFlags.Alias)) return undefined;
    let target: ts.Symbol;
    try {
      target = this.checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
    const declaration = target.declarations?.[0];
    if (!declaration || target === symbol) return undefined;
    if (ts.isExportAssignment(declaration)) return this.entityOf(declaration.expression, depth + 1);
    return this.entityOfDeclaration(declaration, target, depth + 1);
  }

  /** `const { Histogram } = require('prom-client')`, or a destructured request: walk members along the pattern. */
  private entityOfBindingElement(element: ts.BindingElement, depth: number): EntityId | undefined {
    const path: string[] = [];
    let node: ts.Node = element;
    while (ts.isBindingElement(node)) {
      const pattern: ts.BindingPattern = node.parent;
      if (ts.isArrayBindingPattern(pattern)) return undefined;
      const key = staticName(node.propertyName ?? node.name, this.checker);
      if (key === undefined) return undefined;
      path.unshift(key);
      node = pattern.parent;
    }
    let current: EntityId | undefined;
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const module = requiredModule(node.initializer);
      const table = module !== undefined ? tableForModule(module) : undefined;
      if (table) {
        const first = path.shift()!;
        current = table.exports[first] ?? this.memberIdOf(table.exports['*'], first);
      } else {
        current = this.entityOf(node.initializer, depth + 1);
      }
    } else if (ts.isParameter(node)) {
      const member = this.parameterMember(node, depth + 1);
      current = member && 'entity' in member ? member.entity : undefined;
    }
    for (const key of path) current = this.memberIdOf(current, key);
    return current;
  }

  private memberIdOf(id: EntityId | undefined, name: string): EntityId | undefined {
    const member = this.memberOf(id, name);
    return member && 'entity' in member ? member.entity : undefined;
  }

  /** What the program stored where a property read reads (`request.metrics.sum` after `request.metrics = { sum: … }`). */
  private entityOfStoredValue(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): EntityId | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const { value, rest } of this.stores.valuesAt(node)) {
      let current: ts.Expression | undefined = value;
      for (const key of rest) {
        const literal: ts.Expression | undefined = current && skipOuter(current);
        current = literal && ts.isObjectLiteralExpression(literal) ? propertyInitializer(literal, key) : undefined;
      }
      const found = current && this.entityOf(current, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * A property of an object literal the receiver holds (`const kept = request.metrics; kept.end(…)`
   * after `request.metrics = { end: h.startTimer() }`): the entity of that property's value.
   */
  private entityOfLiteralMember(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): EntityId | undefined {
    const key = staticName(node, this.checker);
    const literal = key === undefined ? undefined : this.objectLiteralOf(node.expression, depth);
    const value = literal && propertyInitializer(literal, key!);
    return value && depth < MAX_DEPTH ? this.entityOf(value, depth + 1) : undefined;
  }

  /** `metrics.requests_total` where `metrics` is an object a factory filled under computed keys. */
  private entityOfDictionaryValue(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): EntityId | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const value of this.dictionaries.valuesIn(node.expression)) {
      const found = this.entityOf(value, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The object literal an expression holds: itself, a constant's value, or what the program stored there. */
  private objectLiteralOf(node: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    let current: ts.Expression | undefined = skipOuter(node);
    for (let hops = 0; current && hops < 6 && depth + hops < MAX_DEPTH; hops++) {
      if (ts.isObjectLiteralExpression(current)) return current;
      if (ts.isIdentifier(current)) {
        const declaration: ts.Declaration | undefined = this.checker.getSymbolAtLocation(current)?.valueDeclaration;
        current = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : undefined;
      } else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
        const stored: readonly { value: ts.Expression; rest: readonly string[] }[] = this.stores.valuesAt(current);
        const whole = stored.find((s) => s.rest.length === 0);
        current = whole && skipOuter(whole.value);
      } else {
        current = undefined;
      }
    }
    return undefined;
  }

  /** `metrics.requests` where `metrics` is the program's own object or class: follow the property's declaration. */
  private entityOfDeclaredProperty(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): EntityId | undefined {
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    const symbol = this.checker.getSymbolAtLocation(nameNode);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration || isExternalFile(declaration.getSourceFile())) return undefined;
    return this.entityOfDeclaration(declaration, symbol, depth + 1);
  }

  /** A call to one of the program's own functions: the entity its declared type or its returns name. */
  private entityOfUserFunctionResult(call: ts.CallExpression | ts.NewExpression, depth: number): EntityId | undefined {
    if (ts.isNewExpression(call)) return undefined;
    const fn = this.functionDeclarationOf(call.expression);
    if (!fn) return undefined;
    if (fn.type) {
      const annotated = this.entityOfTypeNode(fn.type, depth + 1);
      if (annotated) return annotated;
    }
    for (const returned of returnExpressions(fn)) {
      const found = this.entityOf(returned, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The program's own function a callee refers to (through imports and object properties), if it has a body. */
  functionDeclarationOf(callee: ts.Expression): (ts.SignatureDeclaration & { body?: ts.ConciseBody }) | undefined {
    return this.assignments.functionOf(callee);
  }

  /** A parameter of a method of a class implementing a catalogued interface (a Hocuspocus `Extension`'s hook). */
  private implementerParameter(param: ts.ParameterDeclaration, depth: number): EntityId | undefined {
    const method = param.parent;
    if (!ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || !ts.isClassLike(method.parent)) return undefined;
    const index = method.parameters.indexOf(param);
    for (const clause of method.parent.heritageClauses ?? []) {
      for (const type of clause.types) {
        const implemented = entityById(this.entityOf(type.expression, depth + 1) ?? '')?.implementerParameters?.[method.name.text];
        if (implemented?.[index]) return implemented[index] ?? undefined;
      }
    }
    return undefined;
  }

  private decoratorMember(param: ts.ParameterDeclaration, depth: number): Member | undefined {
    for (const decorator of ts.getDecorators(param) ?? []) {
      const expression = skipOuter(decorator.expression);
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      const decorated = entityById(this.entityOf(callee, depth + 1) ?? '')?.decoratedParameter;
      if (decorated) return decorated;
    }
    return undefined;
  }

  /** The entities a catalogued library passes to the parameters of a callback at `site`. */
  private cataloguedCallbackParams(site: CallbackSite, arity: number, depth: number): readonly (EntityId | null)[] | undefined {
    const behaviour = this.behaviourOf(site.call, depth + 1);
    for (const spec of behaviour?.callbacks ?? []) {
      if (matchesCallback(spec, site)) return shiftForErrorHandler(spec, arity);
    }
    for (const sink of this.optionSinksOf(site.call, site.argIndex, depth)) {
      if (sink.kind !== 'raw-path-flag' && matchesPath(sink.path, site.path)) return sink.params;
    }
    return undefined;
  }

  /** Typed mode: name the entity from the declared type of the expression, when the library's types are installed. */
  private entityOfTypeAt(node: ts.Node): EntityId | undefined {
    let type: ts.Type;
    try {
      type = this.checker.getNonNullableType(this.checker.getTypeAtLocation(node));
    } catch {
      return undefined;
    }
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return undefined;
    const isConstructor = type.getConstructSignatures().length > 0;
    for (const declaration of symbol.declarations ?? []) {
      const pkg = packageOfFile(declaration.getSourceFile().fileName);
      if (!pkg) continue;
      const candidates = entitiesForType(pkg, symbol.name);
      const preferred = candidates.find((id) => Boolean(entityById(id)?.construct) === isConstructor);
      if (preferred) return preferred;
    }
    return undefined;
  }
}

/**
 * The value of a JavaScript assignment declaration (`exports.x = value`, `module.exports.x = value`,
 * `this.x = value` in a class without a field declaration): the binder declares the symbol at the
 * assignment's target.
 */
function propertyInitializer(literal: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && staticName(property.name) === key) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

/** A class named in a type position means its instances: `h: Histogram` is a histogram, not the class. */
function instanceOf(id: EntityId | undefined): EntityId | undefined {
  const constructed = id === undefined ? undefined : entityById(id)?.construct?.returns;
  return constructed && 'entity' in constructed ? constructed.entity : id;
}

/**
 * Values the program writes out itself (functions, literals, operators' results): never a library's
 * catalogued object, so their type is not asked for. Typing a function means checking its body.
 */
function isProgramValue(expression: ts.Expression): boolean {
  return (
    ts.isArrowFunction(expression) ||
    ts.isFunctionExpression(expression) ||
    ts.isClassExpression(expression) ||
    ts.isLiteralExpression(expression) ||
    ts.isTemplateExpression(expression) ||
    ts.isBinaryExpression(expression) ||
    ts.isPrefixUnaryExpression(expression) ||
    ts.isTypeOfExpression(expression) ||
    expression.kind === ts.SyntaxKind.TrueKeyword ||
    expression.kind === ts.SyntaxKind.FalseKeyword ||
    expression.kind === ts.SyntaxKind.NullKeyword
  );
}

const PRIMITIVE_TYPES = new Set([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.SymbolKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.NeverKeyword,
  ts.SyntaxKind.LiteralType,
]);

/** A parameter type whose values are functions or primitives (`(key: K) => Promise<V>`, `string | number`). */
function isNeverAnEntityType(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isNeverAnEntityType(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.every(isNeverAnEntityType);
  return ts.isFunctionTypeNode(type) || PRIMITIVE_TYPES.has(type.kind);
}
