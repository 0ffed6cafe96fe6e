/**
 * The attributes an OpenTelemetry instrument receives, one by one. `metric.WithAttributes(…)` gets
 * attribute constructors (`attribute.String(k, v)`, `attribute.Key(k).String(v)`, semconv's
 * `semconv.HTTPRoute(v)` and `semconv.HTTPRouteKey.String(v)`), slices of them built by literals and
 * appends, and what the project's own helpers return (`semconvutil.HTTPServerRequest(server, r)`).
 * A helper is followed into, across packages, with its parameters bound to that call's arguments, so
 * each attribute it builds is judged for the request this instrument sees.
 */
import { GO_CATALOGS, type AttributeListRule } from './catalog';
import { callArguments, literalElements, parameterIndex, type CallSite } from './flow';
import type { LabelSink, SinkContext } from './sinks';
import { descendants, fieldOf, fieldsOf, FUNCTION_TYPES, namedChildren, textOf, unwrapParentheses, type GoNode } from './syntax';

/** How many helper calls one instrument's attributes may be followed through. */
const MAX_CALLS = 64;
/** How deep helpers calling helpers are followed. */
const MAX_NESTING = 6;
const MAX_KEY_HOPS = 6;

const KEY_METHODS: ReadonlySet<string> = new Set(GO_CATALOGS.flatMap((catalog) => catalog.attributeKeyType?.methods ?? []));

/** A walk over one sink's attributes: the sinks found, and what keeps it finite. */
interface Walk {
  readonly sinks: LabelSink[];
  /** The sink's own argument: where an attribute built inside a helper is reported. */
  readonly anchor: GoNode;
  readonly seen: Set<string>;
  calls: number;
}

/** `metric.WithAttributes(attribute.String(k, v), attrs...)` and `metric.WithAttributeSet(attribute.NewSet(…))`. */
export function attributeListSinks(call: GoNode, rule: AttributeListRule, context: SinkContext): LabelSink[] {
  const metric = recordingInstrument(call, context);
  return listedAttributeSinks(call, rule, context).map((sink) => (sink.kind === 'label' && metric !== undefined ? { ...sink, metric } : sink));
}

function listedAttributeSinks(call: GoNode, rule: AttributeListRule, context: SinkContext): LabelSink[] {
  const args = callArguments(call);
  if (rule.form === 'arguments') return args.flatMap((arg) => attributeArgumentSinks(arg, context));
  const set = args[0] && resolveCall(args[0], context);
  if (!set) return [];
  const callee = fieldOf(set, 'function');
  const operand = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
  const catalog = operand && context.pkg.catalogForAlias(set.file, textOf(operand));
  if (!catalog?.attributeSetFunction || textOf(fieldOf(callee as GoNode, 'field') as GoNode) !== catalog.attributeSetFunction) return [];
  return callArguments(set).flatMap((arg) => attributeArgumentSinks(arg, context));
}

/** The instrument an attribute option is recorded into, when it is an argument of the recording (`requests.Add(ctx, 1, metric.WithAttributes(…))`). */
function recordingInstrument(option: GoNode, context: SinkContext): string | undefined {
  const recording = option.parent?.type === 'argument_list' ? option.parent.parent : undefined;
  const callee = recording?.type === 'call_expression' ? fieldOf(recording, 'function') : undefined;
  const receiver = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
  return receiver && context.vectors.instrumentName(receiver);
}

/** The attributes in a slice expression: a callback's returned list (otelhttp's `WithMetricAttributesFn`). */
export function attributeSliceSinks(slice: GoNode, context: SinkContext): LabelSink[] {
  const walk: Walk = { sinks: [], anchor: slice, seen: new Set(), calls: 0 };
  expandSlice(slice, context, [], walk);
  return walk.sinks;
}

/** One argument of an attribute list: an attribute, or `attrs...`. */
function attributeArgumentSinks(arg: GoNode, context: SinkContext): LabelSink[] {
  const walk: Walk = { sinks: [], anchor: arg, seen: new Set(), calls: 0 };
  if (arg.type === 'variadic_argument') {
    const slice = namedChildren(arg)[0];
    if (slice) expandSlice(slice, context, [], walk);
  } else {
    expandValue(arg, context, [], walk);
  }
  return walk.sinks;
}

