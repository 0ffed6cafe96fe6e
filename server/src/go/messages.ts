/** The words of Go findings: which label, which source, and what it costs. */
import type { LabelSink } from './sinks';
import { textOf } from './syntax';
import type { UnboundedValue } from './verdict';

function labelPhrase(sink: LabelSink): string {
  return sink.label === undefined ? 'a label' : `label "${sink.label}"`;
}

function sourcePhrase(value: UnboundedValue): string {
  const fallback = value.fallback ? ' as the fallback when no route matched' : '';
  const weak = value.weakSanitizer ? ` (${value.weakSanitizer} does not bound it)` : '';
  return `the ${value.description} \`${textOf(value.source)}\`${fallback}${weak}`;
}

/** "label "endpoint" receives the raw request path `c.Request.URL.Path`: one time series per distinct URL". */
export function unboundedLabelMessage(sink: LabelSink, value: UnboundedValue): string {
  const consequence = value.category === 'raw-path' ? 'one time series per distinct URL' : 'one time series per distinct value';
  return `${labelPhrase(sink)} receives ${sourcePhrase(value)}: ${consequence}`;
}

export function dynamicMetricNameMessage(value: UnboundedValue): string {
  const consequence = value.category === 'raw-path' ? 'one metric per distinct URL' : 'one metric per distinct value';
  return `the metric name is built from ${sourcePhrase(value)}: ${consequence}`;
}

export function suspiciousLabelMessage(sink: LabelSink): string {
  return `${labelPhrase(sink)} usually holds unbounded values and Cardinal cannot tell where these come from: make sure they are a small fixed set`;
}

/** The note of the flow's last step, at the sink. */
export function sinkNote(sink: LabelSink): string {
  if (sink.kind === 'metric-name') return 'used as the metric name';
  const metric = sink.metric === undefined ? '' : ` of metric "${sink.metric}"`;
  return `used as ${labelPhrase(sink)}${metric}`;
}

/** Appended when the preferred fix substitutes the route pattern, as the TypeScript findings say it. */
export const ROUTE_PATTERN_ADVICE = '. Use the matched route pattern instead';
