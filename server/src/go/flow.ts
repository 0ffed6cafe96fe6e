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
import { notes } from '../analysis/step-notes';
import { bounded, choice, type Facts, sourceTaint, tainted, through, union, UNKNOWN, weakened } from '../analysis/value-facts';
import { WEAK_REASONS, weakness } from '../analysis/weak-sanitizers';
import type { Transform } from './catalog';
import type { ChainResolver, TypedFrame } from './chains';
import { isFiniteSetCheck } from './guards';
import type { GoPackage } from './package-index';
import { repairOf } from './repair';
import type { Binding, Definition, Scopes } from './scopes';
import { spanOf, stepAt } from './spans';
import { contains, descendants, fieldOf, fieldsOf, FUNCTION_TYPES, namedChildren, operatorOf, textOf, unwrapParentheses, type GoNode } from './syntax';

/** One of several alternatives (assignments reaching a read, returns): unknown when there are none. */
function anyOf(parts: readonly Facts[]): Facts {
  return parts.length === 0 ? UNKNOWN : choice(parts);
}

const MAX_DEPTH = 40;
/** Expressions one label's trace may visit: recursive functions cannot make a trace exponential. */
const MAX_VISITS = 20_000;
const LITERALS: ReadonlySet<string> = new Set([
  'interpreted_string_literal', 'raw_string_literal', 'int_literal', 'float_literal', 'imaginary_literal', 'rune_literal',
  'true', 'false', 'nil', 'iota',
]);
const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', '&&', '||']);
/** Conversions that keep the value; tree-sitter reads `string(b)` as a call. */
const CONVERSIONS: ReadonlySet<string> = new Set(['string']);

export class FlowTracer {
  private readonly memo = new Map<GoNode, Facts>();
  private readonly inProgress = new Set<GoNode>();
  /** Counts traces cut short (cycle or depth): a result computed during one is not final, so not memoized. */
  private cutShort = 0;
  private visits = 0;

  constructor(
    private readonly pkg: GoPackage,
    private readonly scopes: Scopes,
    private readonly chains: ChainResolver,
    private readonly config: CardinalConfig,
  ) {}

  /** What is known about the values `expression` can take. */
  trace(expression: GoNode, depth = 0): Facts {
    const node = unwrapParentheses(expression);
    const known = this.memo.get(node);
    if (known) return known;
    if (depth === 0) this.visits = 0;
    if (depth > MAX_DEPTH || this.inProgress.has(node) || ++this.visits > MAX_VISITS) {
      this.cutShort++;
      return UNKNOWN;
    }
    this.inProgress.add(node);
    const cutShortBefore = this.cutShort;
    try {
      const facts = this.traceNode(node, depth + 1);
      if (this.cutShort === cutShortBefore) this.memo.set(node, facts);
      return facts;
    } finally {
      this.inProgress.delete(node);
    }
  }

