/**
 * Lazily built facts about the program's own source that the flow needs and the type checker does not
 * hand out directly: every assignment to a variable or property, literal values behind names, and the
 * call sites of a function across files. Built per file on first use and kept for one analysis run.
 */
import ts from 'typescript';
import { containerMadeBy, insertedBy, INSERTING_METHODS, type Insertion } from './containers';
import { typeAt } from './type-at';
import { asFunction, assignmentDeclarationValue, isExternalFile, returnExpressions, skipOuter, staticName, walk } from './syntax';
import type { RouterMounts } from './repair';

const MAX_LITERAL_HOPS = 12;
const MAX_CALL_SITES = 64;
const MAX_IMPORT_DEPTH = 6;

export type DeclaredProperty = {
  readonly declaration: ts.Declaration;
  readonly initializer: ts.Expression | undefined;
};

/** The arguments the parameters of a followed call stand for. */
export type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

/** One invocation of a function: a call, or an event emitted to a listener. */
export interface Invocation {
  readonly args: readonly ts.Expression[];
  readonly site: ts.Node;
  /** The event, when the function is a listener. */
  readonly event?: string;
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Events every emitter has (streams, sockets, servers): their emits are not the program's own messages. */
const GENERIC_EVENTS = new Set(['error', 'data', 'end', 'close', 'finish', 'open', 'message', 'connect', 'connection', 'request', 'response', 'listening', 'drain', 'readable', 'ready', 'exit', 'timeout', 'upgrade']);

/** The event a function listens to, when it is registered with `x.on(<named event>, fn)`. */
function listenedEvent(fn: FunctionNode, checker: ts.TypeChecker): string | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[1] !== fn) return undefined;
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !LISTENER_METHODS.has(callee.name.text)) return undefined;
  const name = eventName(call.arguments[0], checker);
  return name !== undefined && !GENERIC_EVENTS.has(name) ? name : undefined;
}

/** An event's name: a string literal, or a constant holding one (`events.REQUEST_TIME`). */
function eventName(node: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const expression = skipOuter(node);
  if (ts.isStringLiteralLike(expression)) return expression.text;
  const type = typeAt(checker, expression);
  return type?.isStringLiteral() ? type.value : undefined;
}

export type ParameterBindings = ReadonlyMap<ts.ParameterDeclaration, ts.Expression>;

/** A later assignment of a named property onto an object held in a variable: `labels.route = value`. */
export interface PropertyWrite {
  readonly name: string;
  readonly target: ts.Expression;
  readonly value: ts.Expression;
}

