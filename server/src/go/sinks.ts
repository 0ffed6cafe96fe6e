/**
 * Finds where values become labels in one file: client_golang vector methods (positional values, also
 * `lvs...` mapped element by element through the slice literal, and `Labels{…}` maps), OpenTelemetry
 * attributes given to instruments, label callbacks (promhttp, otelhttp), metric names in constructors,
 * and the team's own sinks from the configuration.
 */
import type { CardinalConfig } from '../analysis/config-types';
import { matchesConfiguredName } from '../analysis/configured-names';
import type { FlowStep } from '../analysis/finding';
import type { LabelNoun, SinkSite } from '../analysis/sink-site';
import { through, union, type Facts } from '../analysis/value-facts';
import { notes } from '../analysis/step-notes';
import { attributeListSinks, attributeSliceSinks } from './attributes';
import { GO_CATALOGS, type GoCatalog, type LabelCallbackRule } from './catalog';
import { callArguments, keyedElements, type CallSite, type FlowTracer } from './flow';
import type { GoPackage } from './package-index';
import type { Scopes } from './scopes';
import { spanOf, stepAt } from './spans';
import { contains, descendants, fieldOf, FUNCTION_TYPES, namedChildren, textOf, unwrapParentheses, type GoFileSyntax, type GoNode } from './syntax';
import type { VectorIndex } from './vectors';
import type { Containers, Element } from './containers';
import type { GoProgram } from './program';

/** A place where a value becomes a label (or a metric name), still as syntax. */
export interface LabelSink {
  readonly kind: 'label' | 'metric-name';
  /** What a finding covers: the argument, the spread `lvs...`, the map value, the `Name:` value. */
  readonly span: GoNode;
  /** The expressions whose values matter: one, or the several values a slice element or map key is given. */
  readonly values: readonly SinkValue[];
  readonly label?: string;
  readonly noun?: LabelNoun;
  readonly metric?: string;
}

export interface SinkValue {
  readonly value: GoNode;
  /** A step between the value and the span, e.g. element 2 of `lvs`. */
  readonly via?: FlowStep;
  /** The value is inside functions the sink's argument calls (`vec.With(labels(r.Method))`): traced for those calls, outermost first. */
  readonly inCalls?: readonly CallSite[];
}

/** What is known of the values a sink receives. */
export function traceSink(sink: LabelSink, tracer: FlowTracer): Facts {
  return union(
    sink.values.map(({ value, via, inCalls }) => {
      const facts = inCalls && inCalls.length > 0 ? tracer.traceInCalls(value, inCalls) : tracer.trace(value);
      return via ? through(facts, via) : facts;
    }),
  );
}

function only(value: GoNode): readonly SinkValue[] {
  return [{ value }];
}

/** The sink as the back end takes it: spans, and the anchors its suppression directives are found by. */
export function toSinkSite(sink: LabelSink): SinkSite {
  return {
    kind: sink.kind,
    span: spanOf(sink.span),
    anchors: [sink.span.start, statementOf(sink.span).start],
    label: sink.label,
    noun: sink.noun ?? 'label',
    metric: sink.metric,
  };
}

/** The statement holding a node: a directive above its first line covers the node too. */
function statementOf(node: GoNode): GoNode {
  let statement = node;
  while (statement.parent && !STATEMENT_HOLDERS.has(statement.parent.type)) statement = statement.parent;
  return statement;
}

const STATEMENT_HOLDERS: ReadonlySet<string> = new Set(['source_file', 'block', 'statement_list', 'expression_case', 'default_case', 'communication_case', 'type_case']);

export interface SinkContext {
  readonly pkg: GoPackage;
  readonly scopes: Scopes;
  readonly tracer: FlowTracer;
  readonly vectors: VectorIndex;
  readonly containers: Containers;
  readonly config: CardinalConfig;
  readonly program: GoProgram;
}

const VECTOR_METHODS = GO_CATALOGS.flatMap((catalog) => catalog.vectorMethods ?? []);
const VECTOR_CATALOGS = GO_CATALOGS.filter((catalog) => catalog.vectorConstructors);
const INSTRUMENT_CATALOGS = GO_CATALOGS.filter((catalog) => catalog.instrumentConstructors);

