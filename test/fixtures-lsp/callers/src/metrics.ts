import { Counter } from 'prom-client';

const hits = new Counter({
  name: 'http_hits_total',
  help: 'Hits by route',
  labelNames: ['route'],
});

/** Counts one hit on `route`. */
export function recordHit(route: string): void {
  hits.labels(route).inc();
}
