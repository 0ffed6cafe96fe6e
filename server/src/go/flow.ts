/**
 * Backward data flow inside one Go package: from the expression a label receives back to where its
 * value comes from. It follows declarations and every assignment (also inside `if` blocks: the route
 * fallback), `+` and `fmt.Sprintf`, string helpers, slice and map literals, struct literal fields,
 * function parameters (to every call site in the package) and return values. It stops at sources
 * (unbounded) and at bounded values (literals, constants, route patterns, status codes, membership
 * checks against a finite set).
 *
 * Every hop spends depth; a trace deeper than `MAX_DEPTH`, longer than `MAX_VISITS` or coming back
 * to an expression it is still tracing ends as `unknown` (and is not memoized). Chains of `+` and
 * parentheses are walked iteratively, so deeply nested expressions cost no stack.
 */
import type { CardinalConfig } from '../analysis/config-types';
import { matchesConfiguredName } from '../analysis/configured-names';
import { entityIdDescription, entityOfIdName, entityOfIdProperty } from '../analysis/entity-ids';
import { notes } from '../analysis/step-notes';
import { bounded, choice, combination, earlyPattern, type Facts, isOpen, sourceTaint, tainted, through, union, UNKNOWN, weakened } from '../analysis/value-facts';
import { WEAK_REASONS, weakness } from '../analysis/weak-sanitizers';
import { KNOWN_SETS } from '../analysis/known-sets';
import { dividedSet, joinSets, listedSet, ROUTE_PATTERNS } from '../analysis/value-sets';
import { GO_CATALOGS, type GoCatalog, type StoreRule, type Transform } from './catalog';
import type { ChainResolver, TypedFrame } from './chains';
import type { Containers, Element } from './containers';
import { equalityPartner, isFiniteSetCheck, isInsideFixedCase } from './guards';
import { LITERALS, literalMember, ZERO_VALUE } from './literal-values';
import type { GoPackage } from './package-index';
import type { GoProgram } from './program';
import { methodRewrite } from './method-helper';
import { repairOf } from './repair';
import { goRoutingPhase } from './routing-phase';
import type { Binding, Definition, Scopes } from './scopes';
import { spanOf, stepAt } from './spans';
import { contains, descendants, fieldOf, fieldsOf, FUNCTION_TYPES, namedChildren, operatorOf, textOf, unwrapParentheses, type GoNode } from './syntax';

/** One of several alternatives (assignments reaching a read, returns): unknown when there are none. */
function anyOf(parts: readonly Facts[]): Facts {
  return parts.length === 0 ? UNKNOWN : choice(parts);
}

const MAX_DEPTH = 160;
/** Values of one field name followed at most: past it, a field is too widely shared to say anything. */
const MAX_FIELD_WRITES = 16;
/** Bounds on following a func value through variables, parameters and fields. */
const MAX_FUNCTION_HOPS = 8;
const MAX_FUNCTION_VALUES = 16;
/** Expressions one label's trace may visit: recursive functions cannot make a trace exponential. */
const MAX_VISITS = 20_000;
/** Expressions a `switch` can test and a `case` then bounds. */
const SWITCHABLE: ReadonlySet<string> = new Set(['identifier', 'selector_expression', 'call_expression']);
const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '&&', '||']);
/** Conversions that keep the value; tree-sitter reads `string(b)` and `int64(n)` as calls. */
const CONVERSIONS: ReadonlySet<string> = new Set(['string', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'byte', 'rune']);
/** Names a value of type `error` usually has where its type is not written: `v, err := f()`. */
const ERROR_NAME = /^(err|.+Err)$/;

/** A call and the function of the project it runs. */
export interface CallSite {
  readonly fn: GoNode;
  readonly call: GoNode;
}

/** A call being followed into its function: there, the function's parameters are that call's arguments. */
interface CallFrame extends CallSite {
  /** Facts found under this frame hold for this call only. */
  readonly memo: Map<GoNode, Facts>;
}

/** What the tracers of one program share: a trace crossing packages keeps its budget, cycle checks and calls. */
export class TraceState {
  readonly frames: CallFrame[] = [];
  readonly inProgress = new Set<GoNode>();
  /** Counts traces cut short (cycle or depth): a result computed during one is not final, so not memoized. */
  cutShort = 0;
  visits = 0;
}

export class FlowTracer {
  private readonly memo = new Map<GoNode, Facts>();
  private readonly state: TraceState;

  constructor(
    private readonly pkg: GoPackage,
    private readonly scopes: Scopes,
    private readonly chains: ChainResolver,
    private readonly containers: Containers,
    private readonly config: CardinalConfig,
    private readonly program: GoProgram,
  ) {
    this.state = program.state;
  }

  /** Whether a statement records into a vector whose recordings may move (the vectors know their kind). */
  private readonly recordsAnyTime = (expression: GoNode): boolean => this.program.contextOfFile(expression.file)?.vectors.recordsAnyTime(expression) ?? false;

  private get frames(): CallFrame[] {
    return this.state.frames;
  }

  /** What is known about the values `expression` can take. */
  trace(expression: GoNode, depth = 0): Facts {
    const node = unwrapParentheses(expression);
    const owner = this.ownerOf(node);
    if (owner !== this) return owner ? owner.trace(node, depth) : UNKNOWN;
    const state = this.state;
    const memo = state.frames.length === 0 ? this.memo : state.frames[state.frames.length - 1].memo;
    const known = memo.get(node);
    if (known) return known;
    if (depth === 0) state.visits = 0;
    if (depth > MAX_DEPTH || state.inProgress.has(node) || ++state.visits > MAX_VISITS) {
      state.cutShort++;
      return UNKNOWN;
    }
    state.inProgress.add(node);
    const cutShortBefore = state.cutShort;
    try {
      const facts = this.traceNode(node, depth + 1);
      if (state.cutShort === cutShortBefore) memo.set(node, facts);
      return facts;
    } finally {
      state.inProgress.delete(node);
    }
  }