  private traceNode(node: GoNode, depth: number): Facts {
    const custom = this.customFacts(node);
    if (custom) return custom;
    if (LITERALS.has(node.type)) return bounded('a literal');
    switch (node.type) {
      case 'identifier':
        return this.traceIdentifier(node, depth);
      case 'binary_expression':
        return this.traceBinary(node, depth);
      case 'unary_expression':
        return operatorOf(node) === '!' ? bounded('a boolean') : this.trace(fieldOf(node, 'operand') as GoNode, depth);
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
    if (operator !== undefined && COMPARISONS.has(operator)) return bounded('a boolean');
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
    return operands.length === 1 ? parts[0] : through(union(parts), stepAt(node, notes.combined()));
  }

  private traceChain(node: GoNode, depth: number): Facts {
    const match = this.chains.match(node);
    if (match?.kind === 'fact') {
      const { fact } = match;
      if (fact.kind === 'route-pattern') return bounded('the matched route pattern', true);
      if (fact.kind === 'bounded') return bounded(`the ${fact.description}`);
      return tainted(sourceTaint(fact.source, spanOf(node), textOf(node), { repair: this.repair(match.frames, node) }));
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
        return bounded(`a ${transform.why}`);
      case 'concat':
        return through(union(args.slice(transform.from).map((arg) => this.trace(argumentValue(arg), depth))), step);
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
    return repairOf(frames, node, this.pkg);
  }

  /** A call the catalogs do not know: conversions, and functions or methods of this package. */
  private traceCall(call: GoNode, depth: number): Facts {
    const callee = unwrapParentheses(fieldOf(call, 'function') as GoNode);
    const args = callArguments(call);
    if (CONVERSIONS.has(textOf(callee)) && args.length === 1) return this.trace(args[0], depth);
    const declaration = this.calledFunction(callee);
    return declaration ? this.traceReturns(declaration, 0, call, depth) : UNKNOWN;
  }

  /** `m[k]`: a lookup in a map literal of bounded values is bounded; otherwise the element of `m`. */
  private traceIndex(node: GoNode, depth: number): Facts {
    const operand = fieldOf(node, 'operand') as GoNode;
    const literal = this.compositeLiteralOf(operand, depth);
    if (literal && fieldOf(literal, 'type')?.type === 'map_type') {
      const values = literalElements(literal).map((value) => this.trace(value, depth));
      const facts = union(values);
      if (values.length > 0 && facts.taints.length === 0 && !facts.unknown) return bounded(`a lookup in '${textOf(operand)}'`);
    }
    return this.trace(operand, depth);
  }

  /** `obj.field` where `obj` was built from a struct literal: the field's value there. */
  private traceField(node: GoNode, depth: number): Facts {
    if (node.type !== 'selector_expression') return UNKNOWN;
    const literal = this.compositeLiteralOf(fieldOf(node, 'operand') as GoNode, depth);
    const field = textOf(fieldOf(node, 'field') as GoNode);
    const value = literal && keyedElements(literal).find((element) => element.key === field)?.value;
    return value ? through(this.trace(value, depth), stepAt(node, notes.readFrom(textOf(node)))) : UNKNOWN;
  }

  private traceIdentifier(identifier: GoNode, depth: number): Facts {
    const binding = this.scopes.resolve(identifier);
    if (!binding || binding.kind === 'function') return UNKNOWN;
    if (binding.kind === 'constant') return bounded(`the constant '${binding.name}'`);
    return this.traceBindingAt(binding, identifier, depth);
  }

  /** The values `binding` may hold where `use` reads it. */
  traceBindingAt(binding: Binding, use: GoNode, depth: number): Facts {
    const { definitions, guard } = this.scopes.reachingDefinitions(binding, use, (statement, inside) =>
      isFiniteSetCheck(statement, binding, inside, this.scopes, (node) => this.compositeLiteralOf(node, depth)),
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
    if (!value) return binding.kind === 'parameter' ? this.traceParameter(binding, depth) : bounded('the zero value');
    let facts: Facts;
    if (definition.resultIndex !== undefined && definition.resultIndex > 0) {
      const declaration = value.type === 'call_expression' ? this.calledFunction(fieldOf(value, 'function') as GoNode) : undefined;
      facts = declaration ? this.traceReturns(declaration, definition.resultIndex, value, depth) : UNKNOWN;
    } else {
      facts = this.trace(value, depth);
    }
    if (!definition.compound) return facts;
    return union([facts, this.traceBindingAt(binding, definition.target, depth)]);
  }

  /** A parameter of a function of this package: whatever its call sites pass. */
  private traceParameter(binding: Binding, depth: number): Facts {
    const fn = binding.scope;
    if (!fn || fn.type === 'func_literal' || fieldOf(fn, 'receiver')?.children.some((c) => contains(c, binding.identifier))) return UNKNOWN;
    const index = parameterIndex(fn, binding.identifier);
    const name = textOf(fieldOf(fn, 'name') as GoNode);
    const calls = this.callsOf(fn, name);
    if (index < 0 || calls.length === 0) return UNKNOWN;
    return union(
      calls.map((call) => {
        const arg = callArguments(call)[index];
        if (!arg || arg.type === 'variadic_argument') return UNKNOWN;
        return through(this.trace(arg, depth), stepAt(arg, notes.passedAs(binding.name, name)));
      }),
    );
  }

  private callsOf(fn: GoNode, name: string): GoNode[] {
    const isMethod = fn.type === 'method_declaration';
    if (isMethod && this.pkg.methodsNamed(name).length !== 1) return [];
    return this.pkg.callsNamed(name).filter((call) => {
      const callee = fieldOf(call, 'function');
      return isMethod ? callee?.type === 'selector_expression' : callee?.type === 'identifier' && this.scopes.resolve(callee)?.declaration === fn;
    });
  }

  /** The `index`th result of `fn` over all its `return` statements. */
  private traceReturns(fn: GoNode, index: number, call: GoNode, depth: number): Facts {
    const body = fieldOf(fn, 'body');
    if (!body) return UNKNOWN;
    const name = textOf(fieldOf(fn, 'name') as GoNode);
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
      if (operand?.type === 'identifier' && this.pkg.isImportAlias(callee.file, textOf(operand))) return undefined;
      const methods = this.pkg.methodsNamed(textOf(fieldOf(callee, 'field') as GoNode));
      return methods.length === 1 ? methods[0] : undefined;
    }
    return undefined;
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

function parameterIndex(fn: GoNode, identifier: GoNode): number {
  const list = fieldOf(fn, 'parameters');
  const names = list ? namedChildren(list).flatMap((declaration) => fieldsOf(declaration, 'name')) : [];
  return names.indexOf(identifier);
}
