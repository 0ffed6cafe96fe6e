import type { HandlerConvention, LibraryTable } from './model';

/**
 * Hapi. `request.route.path` is the route as declared (`/users/{id}`); on 404s it is the catch-all
 * `/{p*}`, still a single value, so no fallback is needed.
 */
const routeFix = { template: '$receiver.route.path', withFallback: false } as const;

const convention: HandlerConvention = {
  params: [['request', 'req'], ['h']],
  minParams: 2,
  entities: ['hapi:Request', null],
  confirmedBy: [{ param: 1, members: ['response', 'continue', 'redirect', 'view'] }],
  registeredBy: ['ext', 'route'],
};

export const hapi: LibraryTable = {
  id: 'hapi',
  modules: ['@hapi/hapi', 'hapi'],
  typePackages: ['@hapi/hapi', '@types/hapi__hapi'],
  exports: { '*': 'hapi:Module', default: 'hapi:Module', server: 'hapi:ServerFactory', Server: 'hapi:ServerClass', Request: 'hapi:Request' },
  entities: {
    Module: { members: { server: { entity: 'hapi:ServerFactory' }, Server: { entity: 'hapi:ServerClass' } } },
    ServerFactory: { call: { returns: { entity: 'hapi:Server' } } },
    ServerClass: { construct: { returns: { entity: 'hapi:Server' } } },
    Server: {
      typeNames: ['Server'],
      members: {
        route: { call: { callbacks: [{ arg: 0, property: 'handler', params: ['hapi:Request', null] }] } },
        ext: { call: { callbacks: [{ arg: 'any', params: ['hapi:Request', null] }] } },
        events: { entity: 'hapi:Events' },
      },
    },
    Events: { members: { on: { call: { callbacks: [{ arg: 'any', params: ['hapi:Request'] }] } } } },
    Request: {
      typeNames: ['Request'],
      description: 'Hapi request',
      members: {
        path: { source: 'raw-path', fix: routeFix },
        url: { source: 'raw-url', fix: routeFix },
        params: { entity: 'hapi:Container.path-param' },
        query: { entity: 'hapi:Container.query' },
        payload: { entity: 'hapi:Container.body' },
        headers: { entity: 'node-http:Headers' },
        state: { entity: 'hapi:Container.cookie' },
        info: { entity: 'hapi:Info' },
        route: { entity: 'hapi:Route' },
        method: { bounded: 'the HTTP method', values: 'http-method' },
        response: { entity: 'hapi:Response' },
      },
    },
    Info: {
      members: {
        remoteAddress: { source: 'client-ip' },
        host: { source: 'host' },
        hostname: { source: 'host' },
        referrer: { source: 'header' },
        id: { source: 'request-id' },
      },
    },
    Route: { members: { path: { pattern: true }, method: { bounded: 'the HTTP method', values: 'http-method' } } },
    Response: { members: { statusCode: { bounded: 'a status code', values: 'status-code' } } },
    'Container.path-param': { asValue: 'path-param', anyMember: { source: 'path-param' } },
    'Container.query': { asValue: 'query', anyMember: { source: 'query' } },
    'Container.body': { asValue: 'body', anyMember: { source: 'body' } },
    'Container.cookie': { asValue: 'cookie', anyMember: { source: 'cookie' } },
  },
  handlerConventions: [convention],
  routes: { methods: [], objects: { methods: ['route'], keys: ['path'] } },
};