  private traceNode(node: GoNode, depth: number): Facts {
    const facts = this.followNode(node, depth);
    return isOpen(facts) ? (this.namedIdFacts(node) ?? facts) : facts;
  }

  /** A value followed no further whose own name says it is the id of a growing set (`projectID`, `order.ID`). */
  private namedIdFacts(node: GoNode): Facts | undefined {
    let entity: string | undefined;
    if (node.type === 'identifier') entity = entityOfIdName(textOf(node));
    else if (node.type === 'selector_expression') {
      const field = fieldOf(node, 'field');
      const operand = unwrapParentheses(fieldOf(node, 'operand') as GoNode);
      const owner = operand.type === 'identifier' ? operand : operand.type === 'selector_expression' ? fieldOf(operand, 'field') : undefined;
      if (field) entity = entityOfIdName(textOf(field)) ?? (owner ? entityOfIdProperty(textOf(owner), textOf(field)) : undefined);
    }
    if (entity === undefined) return undefined;
    return tainted(sourceTaint('entity-id', spanOf(node), textOf(node), { description: entityIdDescription(entity) }));
  }

  private followNode(node: GoNode, depth: number): Facts {
    const custom = this.customFacts(node);
    if (custom) return custom;
    if (LITERALS.has(node.type)) return bounded('a literal', false, node.type === 'iota' ? undefined : listedSet([literalMember(node)]));
    if (SWITCHABLE.has(node.type) && isInsideFixedCase(node, this.scopes, this.pkg)) return bounded('one of the cases it was switched on');
    switch (node.type) {
      case 'identifier':
        return this.traceIdentifier(node, depth);
      case 'binary_expression':
        return this.traceBinary(node, depth);
      case 'unary_expression':
        return operatorOf(node) === '!' ? bounded('a boolean', false, KNOWN_SETS.boolean) : this.trace(fieldOf(node, 'operand') as GoNode, depth);
      case 'selector_expression':
      case 'call_expression':
      case 'index_expression':
        return this.traceChain(node, depth);
      case 'type_conversion_expression':
      case 'type_assertion_expression':
        return this.trace(fieldOf(node, 'operand') as GoNode, depth);
      case 'slice_expression': {
        const facts = this.trace(fieldOf(node, 'operand') as GoNode, depth);
        return fieldOf(node, 'end') ? weakened(through(facts, stepAt(node, notes.through(textOf(node)))), weakness(textOf(node), WEAK_REASONS.truncate)) : facts;
      }
      case 'composite_literal':
        return union(literalElements(node).map((element) => this.trace(element, depth)));
      default:
        return UNKNOWN;
    }
  }

  /** `a + b + c` (walked without recursion), comparisons (booleans) and arithmetic. */
  private traceBinary(node: GoNode, depth: number): Facts {
    const operator = operatorOf(node);
    if (operator !== undefined && COMPARISONS.has(operator)) return bounded('a boolean', false, KNOWN_SETS.boolean);
    const operands: GoNode[] = [];
    const stack = [node];
    while (stack.length > 0) {
      const current = unwrapParentheses(stack.pop() as GoNode);
      if (current.type === 'binary_expression' && operatorOf(current) === operator) {
        stack.push(fieldOf(current, 'right') as GoNode, fieldOf(current, 'left') as GoNode);
      } else {
        operands.push(current);
      }
    }
    const parts = operands.map((operand) => this.trace(operand, depth));
    const quotient = operator === '/' && operands.length === 2 ? integerQuotient(parts[0], operands[1]) : undefined;
    if (quotient) return quotient;
    return operands.length === 1 ? parts[0] : through(combination(parts), stepAt(node, notes.combined()));
  }

  private traceChain(node: GoNode, depth: number): Facts {
    const match = this.chains.match(node);
    if (match?.kind === 'fact') {
      const { fact } = match;
      if (fact.kind === 'route-pattern') {
        const phase = goRoutingPhase(node, match.frames, this.pkg, this.recordsAnyTime);
        return phase ? earlyPattern(spanOf(node), textOf(node), phase) : bounded('the matched route pattern', true, ROUTE_PATTERNS);
      }
      if (fact.kind === 'bounded' && fact.unlessCalled && this.programCalls(fact.unlessCalled.function)) {
        return tainted(sourceTaint(fact.unlessCalled.source, spanOf(node), textOf(node)));
      }
      if (fact.kind === 'bounded') return bounded(`the ${fact.description}`, false, fact.values && KNOWN_SETS[fact.values]);
      // The method helper takes a string: only a net/http request's `Method` is rewritten.
      const isStringMethod = match.frames[match.frames.length - 1]?.type.package === 'net/http';
      const repair = fact.source === 'http-method' ? (isStringMethod ? { bounding: methodRewrite(node, this.pkg) } : undefined) : this.repair(match.frames, node);
      return tainted(sourceTaint(fact.source, spanOf(node), textOf(node), { repair }));
    }
    if (match?.kind === 'transform') return this.applyTransform(match.transform, match.call, depth);
    if (match?.kind === 'typed') return UNKNOWN;
    if (node.type === 'call_expression') return this.traceCall(node, depth);
    if (node.type === 'index_expression') return this.traceIndex(node, depth);
    return this.traceField(node, depth);
  }

