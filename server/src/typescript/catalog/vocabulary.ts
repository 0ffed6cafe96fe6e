/**
 * The metric API names the catalog knows, for code outside the analysis that must name them too: the
 * syntax grammar (generated from these at build time) and the text pre-filter. Derived from the
 * tables, so a library added to the catalog is highlighted and pre-filtered without a second list.
 */
import { TABLES } from '.';
import type { Behaviour, Entity, Member } from './model';

export interface MetricVocabulary {
  /** Classes whose construction declares a labelled metric (`new Histogram({ labelNames })`). */
  readonly declaringClasses: readonly string[];
  /** Methods whose call declares an instrument (`meter.createHistogram(…)`). */
  readonly declaringMethods: readonly string[];
  /** Methods whose first argument may be an object of label values (`labels`, `inc`, `observe`, …). */
  readonly labelMethods: readonly string[];
  /** Option keys that list a metric's label names (`labelNames`). */
  readonly labelNameOptions: readonly string[];
  /** Every method whose call can put a value into a label or a metric name, or reach one that does. */
  readonly sinkMethods: readonly string[];
}

export function metricVocabulary(): MetricVocabulary {
  const declaringClasses = new Set<string>();
  const declaringMethods = new Set<string>();
  const labelMethods = new Set<string>();
  const labelNameOptions = new Set<string>();
  const sinkMethods = new Set<string>();
  for (const table of TABLES) {
    for (const [exportName, id] of Object.entries(table.exports)) {
      const entity = table.entities[id.slice(table.id.length + 1)];
      if (entity?.construct?.declares?.labelNames !== undefined) declaringClasses.add(exportName);
    }
    for (const entity of Object.values(table.entities)) {
      for (const [name, member] of Object.entries(entity.members ?? {})) {
        const behaviour = callOf(member);
        if (!behaviour) continue;
        if (behaviour.declares && behaviour.declares.globalTags === undefined) declaringMethods.add(name);
        const sink = behaviour.sink;
        if (sink?.kind === 'positional-labels' || (sink?.kind === 'labels-object' && sink.arg === 0)) labelMethods.add(name);
        if (behaviour.sink || behaviour.declares || behaviour.options || behaviour.registersPlugin || returnsSink(behaviour)) sinkMethods.add(name);
        const labelNames = behaviour.declares?.labelNames;
        if (labelNames !== undefined && typeof labelNames === 'object') labelNameOptions.add(labelNames.option);
      }
      const labelNames = entity.construct?.declares?.labelNames;
      if (labelNames !== undefined && typeof labelNames === 'object') labelNameOptions.add(labelNames.option);
    }
  }
  return {
    declaringClasses: [...declaringClasses].sort(),
    declaringMethods: [...declaringMethods].sort(),
    labelMethods: [...labelMethods].sort(),
    labelNameOptions: [...labelNameOptions].sort(),
    sinkMethods: [...sinkMethods].sort(),
  };
}

function callOf(member: Member): Behaviour | undefined {
  return 'call' in member ? member.call : undefined;
}

/** `startTimer()` returns the `end` function, which is a sink when called. */
function returnsSink(behaviour: Behaviour): boolean {
  const returned = behaviour.returns;
  if (!returned || !('entity' in returned)) return false;
  const [tableId, name] = returned.entity.split(':');
  const entity: Entity | undefined = TABLES.find((table) => table.id === tableId)?.entities[name];
  return entity?.call?.sink !== undefined;
}
