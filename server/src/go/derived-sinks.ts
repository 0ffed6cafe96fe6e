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
import type { LabelSink, SinkValue } from './sinks';
import { stepAt } from './spans';
import { fieldOf, fieldsOf, namedChildren, textOf, unwrapParentheses, type GoNode } from './syntax';

/** A wrapper of a wrapper of a label is followed this many functions out. */
const MAX_LEVELS = 4;

export class DerivedSinks {
  constructor(
    private readonly scopes: Scopes,
    private readonly tracer: FlowTracer,
  ) {}

  /** The sinks as judged: values passed through a parameter moved to the calls of its function. */
  apply(sinks: readonly LabelSink[]): LabelSink[] {
    return sinks.flatMap((sink) => this.derive(sink, 0));
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
  private atCallers(sink: LabelSink, { value }: SinkValue): LabelSink[] | undefined {
    const parameter = this.unchangedParameter(value);
    if (!parameter) return undefined;
    const { fn, index, variadic } = parameter;
    const calls = this.tracer.callSitesOf(fn);
    if (calls.length === 0) return undefined;
    return calls.flatMap((call) => {
      const called = fnName(fn) ?? textOf(fieldOf(call, 'function') as GoNode);
      const inner: FlowStep = stepAt(sink.span, notes.becomesLabelIn(sink.noun ?? 'label', sink.label, called));
      const args = callArguments(call);
      const given = variadic ? args.slice(index) : args.slice(index, index + 1);
      return given.map((arg): LabelSink => {
        const passed = arg.type === 'variadic_argument' ? (namedChildren(arg)[0] ?? arg) : arg;
        return { ...sink, span: arg, values: [{ value: passed, via: inner }] };
      });
    });
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