  private applyTransform(transform: Transform, call: GoNode, depth: number): Facts {
    const args = callArguments(call);
    const callee = `${textOf(fieldOf(call, 'function') as GoNode)}()`;
    const step = stepAt(call, notes.through(callee));
    switch (transform.kind) {
      case 'bounded':
        return bounded(`a ${transform.why}`, false, transform.values && KNOWN_SETS[transform.values]);
      case 'concat':
        return through(combination(args.slice(transform.from).map((arg) => this.trace(argumentValue(arg), depth))), step);
      case 'pass':
        return args[transform.argument] ? through(this.trace(argumentValue(args[transform.argument]), depth), step) : UNKNOWN;
      case 'weak': {
        const arg = args[transform.argument];
        return arg ? weakened(through(this.trace(arg, depth), step), weakness(callee, transform.reason)) : UNKNOWN;
      }
    }
  }

  /** How the raw read at `node` (read through `frames`) would be rewritten. */
  private repair(frames: readonly TypedFrame[], node: GoNode) {
    const repair = repairOf(frames, node, this.pkg);
    const phase = goRoutingPhase(node, frames, this.pkg, this.recordsAnyTime);
    return phase ? { ...repair, beforeRouting: phase } : repair;
  }

  /** A call the catalogs do not know: conversions, and functions or methods of this package. */
  private traceCall(call: GoNode, depth: number): Facts {
    const callee = unwrapParentheses(fieldOf(call, 'function') as GoNode);
    const args = callArguments(call);
    const isBuiltinName = callee.type === 'identifier' && !this.scopes.resolve(callee);
    if (args.length === 1 && ((isBuiltinName && CONVERSIONS.has(textOf(callee))) || (callee.type === 'identifier' && this.pkg.declaresType(textOf(callee))))) {
      return this.trace(args[0], depth);
    }
    if (callee.type === 'selector_expression' && textOf(fieldOf(callee, 'field') as GoNode) === 'Error' && args.length === 0) return this.traceErrorMessage(call, depth);
    const store = callee.type === 'selector_expression' && args.length === 1 ? this.storeRead(callee) : undefined;
    if (store) return this.traceStored(store.catalog, store.rule, args[0], depth);
    if (isBuiltinName) {
      // Builtins: `append` holds its arguments' elements, `make` zero values.
      if (textOf(callee) === 'append') return union(args.map((arg) => this.trace(argumentValue(arg), depth)));
      if (textOf(callee) === 'make') return bounded('the zero value', false, ZERO_VALUE);
    }
    const functions = this.functionsCalled(callee);
    return functions.length === 0 ? UNKNOWN : anyOf(functions.map((fn) => this.traceReturns(fn, 0, call, depth)));
  }

  /** True when some loaded package calls a function of this name (`grpc.UnknownServiceHandler(…)`). */
  private programCalls(name: string): boolean {
    return this.program.loadedContexts().some((context) => context.pkg.callsNamed(name).length > 0);
  }

  /** The store rule a getter call reads through (`c.GetString`, `ctx.Value`), when its receiver is a catalogued store. */
  private storeRead(callee: GoNode): { catalog: GoCatalog; rule: StoreRule } | undefined {
    const match = this.chains.match(fieldOf(callee, 'operand') as GoNode);
    if (match?.kind !== 'typed') return undefined;
    const type = match.frames[match.frames.length - 1].type;
    const catalog = GO_CATALOGS.find((candidate) => candidate.id === type.package);
    const method = textOf(fieldOf(callee, 'field') as GoNode);
    const rule = catalog?.stores?.find((candidate) => candidate.type === type.name && candidate.getters.includes(method));
    return catalog && rule ? { catalog, rule } : undefined;
  }

  /** What every setter of the store put under the same key, in this package and the loaded ones. */
  private traceStored(catalog: GoCatalog, rule: StoreRule, key: GoNode, depth: number): Facts {
    const wanted = this.storeKey(key);
    const { setter } = rule;
    const name = (setter.method ?? setter.function) as string;
    const parts: Facts[] = [];
    for (const context of this.program.loadedContexts()) {
      for (const call of context.pkg.callsNamed(name)) {
        const callee = fieldOf(call, 'function');
        const operand = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
        if (!operand) continue;
        const isFunction = operand.type === 'identifier' && context.pkg.isImportAlias(call.file, textOf(operand));
        if (setter.function !== undefined ? !isFunction || context.pkg.catalogForAlias(call.file, textOf(operand)) !== catalog : isFunction) continue;
        const args = callArguments(call);
        const value = args[setter.value];
        if (!value || args.length !== Math.max(setter.key, setter.value) + 1 || context.tracer.storeKey(args[setter.key]) !== wanted) continue;
        parts.push(through(this.trace(value, depth), stepAt(value, notes.storedAs(`${name}(${textOf(args[setter.key])})`))));
      }
    }
    return anyOf(parts);
  }

  /** A store key as it can be compared across files: a constant's string, else the key as written. */
  storeKey(key: GoNode): string {
    const value = this.containers.constantKey(key);
    return value === undefined ? `code:${textOf(unwrapParentheses(key))}` : `value:${value}`;
  }

  /** `err.Error()`: what the error is, when known (a sentinel's constant text); else an error message. */
  private traceErrorMessage(call: GoNode, depth: number): Facts {
    const operand = fieldOf(fieldOf(call, 'function') as GoNode, 'operand') as GoNode;
    const facts = this.trace(operand, depth);
    const knownOnlyAsAnError = facts.taints.length > 0 && facts.taints.every((taint) => taint.kind === 'error-message');
    if (!knownOnlyAsAnError && (facts.taints.length > 0 || !facts.unknown)) return facts;
    return tainted(sourceTaint('error-message', spanOf(call), textOf(call)));
  }