/** Every label sink of `file`, in document order. */
export function findLabelSinks(file: GoFileSyntax, context: SinkContext): LabelSink[] {
  const sinks: LabelSink[] = [];
  const usesVectors = VECTOR_CATALOGS.some((catalog) => context.pkg.imports(catalog));
  const instrumentMethods = INSTRUMENT_CATALOGS.filter((catalog) => context.pkg.imports(catalog)).flatMap((c) => c.instrumentConstructors ?? []);
  for (const call of descendants(file.root)) {
    if (call.type !== 'call_expression') continue;
    const callee = unwrapParentheses(fieldOf(call, 'function') as GoNode);
    sinks.push(...customSinks(call, callee, context));
    if (callee.type !== 'selector_expression') continue;
    const name = textOf(fieldOf(callee, 'field') as GoNode);
    const operand = unwrapParentheses(fieldOf(callee, 'operand') as GoNode);
    const catalog = operand.type === 'identifier' ? context.pkg.catalogForAlias(call.file, textOf(operand)) : undefined;
    if (catalog) {
      sinks.push(...packageFunctionSinks(call, name, catalog, context));
    } else {
      const method = VECTOR_METHODS.find((m) => m.method === name);
      // A vector method of a package that imports no metrics library: the vector comes from another package.
      if (method && (usesVectors || context.vectors.resolve(operand))) sinks.push(...vectorMethodSinks(call, operand, method.form, context));
      const instrument = instrumentMethods.find((rule) => rule.method === name);
      const nameArgument = instrument && callArguments(call)[instrument.nameArgument];
      if (nameArgument) sinks.push({ kind: 'metric-name', span: nameArgument, values: only(nameArgument) });
    }
    const constructor = context.vectors.constructorRule(call);
    if (constructor) sinks.push(...metricNameSinks(callArguments(call)[constructor.optionsArgument], context));
  }
  return sinks;
}

function packageFunctionSinks(call: GoNode, name: string, catalog: GoCatalog, context: SinkContext): LabelSink[] {
  const list = catalog.attributeLists?.find((rule) => rule.function === name);
  if (list) return attributeListSinks(call, list, context);
  const callback = catalog.labelCallbacks?.find((rule) => rule.function === name);
  return callback ? labelCallbackSinks(call, callback, context) : [];
}

function vectorMethodSinks(call: GoNode, receiver: GoNode, form: 'values' | 'labels', context: SinkContext): LabelSink[] {
  const vector = context.vectors.resolve(receiver);
  const metric = vector?.metric;
  const args = callArguments(call);
  if (form === 'labels') return labelMapSinks(args[0], vector !== undefined, metric, context);
  const sinks: LabelSink[] = [];
  let position = 0;
  for (const arg of args) {
    if (arg.type !== 'variadic_argument') {
      sinks.push({ kind: 'label', span: arg, values: only(arg), label: vector?.labelNames?.[position], metric });
      position++;
      continue;
    }
    const slice = namedChildren(arg)[0];
    if (!slice) continue;
    const contents = context.containers.contentsOf(slice);
    const positions = [...contents.at].filter((entry): entry is [number, readonly Element[]] => typeof entry[0] === 'number').sort((a, b) => a[0] - b[0]);
    for (const [index, elements] of positions) {
      const values = elements.map((element) => ({ value: element.value, via: stepAt(element.value, notes.element(element.holder, index)) }));
      sinks.push({ kind: 'label', span: arg, values, label: vector?.labelNames?.[position + index], metric });
    }
    // Elements at positions nobody can tell still reach some label of the vector.
    for (const element of contents.anywhere) {
      sinks.push({ kind: 'label', span: arg, values: [{ value: element.value, via: stepAt(element.value, notes.elementOf(element.holder)) }], metric });
    }
  }
  return sinks;
}

/**
 * `vec.With(prometheus.Labels{"path": p})`, also a map variable filled after its literal. `With` is a
 * common method name (loggers): a label map needs the vector or the `Labels` type.
 */
function labelMapSinks(argument: GoNode | undefined, knownVector: boolean, metric: string | undefined, context: SinkContext): LabelSink[] {
  const built = argument && unwrapParentheses(argument).type === 'call_expression' ? returnedLabelMapSinks(unwrapParentheses(argument), knownVector, metric, context) : [];
  if (built.length > 0) return built;
  const literal = argument && context.tracer.compositeLiteralOf(argument);
  if (!argument || !literal || (!knownVector && !isLabelMap(literal, context))) return [];
  const contents = context.containers.contentsOf(argument);
  const sinks: LabelSink[] = [];
  for (const [key, elements] of contents.at) {
    for (const element of elements) {
      const inLiteral = contains(literal, element.value);
      const via = inLiteral ? undefined : stepAt(element.value, notes.storedAs(`${element.holder}[${JSON.stringify(key)}]`));
      sinks.push({ kind: 'label', span: element.value, values: [{ value: element.value, via }], label: String(key), metric });
    }
  }
  return sinks;
}