/** Every element a slice holds: its literal, appends, index writes, and slices spread into it. */
function expandSlice(slice: GoNode, context: SinkContext, calls: readonly CallSite[], walk: Walk): void {
  const node = unwrapParentheses(slice);
  if (!enter(node, calls, walk)) return;
  if (node.type === 'composite_literal') {
    for (const element of literalElements(node)) expandValue(element, context, calls, walk);
    return;
  }
  if (node.type === 'call_expression' && !context.containers.isBuiltin(node, 'append')) return expandHelperCall(node, 0, context, calls, walk);
  const contents = context.containers.contentsOf(node);
  const elements = [...[...contents.at.values()].flat(), ...contents.anywhere].map((element) => element.value);
  for (const element of elements) {
    if (element === node) continue;
    expandValue(element, context, calls, walk);
  }
}

/** One element, or something that stands for several (a slice variable, a helper's returned slice). */
function expandValue(expression: GoNode, context: SinkContext, calls: readonly CallSite[], walk: Walk): void {
  const node = unwrapParentheses(expression);
  if (node.type === 'composite_literal') return expandSlice(node, context, calls, walk);
  if (node.type === 'identifier') return expandName(node, context, calls, walk);
  if (node.type !== 'call_expression') return;
  if (context.containers.isBuiltin(node, 'append')) return expandSlice(node, context, calls, walk);
  if (constructedAttribute(node, context, calls, walk)) return;
  expandHelperCall(node, 0, context, calls, walk);
}

/** A variable: a parameter of the helper being followed, one result of a call, or what it was given. */
function expandName(identifier: GoNode, context: SinkContext, calls: readonly CallSite[], walk: Walk): void {
  const binding = context.scopes.resolve(identifier);
  if (!binding || binding.kind === 'function' || binding.kind === 'constant') return;
  if (binding.kind === 'parameter') {
    const frame = calls[calls.length - 1];
    if (!frame || binding.scope !== frame.fn) return;
    const arg = callArguments(frame.call)[parameterIndex(frame.fn, binding.identifier)];
    const caller = arg && context.program.contextOfFile(arg.file);
    if (arg && caller && arg.type !== 'variadic_argument') expandValue(arg, caller, calls.slice(0, -1), walk);
    return;
  }
  const definition = context.scopes.definitionsOf(binding).find((d) => d.target === identifier && d.resultIndex !== undefined);
  const call = definition?.value && unwrapParentheses(definition.value);
  if (definition?.resultIndex !== undefined && call?.type === 'call_expression') return expandHelperCall(call, definition.resultIndex, context, calls, walk);
  expandSlice(identifier, context, calls, walk);
}

/**
 * A call of one of the project's functions that returns attributes: each `return` of the wanted
 * result, in the function's package, with the call on the stack.
 */
function expandHelperCall(call: GoNode, resultIndex: number, context: SinkContext, calls: readonly CallSite[], walk: Walk): void {
  const fn = context.tracer.functionOfCall(call);
  const body = fn && fieldOf(fn, 'body');
  const owner = fn && context.program.contextOfFile(fn.file);
  if (!fn || !body || !owner || calls.length >= MAX_NESTING || ++walk.calls > MAX_CALLS) return;
  if (!returnsAttributes(fn, resultIndex) || calls.some((frame) => frame.fn === fn)) return;
  const inner = [...calls, { fn, call }];
  for (const statement of returnStatements(body)) {
    const list = namedChildren(statement)[0];
    const returned = list && namedChildren(list)[resultIndex];
    if (returned) expandValue(returned, owner, inner, walk);
  }
}

/** An attribute constructor call: adds its sink and returns true. */
function constructedAttribute(call: GoNode, context: SinkContext, calls: readonly CallSite[], walk: Walk): boolean {
  const callee = unwrapParentheses(fieldOf(call, 'function') as GoNode);
  if (callee.type !== 'selector_expression') return false;
  const name = textOf(fieldOf(callee, 'field') as GoNode);
  const operand = unwrapParentheses(fieldOf(callee, 'operand') as GoNode);
  const args = callArguments(call);
  const catalog = operand.type === 'identifier' ? context.pkg.catalogForAlias(call.file, textOf(operand)) : undefined;
  if (catalog) {
    const rule = catalog.attributeConstructors?.find((candidate) => candidate.function === name);
    const value = rule && args[rule.valueArgument];
    if (!rule || !value) return false;
    const label = 'key' in rule ? rule.key : args[rule.keyArgument] && keyName(args[rule.keyArgument], context);
    if (!('key' in rule) && args[rule.keyArgument] === undefined) return false;
    addSink(value, label, calls, walk);
    return true;
  }
  // `key.String(v)`: a key whose name is known (`attribute.Key("k")`, `semconv.HTTPRouteKey`, a field holding one).
  if (!KEY_METHODS.has(name) || !args[0]) return false;
  const label = keyName(operand, context);
  if (label === undefined) return false;
  addSink(args[0], label, calls, walk);
  return true;
}