  /**
   * The functions a callee may run: a function or method of this package, a closure held in a
   * variable, or the functions stored in a func-valued field (its default in a struct literal, the
   * ones option functions assign).
   */
  private functionsCalled(callee: GoNode): GoNode[] {
    const declaration = this.calledFunction(callee);
    if (declaration) return [declaration];
    const found = new Set<GoNode>();
    this.collectFunctionValues(callee, found, new Set(), 0);
    if (found.size === 0 && callee.type === 'selector_expression') {
      const operand = fieldOf(callee, 'operand');
      const isPackage = operand?.type === 'identifier' && this.pkg.isImportAlias(callee.file, textOf(operand));
      if (!isPackage) return this.program.interfaceImplementations(textOf(fieldOf(callee, 'field') as GoNode));
    }
    return [...found];
  }

  private collectFunctionValues(expression: GoNode, found: Set<GoNode>, seen: Set<GoNode>, hops: number): void {
    const node = unwrapParentheses(expression);
    if (seen.has(node) || hops > MAX_FUNCTION_HOPS || found.size >= MAX_FUNCTION_VALUES) return;
    seen.add(node);
    if (node.type === 'func_literal') {
      found.add(node);
      return;
    }
    if (node.type === 'identifier') {
      const binding = this.scopes.resolve(node);
      if (binding?.kind === 'function') found.add(binding.declaration);
      if (!binding || binding.kind === 'function' || binding.kind === 'constant') return;
      if (binding.kind === 'parameter') {
        for (const arg of this.argumentsFor(binding)) this.collectFunctionValues(arg, found, seen, hops + 1);
        return;
      }
      for (const definition of this.scopes.definitionsOf(binding)) {
        if (definition.value && definition.resultIndex === undefined && !definition.range) this.collectFunctionValues(definition.value, found, seen, hops + 1);
      }
      return;
    }
    if (node.type === 'selector_expression') {
      const operand = fieldOf(node, 'operand');
      if (operand?.type === 'identifier' && this.pkg.isImportAlias(node.file, textOf(operand))) return;
      const name = textOf(fieldOf(node, 'field') as GoNode);
      const methods = this.pkg.methodsNamed(name);
      if (methods.length === 1) found.add(methods[0]);
      if (methods.length > 0 || !this.pkg.declaresField(name)) return;
      for (const value of this.pkg.fieldValues(name)) this.collectFunctionValues(value, found, seen, hops + 1);
    }
  }

  /** The arguments the call sites of `binding`'s function pass for it (a closure's: where the closure is called). */
  private argumentsFor(binding: Binding): GoNode[] {
    const fn = binding.scope;
    if (!fn) return [];
    const index = parameterIndex(fn, binding.identifier);
    if (index < 0) return [];
    const calls = this.callSitesOf(fn);
    return calls.flatMap((call) => {
      const arg = callArguments(call)[index];
      return arg && arg.type !== 'variadic_argument' ? [arg] : [];
    });
  }

  /**
   * Where a function literal is called: through the variable or the struct field it is stored in
   * (`fn := func…; fn(x)`, `Opts{LabelFn: func…}` then `o.LabelFn(c)`). A literal called in place
   * (`func(x string) { … }(v)`) is its own call.
   */
  private callsOfLiteral(literal: GoNode): GoNode[] {
    const parent = literal.parent;
    if (parent?.type === 'call_expression' && fieldOf(parent, 'function') === literal) return [parent];
    const store = storeOf(literal);
    if (!store) return [];
    if (store.kind === 'field') {
      return this.pkg.callsNamed(store.name).filter((call) => {
        const callee = fieldOf(call, 'function');
        return callee?.type === 'selector_expression' && this.pkg.methodsNamed(store.name).length === 0;
      });
    }
    const binding = this.scopes.resolve(store.target);
    return binding
      ? this.pkg.callsNamed(binding.name).filter((call) => {
          const callee = fieldOf(call, 'function');
          return callee?.type === 'identifier' && this.scopes.resolve(callee) === binding;
        })
      : [];
  }

  /**
   * `m[k]`: a lookup in a map literal of bounded values is bounded; `vals[1]` is what was put at
   * position 1 (or anywhere); otherwise an element of the container.
   */
  private traceIndex(node: GoNode, depth: number): Facts {
    const operand = fieldOf(node, 'operand') as GoNode;
    const literal = this.compositeLiteralOf(operand, depth);
    if (literal && fieldOf(literal, 'type')?.type === 'map_type') {
      const values = literalElements(literal).map((value) => this.trace(value, depth));
      const facts = union(values);
      if (values.length > 0 && facts.taints.length === 0 && !facts.unknown) return bounded(`a lookup in '${textOf(operand)}'`, false, facts.set && joinSets([facts.set, ZERO_VALUE]));
    }
    if (unwrapParentheses(operand).type !== 'identifier') return this.trace(operand, depth);
    const contents = this.containers.contentsOf(operand);
    const index = fieldOf(node, 'index');
    const key = index && this.containers.constantKey(index);
    const elements = key === undefined ? [...[...contents.at.values()].flat(), ...contents.anywhere] : [...(contents.at.get(key) ?? []), ...contents.anywhere];
    return this.traceElements(elements, depth);
  }

  /** The values of container elements, each with the step that put it there. */
  private traceElements(elements: readonly Element[], depth: number): Facts {
    return anyOf(elements.map((element) => this.trace(element.value, depth)));
  }

