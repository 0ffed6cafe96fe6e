/**
 * Prometheus client_golang: metric vectors built with `prometheus.NewXxxVec` or `promauto` (also
 * `promauto.With(reg)`), label values given to `WithLabelValues`, `With`, `CurryWith`, …, and
 * promhttp's `WithLabelFromRequest` option. Series are never evicted, so every distinct value stays
 * in memory until the process exits.
 */
import type { GoCatalog, VectorConstructorRule } from './types';

/** Each kind of metric, and whether its recordings may move within a request (a gauge's may not). */
const VECTOR_KINDS: readonly { kind: string; recordsAnyTime: boolean }[] = [
  { kind: 'Counter', recordsAnyTime: true },
  { kind: 'Gauge', recordsAnyTime: false },
  { kind: 'Histogram', recordsAnyTime: true },
  { kind: 'Summary', recordsAnyTime: true },
];

function constructors(onType?: string): VectorConstructorRule[] {
  return VECTOR_KINDS.flatMap(({ kind, recordsAnyTime }) => [
    { function: `New${kind}Vec`, optionsArgument: 0, labelNamesArgument: 1, onType, recordsAnyTime },
    { function: `New${kind}`, optionsArgument: 0, onType, recordsAnyTime },
  ]);
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
