import type { HandlerConvention, LibraryTable, Member } from './model';

/**
 * Hono. `c.req.routePath` (deprecated in favour of `routePath(c)` from 'hono/route') is the matched
 * pattern; inside `app.use('*', …)` it is `'/*'` until after `await next()`, which is still bounded.
 * `basePath(c)` from 'hono/route' returns the raw matched base path, not a pattern.
 */
const routeFix = { template: '$receiver.routePath', withFallback: false } as const;
const handlers: Member = { call: { callbacks: [{ arg: 'any', params: ['hono:Context', null] }] } };
const verbs = ['get', 'post', 'put', 'delete', 'patch', 'all', 'use', 'on', 'options'];

const convention: HandlerConvention = {
  params: [['c', 'ctx', 'context'], ['next']],
  minParams: 1,
  entities: ['hono:Context', null],
  confirmedBy: [{ param: 0, members: ['res', 'json', 'text', 'html', 'header', 'status', 'var', 'env', 'executionCtx', 'notFound', 'set', 'get'] }],
  calledParam: 1,
  // Not `on`: `x.on('event', fn)` is every event emitter's, and Hono's own `on(method, path, fn)` is rare.
  registeredBy: verbs.filter((verb) => verb !== 'on'),
};

export const hono: LibraryTable = {
  id: 'hono',
  modules: ['hono'],
  typePackages: ['hono'],
  exports: { Hono: 'hono:AppClass', Context: 'hono:Context' },
  entities: {
    AppClass: { construct: { returns: { entity: 'hono:App' } } },
    App: {
      typeNames: ['Hono', 'HonoBase'],
      members: {
        ...Object.fromEntries(verbs.map((verb) => [verb, handlers])),
        route: { call: { returns: { entity: 'hono:App' } } },
        basePath: { call: { returns: { entity: 'hono:App' } } },
        onError: { call: { callbacks: [{ arg: 0, params: [null, 'hono:Context'] }] } },
        notFound: handlers,
      },
    },
    Context: {
      typeNames: ['Context'],
      description: 'Hono context',
      members: { req: { entity: 'hono:Request' }, res: { entity: 'hono:Response' } },
    },
    Request: {
      typeNames: ['HonoRequest'],
      members: {
        path: { source: 'raw-path', fix: routeFix },
        url: { source: 'raw-url', fix: routeFix },
        param: { call: { returns: { source: 'path-param' } } },
        query: { call: { returns: { source: 'query' } } },
        queries: { call: { returns: { source: 'query' } } },
        header: { call: { returns: { source: 'header' } } },
        json: { call: { returns: { source: 'body' } } },
        text: { call: { returns: { source: 'body' } } },
        parseBody: { call: { returns: { source: 'body' } } },
        raw: { entity: 'fetch:Request' },
        method: { bounded: 'the HTTP method', values: 'http-method' },
        routePath: { pattern: true },
      },
    },
    Response: { members: { status: { bounded: 'a status code', values: 'status-code' } } },
  },
  handlerConventions: [convention],
  routing: { nextParam: 1, methods: ['use'], receivers: ['hono:App'], patternThere: "the middleware's own path, such as '/*'", recordAt: { kind: 'after-awaited-next' } },
  routes: { methods: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'on'], pathArgument: { on: 1 } },
};

export const honoRoute: LibraryTable = {
  id: 'hono-route',
  modules: ['hono/route'],
  typePackages: ['hono'],
  exports: {
    routePath: 'hono-route:RoutePath',
    baseRoutePath: 'hono-route:RoutePath',
    basePath: 'hono-route:BasePath',
  },
  entities: {
    RoutePath: { call: { returns: { pattern: true } } },
    BasePath: { call: { returns: { source: 'raw-path' } } },
  },
};
