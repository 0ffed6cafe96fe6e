/**
 * Prometheus client_golang: metric vectors built with `prometheus.NewXxxVec` or `promauto` (also
 * `promauto.With(reg)`), label values given to `WithLabelValues`, `With`, `CurryWith`, …, and
 * promhttp's `WithLabelFromRequest` option. Series are never evicted, so every distinct value stays
 * in memory until the process exits.
 */
import type { GoCatalog, VectorConstructorRule } from './types';

const VECTOR_KINDS = ['Counter', 'Gauge', 'Histogram', 'Summary'];

function constructors(onType?: string): VectorConstructorRule[] {
  return VECTOR_KINDS.flatMap((kind) => [
    { function: `New${kind}Vec`, optionsArgument: 0, labelNamesArgument: 1, onType },
    { function: `New${kind}`, optionsArgument: 0, onType },
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
