/**
 * The package's own functions that are sinks: a function whose parameter goes unchanged into a label
 * (`func (m *Metric) Inc(values []string) { m.vec.WithLabelValues(values...).Inc() }`) is judged at
 * its calls, where the value is written, with the label's name and metric from inside. The label
 * inside the function is then not judged itself: its value is whatever the callers pass. Metric names
 * stay where the metric is made. This is the location rule the TypeScript frontend follows too.
 */
import type { FlowStep } from '../analysis/finding';
import { notes } from '../analysis/step-notes';
import { callArguments, type FlowTracer } from './flow';
import type { Scopes } from './scopes';
import { findLabelSinks, type LabelSink, type SinkContext, type SinkValue } from './sinks';
import { stepAt } from './spans';
import { descendants, fieldOf, fieldsOf, namedChildren, textOf, unwrapParentheses, type GoFileSyntax, type GoNode } from './syntax';

const INSTANCES = new WeakMap<SinkContext, DerivedSinks>();

/** A wrapper of a wrapper of a label is followed this many functions out. */
const MAX_LEVELS = 4;

/** A parameter of a function that reaches a label unchanged, with the label it becomes. */
interface LabelParameter {
  readonly fn: GoNode;
  readonly index: number;
  readonly variadic: boolean;
  readonly sink: LabelSink;
}

export class DerivedSinks {
  private readonly scopes: Scopes;
  private readonly tracer: FlowTracer;
  /** Per function of this package, its parameters that reach labels (found once, when another package calls it). */
  private labelParameters: Map<GoNode, LabelParameter[]> | undefined;

  constructor(private readonly context: SinkContext) {
    this.scopes = context.scopes;
    this.tracer = context.tracer;
  }

  /** The derived sinks of `context`'s package, made once per package and program. */
  static of(context: SinkContext): DerivedSinks {
    let derived = INSTANCES.get(context);
    if (!derived) INSTANCES.set(context, (derived = new DerivedSinks(context)));
    return derived;
  }

  /**
   * The sinks as judged: values passed through a parameter moved to the calls of its function, and
   * the calls in `files` of other packages' functions whose parameters reach labels.
   */
  apply(sinks: readonly LabelSink[], files: readonly GoFileSyntax[]): LabelSink[] {
    const own = sinks.flatMap((sink) => this.derive(sink, 0));
    return [...own, ...files.flatMap((file) => this.importedCallSinks(file))];
  }

  /** `metrics.Record(r.URL.Path)`: the label inside another package's `Record`, judged at this call. */
  private importedCallSinks(file: GoFileSyntax): LabelSink[] {
    const sinks: LabelSink[] = [];
    for (const call of descendants(file.root)) {
      if (call.type !== 'call_expression') continue;
      const callee = fieldOf(call, 'function');
      const operand = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
      if (operand?.type !== 'identifier' || !this.context.pkg.isImportAlias(file, textOf(operand))) continue;
      const other = this.context.program.imported(file, textOf(operand));
      const declaration = other?.pkg.topLevelDeclaration(textOf(fieldOf(callee as GoNode, 'field') as GoNode))?.declaration;
      if (!other || declaration?.type !== 'function_declaration') continue;
      for (const parameter of DerivedSinks.of(other).parametersOf(declaration)) sinks.push(...this.sinksAtCall(parameter, call));
    }
    return sinks;
  }

  /** The parameters of `fn` (a function of this package) that reach a label unchanged. */
  private parametersOf(fn: GoNode): readonly LabelParameter[] {
    if (!this.labelParameters) {
      this.labelParameters = new Map();
      for (const sink of this.context.pkg.files.flatMap((file) => findLabelSinks(file, this.context))) {
        if (sink.kind !== 'label') continue;
        for (const { value } of sink.values) {
          const parameter = this.unchangedParameter(value);
          if (!parameter) continue;
          const list = this.labelParameters.get(parameter.fn) ?? [];
          list.push({ ...parameter, sink });
          this.labelParameters.set(parameter.fn, list);
        }
      }
    }
    return this.labelParameters.get(fn) ?? [];
  }

  /** The sinks a call makes of the arguments it passes for `parameter`. */
  private sinksAtCall({ fn, index, variadic, sink }: LabelParameter, call: GoNode): LabelSink[] {
    const called = fnName(fn) ?? textOf(fieldOf(call, 'function') as GoNode);
    const inner: FlowStep = stepAt(sink.span, notes.becomesLabelIn(sink.noun ?? 'label', sink.label, called));
    const args = callArguments(call);
    const given = variadic ? args.slice(index) : args.slice(index, index + 1);
    return given.map((arg): LabelSink => {
      const passed = arg.type === 'variadic_argument' ? (namedChildren(arg)[0] ?? arg) : arg;
      return { ...sink, span: arg, values: [{ value: passed, via: inner }] };
    });
  }

  private derive(sink: LabelSink, level: number): LabelSink[] {
    if (sink.kind !== 'label' || level >= MAX_LEVELS) return [sink];
    const kept: SinkValue[] = [];
    const moved: LabelSink[] = [];
    for (const value of sink.values) {
      const derived = this.atCallers(sink, value);
      if (derived) moved.push(...derived.flatMap((outer) => this.derive(outer, level + 1)));
      else kept.push(value);
    }
    if (kept.length === sink.values.length) return [sink];
    return kept.length === 0 ? moved : [{ ...sink, values: kept }, ...moved];
  }

  /** One sink per call of the function whose parameter `value` is, or undefined when it is none (or nobody calls it). */
  private atCallers(sink: LabelSink, { value, inCalls = [] }: SinkValue): LabelSink[] | undefined {
    const parameter = this.unchangedParameter(value);
    // A value inside helpers calling helpers is traced through that chain of calls where it is.
    if (!parameter || inCalls.length > 1) return undefined;
    // A value traced for one call of its function (a label map a helper builds) goes to that call only.
    const calls = inCalls[0]?.fn === parameter.fn ? [inCalls[0].call] : this.tracer.callSitesOf(parameter.fn);
    if (calls.length === 0) return undefined;
    return calls.flatMap((call) => this.sinksAtCall({ ...parameter, sink }, call));
  }

  /** The parameter `value` reads, when nothing in its function assigns it (a function's own, not its receiver's). */
  private unchangedParameter(value: GoNode): { fn: GoNode; index: number; variadic: boolean } | undefined {
    const node = unwrapParentheses(value);
    if (node.type !== 'identifier') return undefined;
    const binding = this.scopes.resolve(node);
    const fn = binding?.scope;
    if (!binding || binding.kind !== 'parameter' || !fn || binding.declaration.parent?.field !== 'parameters') return undefined;
    if (this.scopes.definitionsOf(binding).length !== 1) return undefined;
    const declarations = namedChildren(fieldOf(fn, 'parameters') as GoNode);
    let index = 0;
    for (const declaration of declarations) {
      const names = fieldsOf(declaration, 'name');
      if (declaration === binding.declaration) {
        return { fn, index: index + names.indexOf(binding.identifier), variadic: declaration.type === 'variadic_parameter_declaration' };
      }
      index += Math.max(1, names.length);
    }
    return undefined;
  }
}

function fnName(fn: GoNode): string | undefined {
  const name = fieldOf(fn, 'name');
  return name ? textOf(name) : undefined;
}

