/**
 * The Go metric API names the catalogs know, for the syntax grammar (generated from these at build
 * time) and the text pre-filter: derived from the tables, never listed twice.
 */
import { GO_CATALOGS } from '.';

export interface GoMetricVocabulary {
  /** Functions that construct a metric vector (`NewHistogramVec`, `NewCounter`). */
  readonly vectorConstructors: readonly string[];
  /** The composite-literal types of label maps (`Labels`). */
  readonly labelMapTypes: readonly string[];
  /** Names whose call can put a value into a label or a metric name (the pre-filter looks for them). */
  readonly sinkNames: readonly string[];
}

export function goMetricVocabulary(): GoMetricVocabulary {
  const vectorConstructors = new Set<string>();
  const labelMapTypes = new Set<string>();
  const sinkNames = new Set<string>();
  for (const catalog of GO_CATALOGS) {
    for (const rule of catalog.vectorConstructors ?? []) vectorConstructors.add(rule.function);
    if (catalog.labelMapType) labelMapTypes.add(catalog.labelMapType);
    for (const rule of catalog.vectorMethods ?? []) sinkNames.add(rule.method);
    for (const rule of catalog.attributeLists ?? []) sinkNames.add(rule.function);
    for (const rule of catalog.labelCallbacks ?? []) sinkNames.add(rule.function);
    for (const rule of catalog.instrumentConstructors ?? []) sinkNames.add(rule.method);
  }
  for (const name of vectorConstructors) sinkNames.add(name);
  return { vectorConstructors: [...vectorConstructors].sort(), labelMapTypes: [...labelMapTypes].sort(), sinkNames: [...sinkNames].sort() };
}
