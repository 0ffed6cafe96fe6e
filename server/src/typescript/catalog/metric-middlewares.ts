import type { LibraryTable } from './model';

/**
 * HTTP metric middlewares built on prom-client. They label every request themselves; their options
 * decide what goes into the labels, so the options are the sinks.
 */

/** express-prom-bundle: `includePath: true` labels `url.parse(req.originalUrl).pathname` unless `normalizePath` maps it. */
export const expressPromBundle: LibraryTable = {
  id: 'express-prom-bundle',
  modules: ['express-prom-bundle'],
  typePackages: ['express-prom-bundle'],
  exports: { '*': 'express-prom-bundle:Factory', default: 'express-prom-bundle:Factory' },
  entities: {
    Factory: {
      call: {
        options: {
          arg: 0,
          sinks: [
            { kind: 'raw-path-flag', path: ['includePath'], label: 'path', unless: 'normalizePath', what: 'includePath: true' },
            { kind: 'returns-value', path: ['normalizePath'], label: 'path', params: ['express:Request', null] },
            { kind: 'assigns-labels', path: ['transformLabels'], params: [null, 'express:Request', 'express:Response'] },
          ],
        },
      },
    },
  },
};

/**
 * connect-datadog: `path: true` adds a `path` tag with the request's path to every request metric;
 * it has no normalizer, so the flag alone is the finding.
 */
export const connectDatadog: LibraryTable = {
  id: 'connect-datadog',
  modules: ['connect-datadog'],
  typePackages: ['@types/connect-datadog', 'connect-datadog'],
  exports: { '*': 'connect-datadog:Factory', default: 'connect-datadog:Factory' },
  entities: {
    Factory: {
      call: { options: { arg: 0, sinks: [{ kind: 'raw-path-flag', path: ['path'], label: 'path', what: 'path: true' }] } },
    },
  },
};

/** @promster/express: `getLabelValues(req, res)` returns extra labels for every request. */
export const promster: LibraryTable = {
  id: 'promster',
  modules: ['@promster/express', '@promster/fastify', '@promster/hapi'],
  typePackages: ['@promster/express', '@promster/fastify', '@promster/hapi', '@promster/types'],
  exports: { createMiddleware: 'promster:CreateMiddleware', plugin: 'promster:FastifyPlugin' },
  entities: {
    CreateMiddleware: {
      call: {
        options: {
          arg: 0,
          sinks: [{ kind: 'returns-labels', path: ['options', 'getLabelValues'], params: ['express:Request', 'express:Response'] }],
        },
      },
    },
    FastifyPlugin: {
      pluginOptions: [{ kind: 'returns-labels', path: ['getLabelValues'], params: ['fastify:Request', 'fastify:Reply'] }],
    },
  },
};

/** fastify-metrics: the route label callback and per-request custom labels. */
export const fastifyMetrics: LibraryTable = {
  id: 'fastify-metrics',
  modules: ['fastify-metrics'],
  typePackages: ['fastify-metrics'],
  exports: { '*': 'fastify-metrics:Plugin', default: 'fastify-metrics:Plugin' },
  entities: {
    Plugin: {
      pluginOptions: [
        { kind: 'returns-value', path: ['routeMetrics', 'overrides', 'labels', 'getRouteLabel'], label: 'route', params: ['fastify:Request'] },
        { kind: 'returns-value', path: ['routeMetrics', 'customLabels', '*'], params: ['fastify:Request', 'fastify:Reply'] },
      ],
    },
  },
};

/** @hono/prometheus: `customLabels` callbacks per standard metric. */
export const honoPrometheus: LibraryTable = {
  id: 'hono-prometheus',
  modules: ['@hono/prometheus'],
  typePackages: ['@hono/prometheus'],
  exports: { prometheus: 'hono-prometheus:Factory' },
  entities: {
    Factory: {
      call: {
        options: {
          arg: 0,
          sinks: [{ kind: 'returns-value', path: ['metricOptions', '*', 'customLabels', '*'], params: ['hono:Context'] }],
        },
      },
    },
  },
};
