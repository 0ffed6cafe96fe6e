import type { Entity, HandlerConvention, LibraryTable, Member } from './model';

/**
 * Koa with @koa/router. The router sets `ctx._matchedRoute` (and `ctx.routerPath`) once a route
 * matched: read it after `await next()` in a middleware; it is undefined on 404s.
 */
const routeFix = { template: "$receiver._matchedRoute ?? 'unmatched'", withFallback: true } as const;
const middleware: Member = { call: { callbacks: [{ arg: 'any', params: ['koa:Context', null] }] } };

const convention: HandlerConvention = {
  params: [['ctx', 'context'], ['next']],
  minParams: 1,
  entities: ['koa:Context', null],
  confirmedBy: [{ param: 0, members: ['status', 'body', 'state', 'throw', '_matchedRoute', 'routerPath', 'response', 'set', 'redirect'] }],
  calledParam: 1,
  registeredBy: ['use', 'get', 'post', 'put', 'delete', 'del', 'patch', 'all', 'head', 'options'],
  alsoFor: ['egg', 'midway', '@midwayjs/koa', 'thinkjs'],
};

/** Request data Koa exposes both on `ctx` and on `ctx.request`. */
function requestMembers(fix: typeof routeFix | undefined): Entity['members'] {
  return {
    path: { source: 'raw-path', fix },
    url: { source: 'raw-url', fix },
    originalUrl: { source: 'raw-url', fix },
    href: { source: 'raw-url', fix },
    querystring: { source: 'query' },
    search: { source: 'query' },
    query: { entity: 'koa:Query' },
    headers: { entity: 'node-http:Headers' },
    header: { entity: 'node-http:Headers' },
    get: { call: { returns: { source: 'header' } } },
    ip: { source: 'client-ip' },
    ips: { source: 'client-ip' },
    host: { source: 'host' },
    hostname: { source: 'host' },
    origin: { source: 'host' },
    method: { bounded: 'the HTTP method', values: 'http-method' },
    protocol: { bounded: 'the protocol', values: 'protocol' },
  };
}

export const koa: LibraryTable = {
  id: 'koa',
  modules: ['koa'],
  typePackages: ['@types/koa', 'koa'],
  exports: {
    '*': 'koa:AppClass',
    default: 'koa:AppClass',
    Context: 'koa:Context',
    ParameterizedContext: 'koa:Context',
    DefaultContext: 'koa:Context',
  },
  entities: {
    AppClass: { construct: { returns: { entity: 'koa:App' } } },
    App: { typeNames: ['Application'], members: { use: middleware } },
    Context: {
      typeNames: ['Context', 'ParameterizedContext', 'ExtendableContext', 'BaseContext', 'DefaultContext', 'RouterContext', 'RouterParamContext'],
      description: 'Koa context',
      members: {
        ...requestMembers(routeFix),
        request: { entity: 'koa:Request' },
        response: { entity: 'koa:Response' },
        params: { entity: 'koa:Params' },
        cookies: { entity: 'koa:Cookies' },
        status: { bounded: 'a status code', values: 'status-code' },
        _matchedRoute: { pattern: true },
        _matchedRouteName: { pattern: true },
        routerPath: { pattern: true },
      },
    },
    Request: { typeNames: ['Request'], members: { ...requestMembers(undefined), body: { entity: 'koa:Body' } } },
    Response: { typeNames: ['Response'], members: { status: { bounded: 'a status code', values: 'status-code' } } },
    Params: { asValue: 'path-param', anyMember: { source: 'path-param' } },
    Query: { typeNames: ['ParsedUrlQuery'], asValue: 'query', anyMember: { source: 'query' } },
    Body: { asValue: 'body', anyMember: { source: 'body' } },
    Cookies: { members: { get: { call: { returns: { source: 'cookie' } } } } },
  },
  handlerConventions: [convention],
  // @koa/router sets the pattern in its own middleware; a Koa app's middleware sees it after `await next()`.
  routing: { nextParam: 1, methods: ['use'], receivers: ['koa:App'], patternThere: 'undefined', recordAt: { kind: 'after-awaited-next' } },
};

export const koaRouter: LibraryTable = {
  id: 'koa-router',
  modules: ['@koa/router', 'koa-router'],
  typePackages: ['@types/koa__router', '@koa/router', '@types/koa-router'],
  exports: {
    '*': 'koa-router:RouterClass',
    default: 'koa-router:RouterClass',
    Router: 'koa-router:RouterClass',
    RouterContext: 'koa:Context',
  },
  entities: {
    RouterClass: { construct: { returns: { entity: 'koa-router:Router' } } },
    Router: {
      typeNames: ['Router'],
      members: Object.fromEntries(['get', 'post', 'put', 'delete', 'del', 'patch', 'all', 'use', 'head', 'options'].map((verb) => [verb, middleware])),
    },
  },
  routes: { methods: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'del'] },
};
