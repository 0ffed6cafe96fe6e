import type { InstrumentKind } from '../../analysis/finding';
import type { Entity, LibraryTable } from './model';

/**
 * StatsD clients: hot-shots (and its DogStatsD tags), and dd-trace's `tracer.dogstatsd`. The stat
 * name is a metric name; tags (`['route:/x']` or `{ route: '/x' }`) are dimensions. `set`/`unique`
 * count distinct values on purpose, so their values are not sinks.
 */
const stat = (instrument: InstrumentKind) => ({ call: { sink: { kind: 'statsd', stat: 0, instrument } } }) as const;
const statMethods = {
  increment: stat('counter'),
  decrement: stat('counter'),
  timing: stat('timer'),
  histogram: stat('histogram'),
  distribution: stat('distribution'),
  gauge: stat('gauge'),
};

const client: Entity = {
  typeNames: ['StatsD', 'Client'],
  members: {
    ...statMethods,
    childClient: { call: { returns: { entity: 'hot-shots:Client' }, declares: { name: { option: 'prefix' }, globalTags: { option: 'globalTags' } } } },
  },
};

export const hotShots: LibraryTable = {
  id: 'hot-shots',
  modules: ['hot-shots'],
  typePackages: ['hot-shots'],
  exports: { '*': 'hot-shots:ClientClass', default: 'hot-shots:ClientClass', StatsD: 'hot-shots:ClientClass' },
  entities: {
    ClientClass: {
      construct: { returns: { entity: 'hot-shots:Client' }, declares: { name: { option: 'prefix' }, globalTags: { option: 'globalTags' } } },
      members: { StatsD: { entity: 'hot-shots:ClientClass' } },
    },
    Client: client,
  },
};

export const ddTrace: LibraryTable = {
  id: 'dd-trace',
  modules: ['dd-trace'],
  typePackages: ['dd-trace'],
  exports: { '*': 'dd-trace:Tracer', default: 'dd-trace:Tracer' },
  entities: {
    Tracer: { typeNames: ['Tracer'], members: { init: { call: { returns: { entity: 'dd-trace:Tracer' } } }, dogstatsd: { entity: 'dd-trace:DogStatsD' } } },
    DogStatsD: { typeNames: ['DogStatsD'], members: statMethods },
  },
};
