import type { HandlerConvention, LibraryTable, Member } from './model';

/**
 * Fastify 4/5. `request.routeOptions.url` is the route as registered (v4.10+); it is undefined in
 * not-found handlers, hence the fallback. `routerPath`/`routeConfig` are the deprecated v4 spellings.
 */
const routeFix = { template: "$receiver.routeOptions.url ?? 'unmatched'", withFallback: true } as const;
const handlers: Member = { call: { callbacks: [{ arg: 'any', params: ['fastify:Request', 'fastify:Reply'] }] } };
const verbs = ['get', 'post', 'put', 'delete', 'patch', 'all', 'head', 'options', 'addHook', 'setNotFoundHandler'];

const hook: HandlerConvention = {
  params: [['request'], ['reply'], ['done']],
  minParams: 2,
  entities: ['fastify:Request', 'fastify:Reply', null],
  confirmedBy: [
    { param: 0, members: ['routeOptions', 'routerPath', 'routeConfig'] },
    { param: 1, members: ['send', 'code', 'status', 'header', 'headers', 'elapsedTime', 'getResponseTime', 'statusCode', 'raw'] },
  ],
  calledParam: 2,
  registeredBy: [...verbs, 'route'],
};

export const fastify: LibraryTable = {
  id: 'fastify',
  modules: ['fastify'],
  typePackages: ['fastify'],
  exports: {
    '*': 'fastify:Factory',
    default: 'fastify:Factory',
    fastify: 'fastify:Factory',
    FastifyRequest: 'fastify:Request',
    FastifyReply: 'fastify:Reply',
    FastifyInstance: 'fastify:Instance',
  },
  entities: {
    Factory: { call: { returns: { entity: 'fastify:Instance' } } },
    Instance: {
      typeNames: ['FastifyInstance'],
      members: {
        ...Object.fromEntries(verbs.map((verb) => [verb, handlers])),
        setErrorHandler: { call: { callbacks: [{ arg: 0, params: [null, 'fastify:Request', 'fastify:Reply'] }] } },
        route: { call: { callbacks: [{ arg: 0, property: 'handler', params: ['fastify:Request', 'fastify:Reply'] }] } },
        register: { call: { registersPlugin: { pluginArg: 0, optionsArg: 1 }, callbacks: [{ arg: 0, params: ['fastify:Instance', null] }] } },
      },
    },
    Request: {
      typeNames: ['FastifyRequest'],
      description: 'Fastify request',
      members: {
        url: { source: 'raw-url', fix: routeFix },
        originalUrl: { source: 'raw-url', fix: routeFix },
        raw: { entity: 'node-http:IncomingMessage' },
        params: { entity: 'fastify:Params' },
        query: { entity: 'fastify:Query' },
        body: { entity: 'fastify:Body' },
        headers: { entity: 'node-http:Headers' },
        ip: { source: 'client-ip' },
        ips: { source: 'client-ip' },
        host: { source: 'host' },
        hostname: { source: 'host' },
        id: { source: 'request-id' },
        method: { bounded: 'the HTTP method', values: 'http-method' },
        protocol: { bounded: 'the protocol', values: 'protocol' },
        routeOptions: { entity: 'fastify:RouteOptions' },
        routerPath: { pattern: true },
        routeConfig: { entity: 'fastify:RouteConfig' },
      },
    },
    RouteOptions: { members: { url: { pattern: true }, method: { bounded: 'the HTTP method', values: 'http-method' }, config: { entity: 'fastify:RouteConfig' } } },
    RouteConfig: { members: { statsId: { pattern: true }, url: { pattern: true } } },
    Reply: {
      typeNames: ['FastifyReply'],
      members: { statusCode: { bounded: 'a status code', values: 'status-code' }, request: { entity: 'fastify:Request' }, raw: { entity: 'node-http:ServerResponse' } },
    },
    Params: { asValue: 'path-param', anyMember: { source: 'path-param' } },
    Query: { asValue: 'query', anyMember: { source: 'query' } },
    Body: { asValue: 'body', anyMember: { source: 'body' } },
  },
  handlerConventions: [hook],
  routes: { methods: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all'], objects: { methods: ['route'], keys: ['url', 'path'] } },
};
