/**
 * Backward data flow: from a label argument to the values that can reach it.
 *
 * The tracer follows variables to every assignment, destructuring to the property it reads, object
 * and array literals to their elements, calls of the program's own functions to their returns (with
 * their parameters bound to the call's arguments), and parameters back to every call site. It stops
 * where the catalog or the type checker says a value is bounded, and where the catalog says a value is
 * an unbounded source. A depth budget, a work budget, an optional deadline and a cycle guard make every
 * trace terminate. A result cut short by any of them depends on where the trace started, so it is
 * never memoised: each trace reaches the same conclusion whatever was traced before it.
 */
import ts from 'typescript';
import { entity as entityById } from './catalog';
import type { EntityId, Member } from './catalog/model';
import { STRING_METHODS } from './catalog/string-methods';
import { VALIDATION_METHODS } from './catalog/validators';
import type { CardinalConfig } from '../analysis/config-types';
import { matchesConfiguredName } from '../analysis/configured-names';
import type { SourceKind } from '../analysis/source-kinds';
import { notes } from '../analysis/step-notes';
import { bounded, choice, combination, earlyPattern, extendRepairs, type Facts, isOpen, NOTHING, sourceTaint, type Taint, tainted, through, union, UNKNOWN, weakened } from '../analysis/value-facts';
import { weakness } from '../analysis/weak-sanitizers';
import { KNOWN_SETS } from '../analysis/known-sets';
import { dividedSet, listedSet, ROUTE_PATTERNS } from '../analysis/value-sets';
import { entityIdDescription, entityOfIdName, entityOfIdProperty } from '../analysis/entity-ids';
import { type Frame, frameFor, onStack } from './flow-frames';
import { arithmeticOperands, literalFacts } from './flow-literals';
import { PathReader } from './flow-paths';
import { finiteSetGuard, isGuardedUse } from './guards';
import { isOverridableMethod } from './methods';
import { routeMethodsAt } from './routes';
import { mapEntries, mapHeldBy } from './containers';
import { iteratedByLoop, iteratedByParameter } from './iteration';
import { boundedByType } from './bounded-types';
import type { ProgramIndex } from './program-index';
import { repairOf } from './repair';
import { routingPhaseOf } from './routing-phase';
import type { Resolver } from './resolver';
import { spanOf, stepAt } from './spans';
import { returnExpressions, skipOuter, staticName } from './syntax';

const MAX_DEPTH = 48;

/** The name of what `owner.id` belongs to: `order` in `order.id`, `user` in `req.user.id`. */
function ownerName(owner: ts.Expression): string | undefined {
  if (ts.isIdentifier(owner)) return owner.text;
  if (ts.isPropertyAccessExpression(owner)) return owner.name.text;
  return undefined;
}
const MAX_WORK = 20_000;
/** How many steps pass between two looks at the clock: reading it on every step would cost more than the steps. */
const CLOCK_INTERVAL = 256;

export class FlowTracer {
  private readonly memo = new Map<ts.Node, Facts>();
  private readonly active = new Set<ts.Node>();
  private work = 0;
  /** Cycle and budget cuts so far; a result computed while this grew is incomplete and not memoised. */
  private cuts = 0;
  private deadline = Infinity;
  private expired = false;

  private readonly paths: PathReader;

  constructor(
    private readonly resolver: Resolver,
    private readonly index: ProgramIndex,
    private readonly config: CardinalConfig,
  ) {
    this.paths = new PathReader(
      {
        value: (node, frame, depth) => this.value(node, frame, depth),
        spend: (depth) => this.spend(depth),
        memberFacts: (member, node, receiver) => this.memberFacts(member, node, receiver),
        taint: (kind, node, text) => this.taint(kind, node, text),
        mapFacts: (map, part, reader, frame, depth) => this.mapFacts(map, part, reader, frame, depth),
      },
      resolver,
      index,
    );
  }