function addSink(value: GoNode, label: string | undefined, calls: readonly CallSite[], walk: Walk): void {
  // Built in this function, the attribute is reported where it is written; built in a helper, at the
  // instrument's argument, with the helper calls in its flow.
  const span = calls.length === 0 ? value : walk.anchor;
  walk.sinks.push({ kind: 'label', span, values: [{ value, inCalls: calls }], label, noun: 'attribute' });
}

/** The name an attribute key expression stands for, when it is a constant one. */
function keyName(expression: GoNode, context: SinkContext, hops = 0): string | undefined {
  const node = unwrapParentheses(expression);
  if (hops > MAX_KEY_HOPS) return undefined;
  const constant = context.vectors.constantString(node);
  if (constant !== undefined) return constant;
  if (node.type === 'call_expression') {
    const callee = fieldOf(node, 'function');
    const operand = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
    const keyType = operand?.type === 'identifier' ? context.pkg.catalogForAlias(node.file, textOf(operand))?.attributeKeyType : undefined;
    const arg = callArguments(node)[0];
    return keyType && arg && textOf(fieldOf(callee as GoNode, 'field') as GoNode) === keyType.function ? keyName(arg, context, hops + 1) : undefined;
  }
  if (node.type === 'identifier') {
    const binding = context.scopes.resolve(node);
    const definitions = binding && binding.kind !== 'parameter' && binding.kind !== 'function' ? context.scopes.definitionsOf(binding) : [];
    const value = definitions.length === 1 && definitions[0].resultIndex === undefined ? definitions[0].value : undefined;
    return value && keyName(value, context, hops + 1);
  }
  if (node.type !== 'selector_expression') return undefined;
  const operand = unwrapParentheses(fieldOf(node, 'operand') as GoNode);
  const field = textOf(fieldOf(node, 'field') as GoNode);
  if (operand.type === 'identifier' && context.pkg.isImportAlias(node.file, textOf(operand))) {
    const known = context.pkg.catalogForAlias(node.file, textOf(operand))?.attributeKeys?.get(field);
    if (known !== undefined) return known;
    const imported = context.program.imported(node.file, textOf(operand));
    const declaration = imported?.pkg.topLevelDeclaration(field);
    return declaration && imported ? keyName(declaration.name, imported, hops + 1) : undefined;
  }
  // A struct field: the one key every literal of the package gives it (`&httpConv{MethodKey: semconv.HTTPMethodKey}`).
  const names = new Set(context.pkg.fieldValues(field).map((value) => keyName(value, context.program.contextOfFile(value.file) ?? context, hops + 1)));
  const [only] = names;
  return names.size === 1 ? only : undefined;
}

/** Whether `fn`'s `index`th result is declared as attributes (`attribute.KeyValue` or a slice of them). */
function returnsAttributes(fn: GoNode, index: number): boolean {
  const result = fieldOf(fn, 'result');
  if (!result) return false;
  const types = result.type === 'parameter_list' ? namedChildren(result).flatMap((declaration) => resultTypes(declaration)) : [result];
  const type = types[index];
  return type !== undefined && /(^|\.)KeyValue$/.test(textOf(type).replace(/^\[\]/, ''));
}

/** The types one result declaration stands for: `(a, b []attribute.KeyValue)` declares two. */
function resultTypes(declaration: GoNode): GoNode[] {
  const type = fieldOf(declaration, 'type');
  if (!type) return [];
  const names = fieldsOf(declaration, 'name').length;
  return Array.from({ length: Math.max(1, names) }, () => type);
}

/** The `return` statements of a function body, not those of the closures inside it. */
function returnStatements(body: GoNode): GoNode[] {
  return [...descendants(body, (node) => FUNCTION_TYPES.has(node.type))].filter((node) => node.type === 'return_statement');
}

/** Each expression is expanded once per helper stack: a slice variable appended to itself ends there. */
function enter(node: GoNode, calls: readonly CallSite[], walk: Walk): boolean {
  const key = `${node.file.fileName}:${node.start}:${calls.map((frame) => frame.call.start).join(',')}`;
  if (walk.seen.has(key)) return false;
  walk.seen.add(key);
  return true;
}

/** The call an expression is, or that the variable it names was assigned. */
function resolveCall(expression: GoNode, context: SinkContext): GoNode | undefined {
  let node = unwrapParentheses(expression);
  for (let hops = 0; hops < 8 && node.type === 'identifier'; hops++) {
    const binding = context.scopes.resolve(node);
    const value = binding && context.scopes.definitionsOf(binding).find((d) => d.value && d.resultIndex === undefined)?.value;
    if (!value) return undefined;
    node = unwrapParentheses(value);
  }
  return node.type === 'call_expression' ? node : undefined;
}