export class ProgramIndex {
  private readonly assignmentsByFile = new Map<ts.SourceFile, Map<ts.Symbol, ts.Expression[]>>();
  private readonly writesByFile = new Map<ts.SourceFile, Map<ts.Symbol, PropertyWrite[]>>();
  private readonly callSites = new Map<ts.Node, readonly ts.CallExpression[]>();
  private readonly functionsOf = new Map<ts.Node, FunctionNode | null>();
  private readonly insertingCallsByFile = new Map<ts.SourceFile, Map<ts.Symbol, ts.CallExpression[]>>();
  private parameterizedMounts: ts.SourceFile[] | undefined;
  private staticMounts: ts.SourceFile[] | undefined;
  private emits: Map<string, ts.CallExpression[]> | undefined;
  private functionNames: Set<string> | undefined;

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    /** Told the file and name of each function whose calls are looked up (see `AnalyzerHooks`). */
    private readonly onCallersLookup?: (fileName: string, functionName: string) => void,
  ) {}

  /** The declaration an identifier refers to, following imports, when it is in the program's own source. */
  declarationOf(node: ts.Identifier): ts.Declaration | undefined {
    const symbol = this.symbolOf(node);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || isExternalFile(declaration.getSourceFile())) return undefined;
    return declaration;
  }

  /** Every value assigned to a variable or property after its declaration, anywhere in its file. */
  assignmentsTo(declaration: ts.Declaration): readonly ts.Expression[] {
    const name = ts.getNameOfDeclaration(declaration);
    const symbol = name && this.checker.getSymbolAtLocation(name);
    if (!symbol) return [];
    return this.assignmentsIn(declaration.getSourceFile()).get(symbol) ?? [];
  }

  /**
   * Values put into the array, set or map a variable holds after it was made (`lvs.push(v)`,
   * `set.add(v)`, `map.set(k, v)`), in the variable's file (see `containers.ts`).
   */
  insertionsInto(declaration: ts.VariableDeclaration): readonly Insertion[] {
    const kind = containerMadeBy(declaration.initializer);
    if (!kind || !ts.isIdentifier(declaration.name)) return [];
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    const calls = (symbol && this.insertingCallsIn(declaration.getSourceFile()).get(symbol)) ?? [];
    return calls.flatMap((call) => insertedBy(call, kind));
  }

  /** Properties written onto the object a variable holds (`labels.route = …`), in the variable's file. */
  propertyWritesTo(variable: ts.Identifier): readonly PropertyWrite[] {
    const symbol = this.symbolOf(variable);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return [];
    return this.writesIn(declaration.getSourceFile()).get(symbol) ?? [];
  }

  /** The program's own declaration of a property read (`metrics.route`, `this.route`, `config.labels`). */
  propertyDeclarationOf(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): DeclaredProperty | undefined {
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    const symbol = this.checker.getSymbolAtLocation(nameNode);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || isExternalFile(declaration.getSourceFile())) return undefined;
    if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
      return { declaration, initializer: declaration.initializer };
    }
    if (ts.isShorthandPropertyAssignment(declaration)) return { declaration, initializer: declaration.name };
    return undefined;
  }

  /**
   * The object or array literal an expression holds, following constants, imports and properties;
   * `bound` gives the argument a parameter stands for, inside a call being followed.
   */
  literalOf(node: ts.Expression, bound?: ParameterBindings): ts.ObjectLiteralExpression | ts.ArrayLiteralExpression | undefined {
    let current = skipOuter(node);
    for (let hops = 0; hops < MAX_LITERAL_HOPS; hops++) {
      if (ts.isObjectLiteralExpression(current) || ts.isArrayLiteralExpression(current)) return current;
      let next: ts.Expression | undefined;
      if (ts.isIdentifier(current)) {
        const declaration = this.declarationOf(current);
        if (declaration && ts.isVariableDeclaration(declaration)) next = declaration.initializer;
        if (declaration && ts.isShorthandPropertyAssignment(declaration)) next = declaration.name;
        if (declaration && ts.isParameter(declaration)) next = bound?.get(declaration);
      } else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
        next = this.propertyDeclarationOf(current)?.initializer;
      }
      if (!next) return undefined;
      current = skipOuter(next);
    }
    return undefined;
  }

  /** The text of the string literal an expression holds (`'hits_total'`, a name passed to a factory). */
  literalStringOf(node: ts.Expression, bound?: ParameterBindings): string | undefined {
    let current = skipOuter(node);
    for (let hops = 0; hops < MAX_LITERAL_HOPS; hops++) {
      if (ts.isStringLiteralLike(current)) return current.text;
      if (!ts.isIdentifier(current)) return undefined;
      const declaration = this.declarationOf(current);
      const next = declaration && ts.isParameter(declaration) ? bound?.get(declaration) : declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
      if (!next) return undefined;
      current = skipOuter(next);
    }
    return undefined;
  }

  /** The object literal an expression holds, following the program's own functions into what they return. */
  private returnedLiteralOf(node: ts.Expression, hops: number): ts.ObjectLiteralExpression | ts.ArrayLiteralExpression | undefined {
    let current = skipOuter(node);
    if (ts.isIdentifier(current)) {
      const declaration = this.declarationOf(current);
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return this.literalOf(current);
      current = skipOuter(declaration.initializer);
    }
    if (ts.isCallExpression(current) && hops < MAX_LITERAL_HOPS) {
      const fn = this.functionOf(current.expression, hops + 1);
      for (const returned of fn ? returnExpressions(fn) : []) {
        const literal = this.literalOf(returned);
        if (literal) return literal;
      }
      return undefined;
    }
    return this.literalOf(current);
  }

  /** The value of property `key` in an object literal, through spreads; the last definition wins, as at run time. */
  propertyValue(literal: ts.ObjectLiteralExpression, key: string, hops = 0, bound?: ParameterBindings): ts.Expression | undefined {
    for (let i = literal.properties.length - 1; i >= 0; i--) {
      const property = literal.properties[i];
      if (ts.isPropertyAssignment(property) && staticName(property.name, this.checker) === key) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
      if (ts.isSpreadAssignment(property) && hops < MAX_LITERAL_HOPS) {
        const spread = this.literalOf(property.expression, bound);
        const found = spread && ts.isObjectLiteralExpression(spread) ? this.propertyValue(spread, key, hops + 1, bound) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * Whether a file that reaches `file` through imports (or `file` itself) mounts a router under a path
   * with parameters (`app.use('/tenants/:tenant', router)`): then the mount path a request matched in
   * `file`'s routers is client-chosen.
   */
  mountsWithParameters(file: ts.SourceFile): boolean {
    this.parameterizedMounts ??= this.program.getSourceFiles().filter((candidate) => !isExternalFile(candidate) && hasParameterizedMount(candidate));
    return this.parameterizedMounts.some((mounting) => this.reaches(mounting, file));
  }

  /**
   * How routers that `file`'s requests pass through are mounted: a file that reaches `file` (or
   * `file` itself) calling `x.use('/users', users)` with something other than a function literal.
   */
  routerMounts(file: ts.SourceFile): RouterMounts {
    if (this.mountsWithParameters(file)) return 'with-parameters';
    this.staticMounts ??= this.program.getSourceFiles().filter((candidate) => !isExternalFile(candidate) && hasStaticRouterMount(candidate));
    return this.staticMounts.some((mounting) => this.reaches(mounting, file)) ? 'static' : 'none';
  }

  /** Whether `from` imports `to`, directly or through other project files (a few levels deep). */
  private reaches(from: ts.SourceFile, to: ts.SourceFile): boolean {
    const seen = new Set<ts.SourceFile>([from]);
    let frontier = [from];
    for (let depth = 0; depth < MAX_IMPORT_DEPTH && frontier.length > 0; depth++) {
      if (frontier.includes(to)) return true;
      const next: ts.SourceFile[] = [];
      for (const file of frontier) {
        for (const imported of this.importsOf(file)) {
          if (!seen.has(imported)) {
            seen.add(imported);
            next.push(imported);
          }
        }
      }
      frontier = next;
    }
    return frontier.includes(to);
  }

  /** The project files a file imports (`import`, `export … from`, `require`), resolved by the checker. */
  private importsOf(file: ts.SourceFile): ts.SourceFile[] {
    const imports: ts.SourceFile[] = [];
    walk(file, (node) => {
      let specifier: ts.Expression | undefined;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) specifier = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) specifier = node.arguments[0];
      if (!specifier || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
      const target = this.checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (target && ts.isSourceFile(target) && !isExternalFile(target)) imports.push(target);
    });
    return imports;
  }

  /**
   * The program's own function a callee refers to, if it has a body: through imports and aliases,
   * variables and properties initialised with a function, and properties that name one
   * (`module.exports = { observe }`, `{ observe: observe }`).
   */
  functionOf(callee: ts.Expression, hops = 0): FunctionNode | undefined {
    if (hops > 0) return this.findFunctionOf(callee, hops);
    // A callee is asked about by the sink finder, the declarations and the hand-offs alike.
    const known = this.functionsOf.get(callee);
    if (known !== undefined) return known ?? undefined;
    const found = this.findFunctionOf(callee, 0);
    this.functionsOf.set(callee, found ?? null);
    return found;
  }

  private findFunctionOf(callee: ts.Expression, hops: number): FunctionNode | undefined {
    const expression = skipOuter(callee);
    const nameNode = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
    if (!ts.isIdentifier(nameNode) && !ts.isPrivateIdentifier(nameNode)) return undefined;
    // A method's symbol needs its object's type, the costliest question there is (`res.status(500).json`):
    // asked only when the program's own code declares a function under that name.
    if (nameNode !== expression && !this.declaresFunctionNamed(nameNode.text)) return undefined;
    const symbol = this.symbolOf(nameNode as ts.Identifier);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration || isExternalFile(declaration.getSourceFile())) return undefined;
    // A method declared by a type the function is annotated to return: the object it really returns says which function it is.
    if ((ts.isPropertySignature(declaration) || ts.isMethodSignature(declaration)) && ts.isPropertyAccessExpression(expression) && hops < MAX_LITERAL_HOPS) {
      const literal = this.returnedLiteralOf(expression.expression, hops + 1);
      const member = literal && ts.isObjectLiteralExpression(literal) ? this.propertyValue(literal, expression.name.text) : undefined;
      return member ? (asFunction(skipOuter(member)) ?? this.functionOf(member, hops + 1)) : undefined;
    }
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
      const initializer = declaration.initializer && skipOuter(declaration.initializer);
      if (initializer && ts.isIdentifier(initializer) && hops < MAX_LITERAL_HOPS) return this.functionOf(initializer, hops + 1);
      return asFunction(initializer);
    }
    if (ts.isShorthandPropertyAssignment(declaration) && hops < MAX_LITERAL_HOPS) return this.functionOf(declaration.name, hops + 1);
    const assigned = assignmentDeclarationValue(declaration);
    if (assigned) {
      const value = skipOuter(assigned);
      if (ts.isIdentifier(value) && hops < MAX_LITERAL_HOPS) return this.functionOf(value, hops + 1);
      const literal = asFunction(value);
      return literal?.body ? literal : undefined;
    }
    const fn = asFunction(declaration);
    return fn?.body ? fn : undefined;
  }

  /**
   * Where the program invokes a function, with the arguments its parameters take: its calls, or for a
   * listener of a named event (`bus.on('request', ({ path }) => …)`), every `emit` of that event
   * (`bus.emit('request', { path })`), whose arguments after the name are the listener's.
   */
  invocationsOf(fn: FunctionNode): readonly Invocation[] {
    const event = listenedEvent(fn, this.checker);
    const invocations: Invocation[] =
      event !== undefined
        ? this.emitsOf(event).map((emit) => ({ args: emit.arguments.slice(1), site: emit, event }))
        : this.callSitesOf(fn).map((call) => ({ args: call.arguments, site: call }));
    // A test's call passes what the test chose (a literal id): it says nothing of what production passes.
    if (isTestFile(fn.getSourceFile().fileName)) return invocations;
    return invocations.filter((invocation) => !isTestFile(invocation.site.getSourceFile().fileName));
  }

  private emitsOf(event: string): readonly ts.CallExpression[] {
    if (!this.emits) {
      const emits = new Map<string, ts.CallExpression[]>();
      for (const file of this.program.getSourceFiles()) {
        if (isExternalFile(file) || !file.text.includes('.emit(')) continue;
        walk(file, (node) => {
          if (!ts.isCallExpression(node) || node.arguments.length === 0) return;
          const callee = skipOuter(node.expression);
          if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'emit') return;
          const name = eventName(node.arguments[0], this.checker);
          if (name !== undefined) emits.set(name, [...(emits.get(name) ?? []), node]);
        });
      }
      this.emits = emits;
    }
    return this.emits.get(event) ?? [];
  }

  /** Calls of a function of the program's own, in every file of the program (bounded in number). */
  callSitesOf(fn: ts.SignatureDeclaration): readonly ts.CallExpression[] {
    const nameNode = functionNameNode(fn);
    // Told on every lookup, cached or not, so a listener learns which analysed files need the callers.
    if (nameNode) this.onCallersLookup?.(fn.getSourceFile().fileName, nameNode.getText());
    const cached = this.callSites.get(fn);
    if (cached) return cached;
    const sites: ts.CallExpression[] = [];
    if (nameNode) {
      const name = nameNode.getText();
      for (const file of this.program.getSourceFiles()) {
        if (isExternalFile(file) || !file.text.includes(name)) continue;
        walk(file, (node) => {
          if (sites.length >= MAX_CALL_SITES || !ts.isCallExpression(node)) return;
          const callee = skipOuter(node.expression);
          const calleeName = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
          if (!ts.isIdentifier(calleeName) || calleeName.text !== name) return;
          if (this.functionOf(callee) === fn) sites.push(node);
        });
      }
    }
    this.callSites.set(fn, sites);
    return sites;
  }

  /** The symbol an identifier denotes, through import aliases and shorthand properties. */
  /** Whether the program's own files declare something under `name` that can be a function. */
  private declaresFunctionNamed(name: string): boolean {
    if (!this.functionNames) {
      const names = new Set<string>();
      for (const file of this.program.getSourceFiles()) {
        if (!isExternalFile(file)) for (const declared of functionValuedNamesIn(file)) names.add(declared);
      }
      this.functionNames = names;
    }
    return this.functionNames.has(name);
  }

  private symbolOf(node: ts.Identifier): ts.Symbol | undefined {
    const parent = node.parent;
    let symbol =
      parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node
        ? this.checker.getShorthandAssignmentValueSymbol(parent)
        : this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
      try {
        symbol = this.checker.getAliasedSymbol(symbol);
      } catch {
        return undefined;
      }
    }
    return symbol;
  }

  private assignmentsIn(file: ts.SourceFile): Map<ts.Symbol, ts.Expression[]> {
    let map = this.assignmentsByFile.get(file);
    if (map) return map;
    const found = new Map<ts.Symbol, ts.Expression[]>();
    walk(file, (node) => {
      if (!ts.isBinaryExpression(node) || !isAssignmentOperator(node.operatorToken.kind)) return;
      const left = skipOuter(node.left);
      const target = ts.isPropertyAccessExpression(left) ? left.name : ts.isIdentifier(left) ? left : undefined;
      const symbol = target && this.checker.getSymbolAtLocation(target);
      if (symbol) found.set(symbol, [...(found.get(symbol) ?? []), node.right]);
    });
    map = found;
    this.assignmentsByFile.set(file, map);
    return map;
  }

  /** The calls of a method that may fill a container, by the variable they are called on. */
  private insertingCallsIn(file: ts.SourceFile): Map<ts.Symbol, ts.CallExpression[]> {
    let map = this.insertingCallsByFile.get(file);
    if (map) return map;
    const found = new Map<ts.Symbol, ts.CallExpression[]>();
    walk(file, (node) => {
      if (!ts.isCallExpression(node)) return;
      const callee = skipOuter(node.expression);
      if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || !INSERTING_METHODS.has(callee.name.text)) return;
      const symbol = this.checker.getSymbolAtLocation(callee.expression);
      if (symbol) found.set(symbol, [...(found.get(symbol) ?? []), node]);
    });
    map = found;
    this.insertingCallsByFile.set(file, map);
    return map;
  }

  private writesIn(file: ts.SourceFile): Map<ts.Symbol, PropertyWrite[]> {
    let map = this.writesByFile.get(file);
    if (map) return map;
    const found = new Map<ts.Symbol, PropertyWrite[]>();
    const add = (symbol: ts.Symbol, write: PropertyWrite) => found.set(symbol, [...(found.get(symbol) ?? []), write]);
    walk(file, (node) => {
      const assigned = ts.isCallExpression(node) ? objectAssignTarget(node) : undefined;
      const assignedSymbol = assigned && this.symbolOf(assigned);
      if (assignedSymbol) for (const write of assignedProperties(node as ts.CallExpression, (source) => this.literalOf(source))) add(assignedSymbol, write);
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const left = skipOuter(node.left);
      if (!(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) || !ts.isIdentifier(left.expression)) return;
      const name = staticName(left, this.checker);
      const symbol = this.symbolOf(left.expression);
      if (name !== undefined && symbol) add(symbol, { name, target: left, value: node.right });
    });
    map = found;
    this.writesByFile.set(file, map);
    return map;
  }
}

