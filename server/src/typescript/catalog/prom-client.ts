import type { Behaviour, Entity, InstrumentSpec, LibraryTable } from './model';

/**
 * prom-client 15. Metrics are declared with `new Counter|Gauge|Histogram|Summary({ name, help,
 * labelNames })`; every call that takes a labels object (or positional values in `labelNames` order)
 * creates one series per distinct label set, kept in a Map for the life of the process.
 * `remove(...)`, `reset()` and `get()` do not create series and are not sinks.
 */
/** prom-client's default `buckets` (11 boundaries) and `percentiles` (7 quantiles). */
const INSTRUMENTS: Readonly<Record<string, InstrumentSpec>> = {
  Counter: { kind: 'counter' },
  Gauge: { kind: 'gauge' },
  Histogram: { kind: 'histogram', boundaries: { option: 'buckets' }, defaultBoundaries: 11 },
  Summary: { kind: 'summary', boundaries: { option: 'percentiles' }, defaultBoundaries: 7 },
};

/** Before prom-client 11, a metric was declared positionally: `new Histogram(name, help, labelNames)`. */
const declaresMetric = (instance: string): Behaviour => ({
  declares: { name: { option: 'name', positional: 0 }, labelNames: { option: 'labelNames', positional: 2 }, instrument: INSTRUMENTS[instance] },
});

const labelsArg = (arg: number) => ({ call: { sink: { kind: 'labels-object', arg, wrapped: true, noun: 'label' } } }) as const;

function metricClass(instance: string): Entity {
  return { typeNames: [instance], construct: { ...declaresMetric(instance), returns: { entity: `prom-client:${instance}` } } };
}

/** `labels(...)` binds the label values and returns the child series, whose own calls take none. */
const labels = { call: { sink: { kind: 'positional-labels' }, returns: { entity: 'prom-client:Child' } } } as const;
const startTimer = {
  call: { sink: { kind: 'labels-object', arg: 0, noun: 'label' }, returns: { entity: 'prom-client:EndTimer' } },
} as const;

export const promClient: LibraryTable = {
  id: 'prom-client',
  modules: ['prom-client'],
  typePackages: ['prom-client'],
  exports: {
    '*': 'prom-client:Module',
    default: 'prom-client:Module',
    Counter: 'prom-client:CounterClass',
    Gauge: 'prom-client:GaugeClass',
    Histogram: 'prom-client:HistogramClass',
    Summary: 'prom-client:SummaryClass',
  },
  entities: {
    Module: {
      members: {
        Counter: { entity: 'prom-client:CounterClass' },
        Gauge: { entity: 'prom-client:GaugeClass' },
        Histogram: { entity: 'prom-client:HistogramClass' },
        Summary: { entity: 'prom-client:SummaryClass' },
      },
    },
    CounterClass: metricClass('Counter'),
    GaugeClass: metricClass('Gauge'),
    HistogramClass: metricClass('Histogram'),
    SummaryClass: metricClass('Summary'),
    Counter: { typeNames: ['Counter'], recordsAnyTime: true, members: { labels, inc: labelsArg(0) } },
    Gauge: {
      typeNames: ['Gauge'],
      recordsAnyTime: false,
      members: { labels, inc: labelsArg(0), dec: labelsArg(0), set: labelsArg(0), setToCurrentTime: labelsArg(0), startTimer },
    },
    Histogram: { typeNames: ['Histogram'], recordsAnyTime: true, members: { labels, observe: labelsArg(0), zero: labelsArg(0), startTimer } },
    Summary: { typeNames: ['Summary'], recordsAnyTime: true, members: { labels, observe: labelsArg(0), startTimer } },
    EndTimer: { call: { sink: { kind: 'labels-object', arg: 0, noun: 'label' } } },
    // The series `labels(...)` returned: `inc()`, `observe(v)`… add no label; the end of its timer may.
    Child: { members: { startTimer: { call: { returns: { entity: 'prom-client:EndTimer' } } } } },
  },
  metricReaders: ['registerMetric', 'removeSingleMetric', 'getSingleMetric', 'merge'],
};
