/**
 * OpenTelemetry Go: attributes given to instruments through `metric.WithAttributes(…)` or
 * `metric.WithAttributeSet(attribute.NewSet(…))`, and otelhttp's `WithMetricAttributesFn`. Span
 * attributes are not metric series and are never looked at. The SDK caps each instrument at 2000
 * series and folds the rest into one overflow series: memory is bounded, the data is lost.
 */
import type { GoCatalog, InstrumentConstructorRule } from './types';

/** Each instrument and what it exposes per series: a histogram 15 default boundaries (16 buckets), with a sum and a count. */
const INSTRUMENTS: readonly (readonly [string, InstrumentConstructorRule['instrument']])[] = [
  ['Counter', { kind: 'counter' }],
  ['UpDownCounter', { kind: 'gauge' }],
  ['Histogram', { kind: 'histogram', defaultBoundaries: 15 }],
  ['Gauge', { kind: 'gauge' }],
  ['ObservableCounter', { kind: 'counter' }],
  ['ObservableUpDownCounter', { kind: 'gauge' }],
  ['ObservableGauge', { kind: 'gauge' }],
];

const instrumentConstructors: InstrumentConstructorRule[] = INSTRUMENTS.flatMap(([kind, instrument]) => [
  { method: `Int64${kind}`, nameArgument: 0, instrument },
  { method: `Float64${kind}`, nameArgument: 0, instrument },
]);

export const otelMetric: GoCatalog = {
  id: 'otel/metric',
  importPaths: ['go.opentelemetry.io/otel/metric'],
  attributeLists: [
    { function: 'WithAttributes', form: 'arguments' },
    { function: 'WithAttributeSet', form: 'set' },
  ],
  instrumentConstructors,
};

/** `otel.Meter(name)` hands out a meter without the metric package being imported. */
export const otel: GoCatalog = {
  id: 'otel',
  importPaths: ['go.opentelemetry.io/otel'],
  instrumentConstructors,
};

export const otelAttribute: GoCatalog = {
  id: 'otel/attribute',
  importPaths: ['go.opentelemetry.io/otel/attribute'],
  attributeConstructors: ['String', 'Int', 'Int64', 'Float64', 'Bool', 'StringSlice', 'Stringer'].map((name) => ({
    function: name,
    keyArgument: 0,
    valueArgument: 1,
  })),
  attributeKeyType: { function: 'Key', methods: ['String', 'Int', 'Int64', 'Float64', 'Bool', 'StringSlice'] },
  attributeSetFunction: 'NewSet',
};

export const otelhttp: GoCatalog = {
  id: 'otelhttp',
  importPaths: ['go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp'],
  labelCallbacks: [{ function: 'WithMetricAttributesFn', callbackArgument: 0, returns: 'attributes' }],
};
