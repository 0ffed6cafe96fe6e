import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const reqDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time spent serving HTTP requests',
  labelNames: ['status', 'endpoint', 'method'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const userLookups = new Counter({
  name: 'user_lookups_total',
  help: 'User lookups by route and outcome',
  labelNames: ['route', 'outcome'] as const,
  registers: [registry],
});