/** `vec.With(labels(code, r.Method))`: the map a helper returns, each key judged at this call, traced for it. */
function returnedLabelMapSinks(call: GoNode, knownVector: boolean, metric: string | undefined, context: SinkContext): LabelSink[] {
  const fn = context.tracer.functionOfCall(call);
  const body = fn && fieldOf(fn, 'body');
  if (!fn || !body) return [];
  const owner = context.program.contextOfFile(fn.file) ?? context;
  const sinks: LabelSink[] = [];
  for (const statement of descendants(body, (node) => FUNCTION_TYPES.has(node.type))) {
    if (statement.type !== 'return_statement') continue;
    const returned = namedChildren(statement).flatMap((list) => namedChildren(list).slice(0, 1))[0];
    const literal = returned && owner.tracer.compositeLiteralOf(returned);
    if (!returned || !literal || (!knownVector && !isLabelMap(literal, owner))) continue;
    for (const [key, elements] of owner.containers.contentsOf(returned).at) {
      const values = elements.map((element) => ({ value: element.value, inCalls: [{ fn, call }] }));
      sinks.push({ kind: 'label', span: call, values, label: String(key), metric });
    }
  }
  return sinks;
}

function isLabelMap(literal: GoNode, context: SinkContext): boolean {
  const type = fieldOf(literal, 'type');
  const alias = type?.type === 'qualified_type' ? fieldOf(type, 'package') : undefined;
  const name = type && fieldOf(type, 'name');
  const catalog = alias && context.pkg.catalogForAlias(literal.file, textOf(alias));
  return catalog?.labelMapType !== undefined && name !== undefined && textOf(name) === catalog.labelMapType;
}

/** `promhttp.WithLabelFromRequest("path", func(r *http.Request) string { … })`: every returned value. */
function labelCallbackSinks(call: GoNode, rule: LabelCallbackRule, context: SinkContext): LabelSink[] {
  const args = callArguments(call);
  const callback = args[rule.callbackArgument] && functionOf(args[rule.callbackArgument], context);
  const body = callback && fieldOf(callback, 'body');
  if (!body) return [];
  const labelArgument = rule.labelArgument === undefined ? undefined : args[rule.labelArgument];
  const label = labelArgument && context.vectors.constantString(labelArgument);
  const returned = [...descendants(body, (node) => FUNCTION_TYPES.has(node.type))]
    .filter((node) => node.type === 'return_statement')
    .flatMap((statement) => namedChildren(statement).flatMap((list) => namedChildren(list).slice(0, 1)));
  if (rule.returns === 'value') return returned.map((value) => ({ kind: 'label' as const, span: value, values: only(value), label }));
  return returned.flatMap((value) => attributeSliceSinks(value, context));
}

/** `Name:` (and `Namespace:`, `Subsystem:`) of a metric's options. */
function metricNameSinks(options: GoNode | undefined, context: SinkContext): LabelSink[] {
  const literal = options && context.tracer.compositeLiteralOf(options);
  if (!literal) return [];
  return keyedElements(literal)
    .filter(({ key }) => key === 'Name' || key === 'Namespace' || key === 'Subsystem')
    .map(({ value }) => ({ kind: 'metric-name' as const, span: value, values: only(value) }));
}

/** The team's own sinks from the configuration: `recordRequest(route, status)`. */
function customSinks(call: GoNode, callee: GoNode, context: SinkContext): LabelSink[] {
  const text = textOf(callee);
  const sink = context.config.sinks.find((candidate) => matchesConfiguredName(text, candidate.function));
  if (!sink) return [];
  const args = callArguments(call);
  return Object.entries(sink.labels).flatMap(([label, index]) => {
    const arg = args[index];
    return arg ? [{ kind: 'label' as const, span: arg, values: only(arg), label }] : [];
  });
}

/** A function literal, or the declaration a function name refers to. */
function functionOf(expression: GoNode, context: SinkContext): GoNode | undefined {
  const node = unwrapParentheses(expression);
  if (node.type === 'func_literal') return node;
  if (node.type !== 'identifier') return undefined;
  const binding = context.scopes.resolve(node);
  if (binding?.kind === 'function') return binding.declaration;
  const value = binding && context.scopes.definitionsOf(binding)[0]?.value;
  return value && unwrapParentheses(value).type === 'func_literal' ? unwrapParentheses(value) : undefined;
}