  /** `obj.field` where `obj` was built from a struct literal: the field's value there. */
  private traceField(node: GoNode, depth: number): Facts {
    if (node.type !== 'selector_expression') return UNKNOWN;
    const operand = fieldOf(node, 'operand');
    if (operand?.type === 'identifier' && this.pkg.isImportAlias(node.file, textOf(operand))) return this.traceImportedName(node, textOf(operand), depth);
    const literal = this.compositeLiteralOf(fieldOf(node, 'operand') as GoNode, depth);
    const field = textOf(fieldOf(node, 'field') as GoNode);
    const step = stepAt(node, notes.readFrom(textOf(node)));
    const value = literal && keyedElements(literal).find((element) => element.key === field)?.value;
    if (value) return through(this.trace(value, depth), step);
    const passed = literal ? undefined : this.parameterOf(operand as GoNode);
    if (passed) return through(this.traceFieldOfArguments(passed, field, depth), step);
    // A field of this package's structs set after construction: every value given to a field of that name.
    const written = this.pkg.declaresField(field) ? this.pkg.fieldValues(field) : [];
    if (written.length === 0 || written.length > MAX_FIELD_WRITES) return UNKNOWN;
    return through(anyOf(written.map((write) => this.trace(write, depth))), step);
  }

  /** The parameter (not a receiver) `expression` names, if it does. */
  private parameterOf(expression: GoNode): Binding | undefined {
    const node = unwrapParentheses(expression);
    const binding = node.type === 'identifier' ? this.scopes.resolve(node) : undefined;
    const fn = binding?.kind === 'parameter' ? binding.scope : undefined;
    if (!binding || !fn || fieldOf(fn, 'receiver')?.children.some((c) => contains(c, binding.identifier))) return undefined;
    return binding;
  }

  /**
   * `p.ID` where `p` is a struct parameter: the field of what each call passes for `p` (a struct
   * literal there, in whichever package the call is), or of the one call being followed.
   */
  private traceFieldOfArguments(binding: Binding, field: string, depth: number): Facts {
    const fn = binding.scope as GoNode;
    const index = parameterIndex(fn, binding.identifier);
    const frame = [...this.frames].reverse().find((candidate) => candidate.fn === fn);
    const calls = frame ? [frame.call] : this.callSitesOf(fn);
    if (index < 0 || calls.length === 0 || depth > MAX_DEPTH) return UNKNOWN;
    const callee = textOf(fieldOf(fn, 'name') ?? fn);
    return anyOf(
      calls.map((call) => {
        const arg = callArguments(call)[index];
        const owner = arg && arg.type !== 'variadic_argument' ? this.ownerOf(arg) : undefined;
        return owner ? through(owner.traceFieldOf(arg, field, depth + 1), stepAt(arg, notes.passedAs(binding.name, callee))) : UNKNOWN;
      }),
    );
  }

  /** The field `field` of the struct `expression` holds: its value in the literal it was built from, or its zero value there. */
  private traceFieldOf(expression: GoNode, field: string, depth: number): Facts {
    const literal = this.compositeLiteralOf(expression, depth);
    if (literal) {
      const value = keyedElements(literal).find((element) => element.key === field)?.value;
      return value ? through(this.trace(value, depth), stepAt(value, notes.readFrom(`${textOf(expression)}.${field}`))) : bounded('the zero value', false, ZERO_VALUE);
    }
    const passed = this.parameterOf(expression);
    return passed ? this.traceFieldOfArguments(passed, field, depth) : UNKNOWN;
  }

  private traceIdentifier(identifier: GoNode, depth: number): Facts {
    const binding = this.scopes.resolve(identifier);
    if (!binding || binding.kind === 'function') return UNKNOWN;
    if (binding.kind === 'constant') return bounded(`the constant '${binding.name}'`, false, listedSet([binding.name]));
    const facts = this.traceBindingAt(binding, identifier, depth);
    // An error nobody can follow (returned by another package) is an error message when printed.
    if (facts.unknown && facts.taints.length === 0 && isErrorValue(binding)) return tainted(sourceTaint('error-message', spanOf(identifier), textOf(identifier)));
    const written = this.indexWrites(binding);
    return written.length === 0 ? facts : union([facts, this.traceElements(written, depth)]);
  }

  /** What `v[k] = x` statements put into the slice or map `binding` (a whole container is its elements). */
  private indexWrites(binding: Binding): Element[] {
    return this.containers.indexWrites(binding).map((write) => write.element);
  }

  /** The values `binding` may hold where `use` reads it. */
  traceBindingAt(binding: Binding, use: GoNode, depth: number): Facts {
    const partner = equalityPartner(use, binding, this.scopes);
    if (partner) return through(this.trace(partner, depth), stepAt(partner, notes.equalTo(textOf(partner))));
    const { definitions, guard } = this.scopes.reachingDefinitions(binding, use, (statement, inside) =>
      isFiniteSetCheck(statement, binding, inside, this.scopes, this.pkg, (node) => this.compositeLiteralOf(node, depth)),
    );
    const parts: Facts[] = guard ? [bounded('checked against a finite set')] : [];
    for (const definition of definitions) {
      const note = definition.value || binding.kind !== 'parameter' ? notes.assignedTo(binding.name) : notes.passedAs(binding.name);
      parts.push(through(this.traceDefinition(definition, depth), stepAt(definition.target, note)));
    }
    return anyOf(parts);
  }