  /**
   * Everything known about the values `node` can take. With a `deadline` (a `Date.now()` time) the
   * trace gives up once it passes, and its result is then incomplete.
   */
  trace(node: ts.Expression, deadline = Infinity): Facts {
    this.work = 0;
    this.deadline = deadline;
    this.expired = false;
    return this.value(node, undefined, 0);
  }

  /** Counts one step of the trace; false when a budget is spent and the step must give up. */
  private step(depth: number): boolean {
    if (depth > MAX_DEPTH || ++this.work > MAX_WORK || this.expired) return false;
    if (this.work % CLOCK_INTERVAL === 0 && Date.now() > this.deadline) {
      this.expired = true;
      return false;
    }
    return true;
  }

  /** Spends one step of the budgets; a step refused is a cut, and results computed across a cut are not memoised. */
  private spend(depth: number): boolean {
    if (this.step(depth)) return true;
    this.cuts++;
    return false;
  }

  private value(node: ts.Expression, frame: Frame | undefined, depth: number): Facts {
    if (!this.spend(depth)) return UNKNOWN;
    const memoizable = frame === undefined;
    if (memoizable) {
      const known = this.memo.get(node);
      if (known) return known;
    }
    if (this.active.has(node) && memoizable) {
      this.cuts++;
      return NOTHING;
    }
    const cutsBefore = this.cuts;
    if (memoizable) this.active.add(node);
    try {
      const facts = this.compute(node, frame, depth);
      if (memoizable && this.cuts === cutsBefore) this.memo.set(node, facts);
      return facts;
    } finally {
      if (memoizable) this.active.delete(node);
    }
  }

  private compute(original: ts.Expression, frame: Frame | undefined, depth: number): Facts {
    const node = skipOuter(original);
    const facts = this.followed(node, frame, depth);
    return isOpen(facts) ? (this.namedIdFacts(node) ?? facts) : facts;
  }

  /** A variable initialised by a cast (`const format = req.query.format as Format`), not by `as const`. */
  private isCastVariable(node: ts.Identifier): boolean {
    const declaration = this.index.declarationOf(node);
    let initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
    while (initializer && ts.isParenthesizedExpression(initializer)) initializer = initializer.expression;
    if (!initializer || !(ts.isAsExpression(initializer) || ts.isTypeAssertionExpression(initializer))) return false;
    const type = initializer.type;
    return !(ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'const');
  }

