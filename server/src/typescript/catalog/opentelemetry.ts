import type { Entity, InstrumentSpec, LibraryTable } from './model';

/**
 * The OpenTelemetry metrics API (@opentelemetry/api 1.x, and the SDK's MeterProvider), and the 0.x
 * @opentelemetry/metrics it replaced, whose instruments also `bind(labels)` once for later
 * measurements. Attributes (0.x: labels) passed with a measurement become the series' dimensions. Span attributes are not metric series and are
 * deliberately absent: `url.path` on a span is the standard.
 */
const attributesArg = (arg: number) => ({ call: { sink: { kind: 'labels-object', arg, noun: 'attribute' } } }) as const;

function instrument(typeName: string, method: 'add' | 'record', recordsAnyTime: boolean): Entity {
  return { typeNames: [typeName], recordsAnyTime, members: { [method]: attributesArg(1), bind: attributesArg(0) } };
}

function observable(typeName: string): Entity {
  return {
    typeNames: [typeName],
    members: { addCallback: { call: { callbacks: [{ arg: 0, params: ['otel:ObservableResult'] }] } } },
  };
}

/** The SDK's default explicit bucket boundaries for a histogram: 15 (0, 5, 10, … 10000). */
const INSTRUMENTS: Readonly<Record<string, InstrumentSpec>> = {
  Counter: { kind: 'counter' },
  UpDownCounter: { kind: 'gauge' },
  Histogram: { kind: 'histogram', defaultBoundaries: 15 },
  Gauge: { kind: 'gauge' },
  ObservableGauge: { kind: 'gauge' },
  ObservableCounter: { kind: 'counter' },
  ObservableUpDownCounter: { kind: 'gauge' },
};

const create = (entity: string) => ({ call: { returns: { entity: `otel:${entity}` }, declares: { name: 0, instrument: INSTRUMENTS[entity] } } }) as const;

export const openTelemetry: LibraryTable = {
  id: 'otel',
  modules: ['@opentelemetry/api', '@opentelemetry/sdk-metrics', '@opentelemetry/metrics'],
  typePackages: ['@opentelemetry/api', '@opentelemetry/sdk-metrics', '@opentelemetry/metrics'],
  exports: {
    '*': 'otel:Module',
    metrics: 'otel:MetricsAPI',
    MeterProvider: 'otel:MeterProviderClass',
    Meter: 'otel:Meter',
  },
  entities: {
    Module: { members: { metrics: { entity: 'otel:MetricsAPI' }, MeterProvider: { entity: 'otel:MeterProviderClass' } } },
    MetricsAPI: { typeNames: ['MetricsAPI'], members: { getMeter: { call: { returns: { entity: 'otel:Meter' } } } } },
    MeterProviderClass: { construct: { returns: { entity: 'otel:MeterProvider' } } },
    MeterProvider: { typeNames: ['MeterProvider'], members: { getMeter: { call: { returns: { entity: 'otel:Meter' } } } } },
    Meter: {
      typeNames: ['Meter'],
      members: {
        createCounter: create('Counter'),
        createUpDownCounter: create('UpDownCounter'),
        createHistogram: create('Histogram'),
        createValueRecorder: create('Histogram'),
        createGauge: create('Gauge'),
        createObservableGauge: create('ObservableGauge'),
        createObservableCounter: create('ObservableCounter'),
        createObservableUpDownCounter: create('ObservableUpDownCounter'),
        addBatchObservableCallback: { call: { callbacks: [{ arg: 0, params: ['otel:BatchObservableResult'] }] } },
      },
    },
    Counter: instrument('Counter', 'add', true),
    UpDownCounter: instrument('UpDownCounter', 'add', false),
    Histogram: instrument('Histogram', 'record', true),
    Gauge: instrument('Gauge', 'record', false),
    ObservableGauge: observable('ObservableGauge'),
    ObservableCounter: observable('ObservableCounter'),
    ObservableUpDownCounter: observable('ObservableUpDownCounter'),
    ObservableResult: { typeNames: ['ObservableResult'], members: { observe: attributesArg(1) } },
    BatchObservableResult: { typeNames: ['BatchObservableResult'], members: { observe: attributesArg(2) } },
  },
};