  private traceDefinition(definition: Definition, depth: number): Facts {
    const { binding, value } = definition;
    if (!value) return binding.kind === 'parameter' ? this.traceParameter(binding, depth) : bounded('the zero value', false, ZERO_VALUE);
    let facts: Facts;
    if (definition.resultIndex !== undefined && definition.resultIndex > 0) {
      const declaration = value.type === 'call_expression' ? this.calledFunction(fieldOf(value, 'function') as GoNode) : undefined;
      if (declaration) facts = this.traceReturns(declaration, definition.resultIndex, value, depth);
      else facts = this.chains.isEveryResultFunction(value) ? this.trace(value, depth) : UNKNOWN;
    } else {
      facts = this.trace(value, depth);
    }
    if (!definition.compound) return facts;
    return union([facts, this.traceBindingAt(binding, definition.target, depth)]);
  }

  /** A parameter of a function of this package: whatever its call sites pass. */
  private traceParameter(binding: Binding, depth: number): Facts {
    const fn = binding.scope;
    if (!fn || fieldOf(fn, 'receiver')?.children.some((c) => contains(c, binding.identifier))) return UNKNOWN;
    // A `bool` is true or false, whoever calls.
    const type = binding.declaration.type === 'parameter_declaration' ? fieldOf(binding.declaration, 'type') : undefined;
    if (type && textOf(type) === 'bool') return bounded('a boolean', false, KNOWN_SETS.boolean);
    const index = parameterIndex(fn, binding.identifier);
    const nameNode = fieldOf(fn, 'name');
    for (let frame = this.frames.length - 1; frame >= 0; frame--) {
      if (this.frames[frame].fn === fn) return this.traceArgumentOf(frame, index, binding, depth);
    }
    const calls = this.callSitesOf(fn);
    if (index < 0 || calls.length === 0) return UNKNOWN;
    return union(
      calls.map((call) => {
        const arg = callArguments(call)[index];
        if (!arg || arg.type === 'variadic_argument') return UNKNOWN;
        const callee = nameNode ? textOf(nameNode) : textOf(fieldOf(call, 'function') as GoNode);
        return through(this.trace(arg, depth), stepAt(arg, notes.passedAs(binding.name, callee)));
      }),
    );
  }

  /**
   * The calls of a function of this package: of a function by its name, of a method by its name and
   * receiver (a method name one type of the package declares, called on anything but an imported
   * package, with as many arguments as it takes), of a function literal where it is stored.
   */
  callSitesOf(fn: GoNode): GoNode[] {
    if (fn.type === 'func_literal') return this.callsOfLiteral(fn);
    const name = textOf(fieldOf(fn, 'name') as GoNode);
    const isMethod = fn.type === 'method_declaration';
    if (isMethod && this.pkg.methodsNamed(name).length !== 1) return [];
    const arity = parameterArity(fn);
    // A method that implements a project interface is also called through it, from other packages.
    const elsewhere = isMethod ? this.program.callsThroughInterfaces(fn, name, this.pkg) : [];
    return [...this.pkg.callsNamed(name), ...elsewhere].filter((call) => {
      const callee = fieldOf(call, 'function');
      if (!isMethod) return callee?.type === 'identifier' && this.scopes.resolve(callee)?.declaration === fn;
      if (callee?.type !== 'selector_expression') return false;
      const operand = fieldOf(callee, 'operand');
      if (operand?.type === 'identifier' && (this.program.contextOfFile(call.file)?.pkg ?? this.pkg).isImportAlias(call.file, textOf(operand))) return false;
      return arity.accepts(callArguments(call));
    });
  }

  /** A parameter of a function followed from one call: that call's argument, traced where the call is. */
  private traceArgumentOf(frameIndex: number, index: number, binding: Binding, depth: number): Facts {
    const { fn, call } = this.frames[frameIndex];
    const arg = callArguments(call)[index];
    if (!arg || arg.type === 'variadic_argument' || isVariadic(fn, binding)) return UNKNOWN;
    const inner = this.frames.splice(frameIndex);
    try {
      const callee = fieldOf(fn, 'name') ? textOf(fieldOf(fn, 'name') as GoNode) : textOf(fieldOf(call, 'function') as GoNode);
      return through(this.trace(arg, depth), stepAt(arg, notes.passedAs(binding.name, callee)));
    } finally {
      this.frames.push(...inner);
    }
  }

  /** The tracer of the package `node` is in: this one, another loaded package's, or none. */
  private ownerOf(node: GoNode): FlowTracer | undefined {
    if (this.pkg.holds(node.file)) return this;
    return this.program.contextOfFile(node.file)?.tracer;
  }

  /**
   * What `node` holds when the calls `calls` (outermost first, each inside the function of the one
   * before) run: in each function, the parameters are that call's arguments.
   */
  traceInCalls(node: GoNode, calls: readonly CallSite[]): Facts {
    const owner = this.ownerOf(node);
    if (owner !== this) return owner ? owner.traceInCalls(node, calls) : UNKNOWN;
    this.frames.push(...calls.map(({ fn, call }) => ({ fn, call, memo: new Map<GoNode, Facts>() })));
    try {
      let facts = this.trace(node);
      for (let index = calls.length - 1; index >= 0; index--) {
        const { call } = calls[index];
        facts = through(facts, stepAt(call, notes.returnedBy(textOf(fieldOf(call, 'function') as GoNode))));
      }
      return facts;
    } finally {
      this.frames.splice(this.frames.length - calls.length);
    }
  }

  /** The function of this project a call runs, when it is one function. */
  functionOfCall(call: GoNode): GoNode | undefined {
    const callee = fieldOf(call, 'function');
    return callee && this.calledFunction(unwrapParentheses(callee));
  }