/** `Object.assign(labels, …)`: the variable whose object receives the properties. */
function objectAssignTarget(call: ts.CallExpression): ts.Identifier | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'assign' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const target = call.arguments[0] && skipOuter(call.arguments[0]);
  return target && ts.isIdentifier(target) ? target : undefined;
}

/**
 * The properties of the objects `Object.assign` copies, each as a write at its name: object literals,
 * and variables holding one (`literalOf`).
 */
function assignedProperties(call: ts.CallExpression, literalOf: (node: ts.Expression) => ts.Expression | undefined): PropertyWrite[] {
  return call.arguments.slice(1).flatMap((source) => {
    const literal = ts.isSpreadElement(source) ? undefined : literalOf(source);
    if (!literal || !ts.isObjectLiteralExpression(literal)) return [];
    return literal.properties.flatMap((property): PropertyWrite[] => {
      if (ts.isShorthandPropertyAssignment(property)) return [{ name: property.name.text, target: property.name, value: property.name }];
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return [];
      return [{ name: property.name.text, target: property.name, value: property.initializer }];
    });
  });
}

/** Test code by the usual names: `*.test.ts`, `*.spec.js`, files under `__tests__/`. */
function isTestFile(fileName: string): boolean {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(fileName) || /[\\/]__tests__[\\/]/.test(fileName);
}

