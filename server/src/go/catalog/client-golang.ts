/**
 * Prometheus client_golang: metric vectors built with `prometheus.NewXxxVec` or `promauto` (also
 * `promauto.With(reg)`), label values given to `WithLabelValues`, `With`, `CurryWith`, …, and
 * promhttp's `WithLabelFromRequest` option. Series are never evicted, so every distinct value stays
 * in memory until the process exits.
 */
import type { GoCatalog, VectorConstructorRule } from './types';

/** Each kind of metric, and whether its recordings may move within a request (a gauge's may not). */
/**
 * Each kind of metric, whether its recordings may move within a request (a gauge's may not), and its
 * instrument: `DefBuckets` has 11 boundaries; a summary has no quantiles unless `Objectives` lists them.
 */
const VECTOR_KINDS: readonly Pick<VectorConstructorRule, 'recordsAnyTime' | 'instrument'>[] = [
  { recordsAnyTime: true, instrument: { kind: 'counter' } },
  { recordsAnyTime: false, instrument: { kind: 'gauge' } },
  { recordsAnyTime: true, instrument: { kind: 'histogram', boundariesField: 'Buckets', defaultBoundaries: 11 } },
  { recordsAnyTime: true, instrument: { kind: 'summary', boundariesField: 'Objectives', defaultBoundaries: 0 } },
];

function constructors(onType?: string): VectorConstructorRule[] {
  return VECTOR_KINDS.flatMap(({ recordsAnyTime, instrument }) => {
    const kind = instrument.kind.charAt(0).toUpperCase() + instrument.kind.slice(1);
    return [
      { function: `New${kind}Vec`, optionsArgument: 0, labelNamesArgument: 1, onType, recordsAnyTime, instrument },
      { function: `New${kind}`, optionsArgument: 0, onType, recordsAnyTime, instrument },
    ];
  });
}

export const clientGolang: GoCatalog = {
  id: 'client_golang',
  importPaths: ['github.com/prometheus/client_golang/prometheus'],
  vectorConstructors: constructors(),
  vectorMethods: [
    { method: 'WithLabelValues', form: 'values' },
    { method: 'GetMetricWithLabelValues', form: 'values' },
    { method: 'With', form: 'labels' },
    { method: 'GetMetricWith', form: 'labels' },
    { method: 'CurryWith', form: 'labels', curries: true },
    { method: 'MustCurryWith', form: 'labels', curries: true },
  ],
  labelMapType: 'Labels',
  vectorReaders: ['Register', 'MustRegister', 'Unregister', 'Describe', 'Collect', 'DescribeByCollect'],
};

export const testutil: GoCatalog = {
  id: 'testutil',
  importPaths: ['github.com/prometheus/client_golang/prometheus/testutil'],
  vectorReaders: ['ToFloat64', 'CollectAndCount', 'CollectAndCompare', 'CollectAndLint', 'CollectAndFormat'],
};

export const promauto: GoCatalog = {
  id: 'promauto',
  importPaths: ['github.com/prometheus/client_golang/prometheus/promauto'],
  functions: [{ function: 'With', yields: { package: 'promauto', name: 'Factory' } }],
  vectorConstructors: [...constructors(), ...constructors('Factory')],
};

export const promhttp: GoCatalog = {
  id: 'promhttp',
  importPaths: ['github.com/prometheus/client_golang/prometheus/promhttp'],
  labelCallbacks: [{ function: 'WithLabelFromRequest', labelArgument: 0, callbackArgument: 1, returns: 'value' }],
};