  /** The `index`th result of `fn` over all its `return` statements, for the call `call`. */
  private traceReturns(fn: GoNode, index: number, call: GoNode, depth: number): Facts {
    const owner = this.ownerOf(fn);
    if (owner !== this) return owner ? owner.traceReturns(fn, index, call, depth) : UNKNOWN;
    this.frames.push({ fn, call, memo: new Map() });
    try {
      return this.traceReturnsOfFrame(fn, index, call, depth);
    } finally {
      this.frames.pop();
    }
  }

  private traceReturnsOfFrame(fn: GoNode, index: number, call: GoNode, depth: number): Facts {
    const body = fieldOf(fn, 'body');
    if (!body) return UNKNOWN;
    const nameNode = fieldOf(fn, 'name');
    const name = nameNode ? textOf(nameNode) : textOf(fieldOf(call, 'function') ?? call);
    const namedResults = fieldOf(fn, 'result');
    const returns = [...descendants(body, (node) => FUNCTION_TYPES.has(node.type))].filter((node) => node.type === 'return_statement');
    const parts = returns.map((statement) => {
      const values = namedChildren(statement).flatMap((list) => (list.type === 'expression_list' ? namedChildren(list) : [list]));
      if (values.length === 0) return this.traceNamedResult(namedResults, index, statement, depth);
      const value = values.length === 1 ? values[0] : values[index];
      return value ? this.trace(value, depth) : UNKNOWN;
    });
    return through(anyOf(parts), stepAt(call, notes.returnedBy(name)));
  }

  private traceNamedResult(results: GoNode | undefined, index: number, statement: GoNode, depth: number): Facts {
    const names = results ? namedChildren(results).flatMap((declaration) => fieldsOf(declaration, 'name')) : [];
    const binding = names[index] && this.scopes.resolve(names[index]);
    return binding ? this.traceBindingAt(binding, statement, depth) : UNKNOWN;
  }

  /** The function or method declaration a callee refers to, when it is this package's. */
  private calledFunction(callee: GoNode): GoNode | undefined {
    if (callee.type === 'identifier') {
      const binding = this.scopes.resolve(callee);
      return binding?.kind === 'function' ? binding.declaration : undefined;
    }
    if (callee.type === 'selector_expression') {
      const operand = fieldOf(callee, 'operand');
      if (operand?.type === 'identifier' && this.pkg.isImportAlias(callee.file, textOf(operand))) {
        const declaration = this.importedDeclaration(callee, textOf(operand));
        return declaration?.type === 'function_declaration' ? declaration : undefined;
      }
      const methods = this.pkg.methodsNamed(textOf(fieldOf(callee, 'field') as GoNode));
      return methods.length === 1 ? methods[0] : undefined;
    }
    return undefined;
  }

  /** The declaration `alias.Name` refers to in a project package this file imports. */
  private importedDeclaration(selector: GoNode, alias: string): GoNode | undefined {
    const name = textOf(fieldOf(selector, 'field') as GoNode);
    return this.program.imported(selector.file, alias)?.pkg.topLevelDeclaration(name)?.declaration;
  }

  /** `metrics.DefaultRoute`: a constant or a package-level variable of another package of the project. */
  private traceImportedName(selector: GoNode, alias: string, depth: number): Facts {
    const declaration = this.importedDeclaration(selector, alias);
    if (declaration?.type === 'const_spec') return bounded(`the constant '${textOf(selector)}'`, false, listedSet([textOf(selector)]));
    if (declaration?.type !== 'var_spec') return UNKNOWN;
    const name = textOf(fieldOf(selector, 'field') as GoNode);
    const position = fieldsOf(declaration, 'name').findIndex((identifier) => textOf(identifier) === name);
    const values = fieldOf(declaration, 'value');
    const value = values && namedChildren(values)[position];
    return value ? through(this.trace(value, depth), stepAt(selector, notes.readFrom(textOf(selector)))) : UNKNOWN;
  }

  /** The composite literal an expression evaluates to: itself, `&T{…}`, or a variable holding one. */
  compositeLiteralOf(expression: GoNode, depth = 0): GoNode | undefined {
    let node = unwrapParentheses(expression);
    for (let hops = 0; hops < MAX_DEPTH - depth; hops++) {
      if (node.type === 'composite_literal') return node;
      if (node.type === 'unary_expression' && operatorOf(node) === '&') {
        node = unwrapParentheses(fieldOf(node, 'operand') as GoNode);
        continue;
      }
      if (node.type !== 'identifier') return undefined;
      const binding = this.scopes.resolve(node);
      const definition = binding && this.scopes.definitionsOf(binding).find((d) => d.value && d.resultIndex === undefined && !d.range);
      if (!definition?.value) return undefined;
      node = unwrapParentheses(definition.value);
    }
    return undefined;
  }

  /** Sources and sanitizers the configuration adds, matched by the callee or property as written. */
  private customFacts(node: GoNode): Facts | undefined {
    const callee = node.type === 'call_expression' ? textOf(fieldOf(node, 'function') as GoNode) : undefined;
    if (callee !== undefined && this.config.sanitizers.some((name) => matchesConfiguredName(callee, name))) return bounded(`sanitized by '${callee}()'`);
    const property = node.type === 'selector_expression' ? textOf(node) : undefined;
    const source = this.config.sources.find(
      (s) => (s.function !== undefined && callee !== undefined && matchesConfiguredName(callee, s.function)) || (s.property !== undefined && property !== undefined && matchesConfiguredName(property, s.property)),
    );
    if (!source) return undefined;
    const kind = source.kind === 'raw-path' ? 'raw-path' : 'custom';
    return tainted(sourceTaint(kind, spanOf(node), textOf(node), { repair: repairOf([], node, this.pkg), description: source.description }));
  }
}