/** `x.use('/tenants/:tenant', …)`, `x.use('/files/*path', …)`: a mount path with parameters (a bare `'*'` is Hono's "every path"). */
function hasParameterizedMount(file: ts.SourceFile): boolean {
  return mountsIn(file).some(({ path }) => /[:*][A-Za-z_]|\(/.test(path));
}

/** `x.use('/users', users)`: a static path and a router (anything but a function literal) mounted under it. */
function hasStaticRouterMount(file: ts.SourceFile): boolean {
  return mountsIn(file).some(({ path, call }) => /^\/[^:*(]+$/.test(path) && call.arguments.slice(1).some((arg) => asFunction(skipOuter(arg)) === undefined));
}

const mountsByFile = new WeakMap<ts.SourceFile, readonly Mount[]>();

interface Mount {
  readonly call: ts.CallExpression;
  readonly path: string;
}

/** The file's `x.use('<path>', …)` calls, found in one walk for both kinds of mount. */
function mountsIn(file: ts.SourceFile): readonly Mount[] {
  let mounts = mountsByFile.get(file);
  if (!mounts) {
    const found: Mount[] = [];
    if (file.text.includes('.use(')) {
      walk(file, (node) => {
        if (!ts.isCallExpression(node) || node.arguments.length < 2) return;
        const callee = skipOuter(node.expression);
        const mount = skipOuter(node.arguments[0]);
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'use' && ts.isStringLiteralLike(mount)) found.push({ call: node, path: mount.text });
      });
    }
    mounts = found;
    mountsByFile.set(file, mounts);
  }
  return mounts;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** The name under which a function is called: its own name, or the variable or property holding it. */
function functionNameNode(fn: ts.SignatureDeclaration): ts.Node | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name;
  const parent = fn.parent;
  if (asFunction(fn) && parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) {
    return parent.name;
  }
  // JavaScript's `Stats.prototype.count = function (req, res) { … }` and `exports.count = …`.
  const assignment = assignedTo(fn);
  return assignment && ts.isPropertyAccessExpression(assignment.left) ? assignment.left.name : undefined;
}

/** The assignment whose right side is `node`, parentheses aside. */
function assignedTo(node: ts.Node): ts.BinaryExpression | undefined {
  let child = node;
  while (child.parent && ts.isParenthesizedExpression(child.parent)) child = child.parent;
  const parent = child.parent;
  return parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child ? parent : undefined;
}

/** Per source file, which programs share while the file is unchanged (the server's edits keep the others). */
const functionNamesByFile = new WeakMap<ts.SourceFile, readonly string[]>();

function functionValuedNamesIn(file: ts.SourceFile): readonly string[] {
  let names = functionNamesByFile.get(file);
  if (!names) {
    const found = new Set<string>();
    walk(file, (node) => {
      const declared = functionValuedName(node);
      if (declared !== undefined) found.add(declared);
    });
    names = [...found];
    functionNamesByFile.set(file, names);
  }
  return names;
}

/**
 * The name `node` declares when what it holds can be a function: a function or method, or a
 * variable, property or assignment whose value is a function, a name, a call or a member (each may
 * stand for a function). A property holding a literal (`status: 'ok'`) cannot.
 */
function functionValuedName(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isMethodSignature(node) || ts.isGetAccessorDeclaration(node) || ts.isPropertySignature(node)) {
    return node.name && ts.isIdentifier(node.name) ? node.name.text : node.name && ts.isPrivateIdentifier(node.name) ? node.name.text : undefined;
  }
  if (ts.isShorthandPropertyAssignment(node)) return node.name.text;
  if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) {
    const name = ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name) ? node.name.text : ts.isStringLiteral(node.name) ? node.name.text : undefined;
    return name !== undefined && (!node.initializer || mayBeFunction(node.initializer)) ? name : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && mayBeFunction(node.right)) {
    return node.left.name.text;
  }
  return undefined;
}

function mayBeFunction(value: ts.Expression): boolean {
  const expression = skipOuter(value);
  return asFunction(expression) !== undefined || ts.isIdentifier(expression) || ts.isCallExpression(expression) || ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression) || ts.isConditionalExpression(expression) || ts.isBinaryExpression(expression) || ts.isNewExpression(expression);
}