  /** A value followed no further whose own name says it is the id of a growing set (`projectId`, `order.id`). */
  private namedIdFacts(node: ts.Expression): Facts | undefined {
    let entity: string | undefined;
    if (ts.isIdentifier(node)) entity = entityOfIdName(node.text);
    else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = staticName(node, this.resolver.checker);
      const owner = ownerName(skipOuter(node.expression));
      if (name !== undefined) entity = entityOfIdName(name) ?? (owner === undefined ? undefined : entityOfIdProperty(owner, name));
    }
    if (entity === undefined) return undefined;
    return tainted(sourceTaint('entity-id', spanOf(node), node.getText(), { description: entityIdDescription(entity) }));
  }

  private followed(node: ts.Expression, frame: Frame | undefined, depth: number): Facts {
    const literal = literalFacts(node);
    if (literal) return literal;
    const catalogued = this.catalogFacts(node, frame, depth);
    if (catalogued) return catalogued;
    const custom = this.customSourceFacts(node);
    if (custom) return custom;
    const next = depth + 1;
    if (ts.isBinaryExpression(node) || ts.isConditionalExpression(node)) {
      // Each operand is checked against its own type, so the whole's type is asked only when they
      // leave the value open: for `req.route?.path ?? 'unmatched'` it would mean resolving the
      // framework's overloads for the whole route handler, the costliest question of a file.
      const structural = ts.isBinaryExpression(node) ? this.binaryFacts(node, frame, next) : this.conditionalFacts(node, frame, next);
      if (structural.taints.length === 0 && !structural.unknown) return structural;
      const byType = boundedByType(this.resolver.checker, node);
      return byType ? bounded(byType.why, false, byType.set) : structural;
    }
    if (!ts.isObjectLiteralExpression(node) && !ts.isArrayLiteralExpression(node)) {
      const byType = boundedByType(this.resolver.checker, node);
      if (byType && !(ts.isIdentifier(node) && this.isCastVariable(node))) return bounded(byType.why, false, byType.set);
      if (byType) {
        // A type that a cast gave the value is the writer's claim, not a bound: the client chose the value.
        const cast = this.identifierFacts(node as ts.Identifier, frame, next);
        return cast.taints.length > 0 ? cast : bounded(byType.why, false, byType.set);
      }
    }
    if (ts.isTemplateExpression(node)) {
      return through(combination(node.templateSpans.map((span) => this.value(span.expression, frame, next))), stepAt(node, notes.interpolated()));
    }
    if (ts.isPrefixUnaryExpression(node)) {
      return node.operator === ts.SyntaxKind.ExclamationToken ? bounded('a boolean', false, KNOWN_SETS.boolean) : this.value(node.operand, frame, next);
    }
    if (ts.isTypeOfExpression(node)) return bounded('a type name', false, KNOWN_SETS['type-name']);
    if (ts.isIdentifier(node)) return this.identifierFacts(node, frame, next);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.propertyFacts(node, frame, next);
    if (ts.isCallExpression(node)) return this.callFacts(node, frame, next);
    if (ts.isArrayLiteralExpression(node)) {
      return union(node.elements.map((element) => this.value(ts.isSpreadElement(element) ? element.expression : element, frame, next)));
    }
    return UNKNOWN;
  }

  /** Sources, route patterns and bounded values the catalog names. */
  private catalogFacts(node: ts.Expression, frame: Frame | undefined, depth: number): Facts | undefined {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const receiver = node.expression;
      const name = staticName(node, this.resolver.checker);
      const owner = this.resolver.entityOf(receiver);
      if (owner === undefined) return undefined;
      const member = name === undefined ? entityById(owner)?.anyMember : this.resolver.memberOf(owner, name);
      if (member) return this.memberFacts(member, node, receiver, owner);
      // A property the catalog does not list, of a value that is unbounded as a whole (an error's
      // `type`, a date's `year`), is no part of that whole: nothing is known of it.
      return entityById(owner)?.asValue ? UNKNOWN : undefined;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const behaviour = this.resolver.behaviourOf(node);
      if (!behaviour) return undefined;
      if (behaviour.returns) return this.memberFacts(behaviour.returns, node, undefined);
      if (behaviour.propagates) {
        const args = node.arguments ?? [];
        const carried = behaviour.propagates === 'all' ? args : behaviour.propagates.map((i) => args[i]).filter((a) => a !== undefined);
        if (carried.length === 0) return NOTHING;
        const call = `${skipOuter(node.expression).getText()}()`;
        const moved = through(combination(carried.map((arg) => this.value(arg, frame, depth + 1))), stepAt(node, notes.through(call)));
        return behaviour.weak ? weakened(moved, weakness(call, behaviour.weak)) : moved;
      }
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const id = this.resolver.entityOf(node);
      const asValue = id === undefined ? undefined : entityById(id)?.asValue;
      if (asValue) return tainted(this.taint(asValue, node));
    }
    return undefined;
  }

  private memberFacts(member: Member, node: ts.Expression, receiver: ts.Expression | undefined, owner?: EntityId): Facts {
    const phase = owner === undefined || !('source' in member || 'pattern' in member) ? undefined : routingPhaseOf(node, owner, this.resolver);
    if ('source' in member) {
      const repair = repairOf(node, member.fix, receiver, member.fix?.underMounts ? this.index.routerMounts(node.getSourceFile()) : 'none');
      return tainted(this.taint(member.source, node, node.getText(), repair && phase ? { ...repair, beforeRouting: phase } : repair));
    }
    if ('pattern' in member) return phase ? earlyPattern(spanOf(node), node.getText(), phase) : bounded('the matched route pattern', true, ROUTE_PATTERNS);
    if ('mountPath' in member) {
      if (!this.index.mountsWithParameters(node.getSourceFile())) return bounded('the mount path of the router (every mount path is static)');
      return tainted(sourceTaint('raw-path', spanOf(node), node.getText(), { description: 'the mount path a request matched (a mount path has parameters)' }));
    }
    if ('bounded' in member) {
      const route = member.values === 'http-method' ? routeMethodsAt(node) : undefined;
      if (route) return bounded(member.bounded, false, listedSet(route.methods, `the methods \`${route.registration}\` answers`));
      return bounded(member.bounded, false, member.values && KNOWN_SETS[member.values]);
    }
    if ('entity' in member) {
      const asValue = entityById(member.entity)?.asValue;
      return asValue ? tainted(this.taint(asValue, node)) : UNKNOWN;
    }
    return UNKNOWN;
  }

  private taint(kind: SourceKind, node: ts.Node, text = node.getText(), repair = repairOf(node, undefined, undefined)): Taint {
    return sourceTaint(kind, spanOf(node), text, { repair });
  }

  /** Sources declared in the configuration: `currentTenant()` or `ctx.state.user`. */
  private customSourceFacts(node: ts.Expression): Facts | undefined {
    if (this.config.sources.length === 0) return undefined;
    const isCall = ts.isCallExpression(node);
    if (!isCall && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
    const text = (isCall ? skipOuter(node.expression) : node).getText();
    for (const source of this.config.sources) {
      const wanted = isCall ? source.function : source.property;
      if (wanted === undefined || !matchesConfiguredName(text, wanted)) continue;
      const kind: SourceKind = source.kind === 'raw-path' ? 'raw-path' : 'custom';
      return tainted(sourceTaint(kind, spanOf(node), node.getText(), { repair: repairOf(node, undefined, undefined), description: source.description }));
    }
    return undefined;
  }

  private binaryFacts(node: ts.BinaryExpression, frame: Frame | undefined, depth: number): Facts {
    const operator = node.operatorToken.kind;
    switch (operator) {
      case ts.SyntaxKind.SlashToken: {
        const divided = this.divisionFacts(node, frame, depth);
        if (divided) return divided;
        return through(combination(arithmeticOperands(node).map((operand) => this.value(operand, frame, depth))), stepAt(node, notes.combined()));
      }
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.MinusToken:
      case ts.SyntaxKind.AsteriskToken:
      case ts.SyntaxKind.PercentToken:
        return through(combination(arithmeticOperands(node).map((operand) => this.value(operand, frame, depth))), stepAt(node, notes.combined()));
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return this.alternatives(node.left, node.right, frame, depth);
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.EqualsToken:
        return this.value(node.right, frame, depth);
      case ts.SyntaxKind.PlusEqualsToken:
        return combination([this.value(node.left, frame, depth), this.value(node.right, frame, depth)]);
      default:
        return bounded('a comparison or arithmetic result');
    }
  }

  /** `Math.floor(code / 100)`: an integer set with a range, divided by a literal and rounded down, has fewer values (a status code's class). */
  private divisionFacts(node: ts.BinaryExpression, frame: Frame | undefined, depth: number): Facts | undefined {
    const divisor = skipOuter(node.right);
    if (!ts.isNumericLiteral(divisor) || !isRoundedDown(node)) return undefined;
    const dividend = this.value(node.left, frame, depth);
    const set = dividend.taints.length === 0 && !dividend.unknown && dividend.set ? dividedSet(dividend.set, Number(divisor.text)) : undefined;
    return set && bounded(dividend.bounded ?? 'a quotient', false, set);
  }

  /** `a || b`, `a ?? b`, `c ? a : b`: either side; a raw side next to a route pattern is a fallback for unmatched requests. */
  private alternatives(first: ts.Expression, second: ts.Expression, frame: Frame | undefined, depth: number): Facts {
    return choice([this.value(first, frame, depth), this.value(second, frame, depth)]);
  }

  private conditionalFacts(node: ts.ConditionalExpression, frame: Frame | undefined, depth: number): Facts {
    const guarded = finiteSetGuard(this.resolver.checker, node);
    if (guarded === 'whenTrue') return union([bounded('checked against a finite set'), this.value(node.whenFalse, frame, depth)]);
    if (guarded === 'whenFalse') return union([this.value(node.whenTrue, frame, depth), bounded('checked against a finite set')]);
    return this.alternatives(node.whenTrue, node.whenFalse, frame, depth);
  }

  private identifierFacts(node: ts.Identifier, frame: Frame | undefined, depth: number): Facts {
    if (node.text === 'undefined') return bounded('undefined', false, KNOWN_SETS.undefined);
    if (isGuardedUse(this.resolver.checker, node)) return bounded('checked against a finite set');
    const declaration = this.index.declarationOf(node);
    if (!declaration) return UNKNOWN;
    if (ts.isEnumMember(declaration)) return bounded('an enum member', false, listedSet([`${declaration.parent.name.text}.${declaration.name.getText()}`]));
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
      const name = declaration.name.text;
      const looped = iteratedByLoop(declaration);
      if (looped) return this.elementFacts(looped, declaration.name, frame, depth);
      const parts: Facts[] = [];
      const local = frameFor(declaration, frame);
      if (declaration.initializer) parts.push(through(this.value(declaration.initializer, local, depth), stepAt(declaration.name, notes.assignedTo(name))));
      for (const assigned of this.index.assignmentsTo(declaration)) {
        parts.push(through(this.value(assigned, frameFor(assigned, frame), depth), stepAt(assigned.parent, notes.assignedTo(name))));
      }
      // An array or set filled after it was made holds what was put in it too (a map's entries are read apart).
      for (const { call, value, part } of this.index.insertionsInto(declaration)) {
        if (part === 'element') parts.push(through(this.value(value, frameFor(value, frame), depth), stepAt(call, notes.addedTo(name))));
      }
      return parts.length > 0 ? choice(parts) : UNKNOWN;
    }
    if (ts.isBindingElement(declaration)) return this.paths.bindingFacts(declaration, frameFor(declaration, frame), depth);
    if (ts.isParameter(declaration)) {
      const passed = this.parameterFacts(declaration, frame, depth);
      // `path = path.toLowerCase()` inside the function: the parameter holds what was passed or what it became.
      const reassigned = ts.isIdentifier(declaration.name) ? this.index.assignmentsTo(declaration) : [];
      if (reassigned.length === 0) return passed;
      const name = declaration.name.getText();
      return choice([passed, ...reassigned.map((assigned) => through(this.value(assigned, frameFor(assigned, frame), depth), stepAt(assigned.parent, notes.assignedTo(name))))]);
    }
    if (ts.isPropertyAssignment(declaration)) return this.value(declaration.initializer, undefined, depth);
    if (ts.isShorthandPropertyAssignment(declaration)) return this.value(declaration.name, undefined, depth);
    return UNKNOWN;
  }

  private propertyFacts(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, frame: Frame | undefined, depth: number): Facts {
    const stored = this.resolver.stores.valuesAt(node);
    if (stored.length > 0) {
      const parts = stored.map(({ value, rest, write }) => through(this.paths.readPath(value, rest, undefined, depth), stepAt(write, notes.storedAs(skipOuter((write as ts.BinaryExpression).left).getText()))));
      return through(choice(parts), stepAt(node, notes.readFrom(node.getText())));
    }
    const name = staticName(node, this.resolver.checker);
    const declared = this.index.propertyDeclarationOf(node);
    if (declared) {
      const parts: Facts[] = [];
      if (declared.initializer) parts.push(this.value(declared.initializer, undefined, depth));
      for (const assigned of this.index.assignmentsTo(declared.declaration)) parts.push(this.value(assigned, undefined, depth));
      if (parts.length > 0) return through(choice(parts), stepAt(node, notes.readFrom(node.getText())));
    }
    if (name !== undefined) {
      const key = /^\d+$/.test(name) ? Number(name) : name;
      const read = this.paths.readPath(node.expression, [key], frame, depth);
      if (read === UNKNOWN) return read;
      return through(extendRepairs(read, spanOf(skipOuter(node.expression)), spanOf(node)), stepAt(node, notes.readFrom(node.getText())));
    }
    const container = this.index.literalOf(node.expression);
    if (container && ts.isObjectLiteralExpression(container)) {
      // A lookup table indexed by a dynamic key yields one of its values.
      const values = container.properties.filter(ts.isPropertyAssignment).map((p) => this.value(p.initializer, frame, depth));
      return values.length > 0 ? union([...values, bounded('undefined', false, KNOWN_SETS.undefined)]) : UNKNOWN;
    }
    const receiver = this.value(node.expression, frame, depth);
    if (receiver.taints.length > 0) return through({ ...receiver, bounded: undefined }, stepAt(node, notes.indexedWithComputedKey()));
    return UNKNOWN;
  }

  private callFacts(node: ts.CallExpression, frame: Frame | undefined, depth: number): Facts {
    const callee = skipOuter(node.expression);
    const calleeText = callee.getText();
    if (this.config.sanitizers.some((name) => matchesConfiguredName(calleeText, name))) return bounded(`sanitized by '${calleeText}()'`);
    const fn = this.resolver.functionDeclarationOf(callee);
    if (fn) return this.returnFacts(fn, node, frame, depth);
    if (ts.isPropertyAccessExpression(callee) && VALIDATION_METHODS.has(callee.name.text) && node.arguments.length > 0) {
      return through(this.value(node.arguments[0], frame, depth), stepAt(node, notes.through(`.${callee.name.text}()`)));
    }
    const map = ts.isPropertyAccessExpression(callee) && callee.name.text === 'get' ? mapHeldBy(callee.expression, this.index) : undefined;
    if (map) return this.mapFacts(map, 'value', node, frame, depth);
    if (ts.isPropertyAccessExpression(callee)) {
      const effect = Object.hasOwn(STRING_METHODS, callee.name.text) ? STRING_METHODS[callee.name.text] : undefined;
      if (effect) {
        const receiver = this.value(callee.expression, frame, depth);
        const carried = callee.name.text === 'concat' ? combination([receiver, ...node.arguments.map((a) => this.value(a, frame, depth))]) : receiver;
        const call = `.${callee.name.text}()`;
        const moved = through(carried, stepAt(node, notes.through(call)));
        return effect.effect === 'weak' ? weakened(moved, weakness(call, effect.why)) : moved;
      }
    }
    return UNKNOWN;
  }

  /** A call to the program's own function: the union of its returns, with parameters bound to this call's arguments. */
  private returnFacts(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, call: ts.CallExpression, frame: Frame | undefined, depth: number): Facts {
    if (onStack(fn, frame)) return NOTHING; // recursion adds nothing the outer call does not already

    const inner: Frame = { fn, args: call.arguments, caller: frame };
    const returns = returnExpressions(fn);
    if (returns.length === 0) return UNKNOWN;
    const name = fn.name ? fn.name.getText() : skipOuter(call.expression).getText();
    return through(choice(returns.map((r) => this.value(r, inner, depth))), stepAt(call, notes.returnedBy(name)));
  }

  private parameterFacts(param: ts.ParameterDeclaration, frame: Frame | undefined, depth: number): Facts {
    const member = this.resolver.parameterMember(param);
    if (member) {
      if ('source' in member) {
        const decorator = ts.getDecorators(param)?.[0];
        return tainted(this.taint(member.source, decorator ? decorator.expression : param.name));
      }
      return this.memberFacts(member, param.name as ts.Identifier, undefined);
    }
    const iterated = iteratedByParameter(param);
    if (iterated && ts.isIdentifier(param.name)) {
      const map = mapHeldBy(iterated.collection, this.index);
      if (map) return this.mapFacts(map, iterated.part === 'key' ? 'key' : 'value', param.name, frame, depth);
      if (iterated.part === 'element') return this.elementFacts(iterated.collection, param.name, frame, depth);
    }
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    const name = param.name.getText();
    for (let f = frame; f; f = f.caller) {
      if (f.fn === fn) {
        const arg = f.args[index];
        if (arg) return through(this.value(arg, f.caller, depth), stepAt(param.name, notes.passedAs(name)));
        return param.initializer ? this.value(param.initializer, f.caller, depth) : bounded('undefined', false, KNOWN_SETS.undefined);
      }
    }
    if (this.isConfiguredSink(fn)) return bounded('judged where the configured sink is called');
    const invocations = this.index.invocationsOf(fn);
    if (invocations.length === 0) return param.initializer ? union([UNKNOWN, this.value(param.initializer, undefined, depth)]) : UNKNOWN;
    const parts = invocations.map(({ args, event }) => {
      const arg = args[index];
      if (!arg || ts.isSpreadElement(arg)) return param.initializer ? this.value(param.initializer, undefined, depth) : UNKNOWN;
      const value = this.value(arg, undefined, depth);
      const emitted = event === undefined ? value : through(value, stepAt(arg, notes.emittedAs(event)));
      return through(emitted, stepAt(param.name, notes.passedAs(name)));
    });
    // A method can also be called through an interface or a base class, where no index finds the call:
    // what its found callers pass is not all it receives.
    return union(isOverridableMethod(fn) ? [...parts, UNKNOWN] : parts);
  }

  /** A map's keys or values as `reader` gets them (see `mapEntries`). */
  private mapFacts(map: ts.VariableDeclaration, part: 'key' | 'value', reader: ts.Node, frame: Frame | undefined, depth: number): Facts {
    const holder = map.name.getText();
    const parts = mapEntries(map, part, this.index).map(({ value, call }) => {
      const facts = this.value(value, frameFor(value, frame), depth);
      return call ? through(facts, stepAt(call, notes.addedTo(holder))) : facts;
    });
    return parts.length > 0 ? through(choice(parts), stepAt(reader, notes.readFrom(holder))) : UNKNOWN;
  }

  /** What any element of `collection` holds, as the variable `name` that iteration puts it in. */
  private elementFacts(collection: ts.Expression, name: ts.Identifier, frame: Frame | undefined, depth: number): Facts {
    return through(through(this.value(collection, frame, depth), stepAt(collection, notes.elementOf(collection.getText()))), stepAt(name, notes.assignedTo(name.text)));
  }

  /** A team's wrapper listed as a sink: its arguments are reported at each call, not again inside it. */
  private isConfiguredSink(fn: ts.SignatureDeclaration): boolean {
    if (this.config.sinks.length === 0) return false;
    const holder = fn.parent && (ts.isVariableDeclaration(fn.parent) || ts.isPropertyAssignment(fn.parent)) ? fn.parent.name : fn.name;
    const name = holder?.getText();
    return name !== undefined && this.config.sinks.some((sink) => sink.function === name || sink.function.endsWith(`.${name}`));
  }
}

/** The quotient is rounded down to an integer: `Math.floor(a / b)`, `Math.trunc(a / b)`, `(a / b) | 0`. */
function isRoundedDown(division: ts.BinaryExpression): boolean {
  let node: ts.Node = division;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) return ['Math.floor', 'Math.trunc'].includes(parent.expression.getText());
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.BarToken && parent.right.getText() === '0';
}