export function callArguments(call: GoNode): GoNode[] {
  const list = fieldOf(call, 'arguments');
  return list ? namedChildren(list) : [];
}

/** `args...` traces as `args` (its elements). */
function argumentValue(argument: GoNode): GoNode {
  return argument.type === 'variadic_argument' ? (namedChildren(argument)[0] ?? argument) : argument;
}

/** The values of a composite literal's elements (keyed or not). */
export function literalElements(literal: GoNode): GoNode[] {
  const body = fieldOf(literal, 'body');
  if (!body) return [];
  return namedChildren(body).flatMap((element) => {
    const value = element.type === 'keyed_element' ? fieldOf(element, 'value') : element;
    const inner = value && (value.type === 'literal_element' ? namedChildren(value)[0] : value);
    return inner ? [inner] : [];
  });
}

/** The `key: value` elements of a composite literal, keys as written (a field name or a string's value). */
export function keyedElements(literal: GoNode): { key: string; keyNode: GoNode; value: GoNode }[] {
  const body = fieldOf(literal, 'body');
  if (!body) return [];
  return namedChildren(body).flatMap((element) => {
    if (element.type !== 'keyed_element') return [];
    const keyNode = unwrapLiteralElement(fieldOf(element, 'key'));
    const value = unwrapLiteralElement(fieldOf(element, 'value'));
    if (!keyNode || !value) return [];
    const text = textOf(keyNode);
    const key = keyNode.type.endsWith('string_literal') ? text.slice(1, -1) : text;
    return [{ key, keyNode, value }];
  });
}

function unwrapLiteralElement(node: GoNode | undefined): GoNode | undefined {
  return node?.type === 'literal_element' ? namedChildren(node)[0] : node;
}

/** Where a function literal is stored: a struct field (`F: func…`, `x.F = func…`) or a variable (`fn := func…`). */
function storeOf(literal: GoNode): { kind: 'field'; name: string } | { kind: 'variable'; target: GoNode } | undefined {
  const parent = literal.parent;
  if (parent?.type === 'literal_element' && parent.field === 'value' && parent.parent?.type === 'keyed_element') {
    const key = namedChildren(fieldOf(parent.parent, 'key') as GoNode)[0];
    return key && (key.type === 'identifier' || key.type === 'field_identifier') ? { kind: 'field', name: textOf(key) } : undefined;
  }
  const list = parent?.type === 'expression_list' ? parent : undefined;
  const statement = list?.parent;
  if (!list || !statement) return undefined;
  const position = namedChildren(list).indexOf(literal);
  if (statement.type === 'var_spec' && list.field === 'value') {
    const name = fieldsOf(statement, 'name')[position];
    return name ? { kind: 'variable', target: name } : undefined;
  }
  if (list.field !== 'right' || (statement.type !== 'assignment_statement' && statement.type !== 'short_var_declaration')) return undefined;
  const target = namedChildren(fieldOf(statement, 'left') as GoNode)[position];
  if (target?.type === 'identifier') return { kind: 'variable', target };
  if (target?.type === 'selector_expression') return { kind: 'field', name: textOf(fieldOf(target, 'field') as GoNode) };
  return undefined;
}

/** How many arguments a function takes: its parameters' names (or types), any number past a variadic one. */
function parameterArity(fn: GoNode): { accepts(args: readonly GoNode[]): boolean } {
  const list = fieldOf(fn, 'parameters');
  const declarations = list ? namedChildren(list) : [];
  const count = declarations.reduce((sum, declaration) => sum + Math.max(1, fieldsOf(declaration, 'name').length), 0);
  const variadic = declarations.some((declaration) => declaration.type === 'variadic_parameter_declaration');
  return {
    accepts: (args) => {
      if (args.length === 1 && args[0].type === 'call_expression' && count > 1) return true; // f(g()) with g returning several results
      if (args.some((arg) => arg.type === 'variadic_argument')) return variadic && args.length === count;
      return variadic ? args.length >= count - 1 : args.length === count;
    },
  };
}

/** Declared `error`, or named like one where the type is not written (`v, err := f()`). */
function isErrorValue(binding: Binding): boolean {
  const type = fieldOf(binding.declaration, 'type');
  if (type) return textOf(type) === 'error';
  return ERROR_NAME.test(binding.name);
}

function isVariadic(fn: GoNode, binding: Binding): boolean {
  return binding.declaration.type === 'variadic_parameter_declaration' && binding.declaration.parent === fieldOf(fn, 'parameters');
}

/** The position of parameter `identifier` in `fn`'s parameter list (-1 when it is none of them). */
export function parameterIndex(fn: GoNode, identifier: GoNode): number {
  const list = fieldOf(fn, 'parameters');
  const names = list ? namedChildren(list).flatMap((declaration) => fieldsOf(declaration, 'name')) : [];
  return names.indexOf(identifier);
}

/** `code / 100` of Go integers: an integer set with a range, divided by a literal, has fewer values (a status code's class). */
function integerQuotient(dividend: Facts, divisor: GoNode): Facts | undefined {
  if (divisor.type !== 'int_literal' || dividend.taints.length > 0 || dividend.unknown || !dividend.set) return undefined;
  const set = dividedSet(dividend.set, Number(textOf(divisor)));
  return set && bounded(dividend.bounded ?? 'a quotient', false, set);
}
