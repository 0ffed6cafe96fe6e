import type { HandlerConvention, LibraryTable, Member } from './model';

/**
 * Express 4/5. `req.route.path` is the matched pattern of the innermost route (the mount prefix is
 * lost, and it is undefined before routing and on 404s), so the fix supplies a constant fallback.
 */
const routeFix = {
  template: "$receiver.route?.path ?? 'unmatched'",
  withFallback: true,
  // `baseUrl` is the matched mount path: the prefix the router's pattern lacks.
  underMounts: "$receiver.route ? $receiver.baseUrl + $receiver.route.path : 'unmatched'",
} as const;
const verbs = ['get', 'post', 'put', 'delete', 'patch', 'all', 'use', 'head', 'options'];
const handlers: Member = { call: { callbacks: [{ arg: 'any', params: ['express:Request', 'express:Response', null], errorHandlerArity: 4 }] } };
const routing = Object.fromEntries(verbs.map((verb) => [verb, handlers]));

const middleware: HandlerConvention = {
  params: [['req', 'request'], ['res', 'response'], ['next']],
  minParams: 2,
  entities: ['express:Request', 'express:Response', null],
  confirmedBy: [{ param: 1, members: ['on', 'once', 'statusCode', 'locals', 'status', 'send', 'json', 'end', 'set', 'setHeader', 'sendStatus', 'render', 'redirect'] }],
  calledParam: 2,
  registeredBy: [...verbs, 'route'],
  errorHandlerArity: 4,
  alsoFor: ['@nestjs/platform-express', 'loopback', '@loopback/rest', 'sails', 'feathers', '@feathersjs/express'],
};

export const express: LibraryTable = {
  id: 'express',
  modules: ['express'],
  typePackages: ['@types/express', '@types/express-serve-static-core', 'express'],
  exports: {
    '*': 'express:Factory',
    default: 'express:Factory',
    Router: 'express:RouterFactory',
    Request: 'express:Request',
    Response: 'express:Response',
    Express: 'express:App',
    Application: 'express:App',
  },
  entities: {
    Factory: {
      call: { returns: { entity: 'express:App' } },
      members: {
        Router: { entity: 'express:RouterFactory' },
        Request: { entity: 'express:Request' },
        Response: { entity: 'express:Response' },
      },
    },
    RouterFactory: { typeNames: ['Router'], call: { returns: { entity: 'express:Router' } } },
    App: {
      typeNames: ['Express', 'Application'],
      members: { ...routing, route: { call: { returns: { entity: 'express:Router' } } } },
    },
    Router: { typeNames: ['Router', 'IRouter', 'IRoute'], members: { ...routing, route: { call: { returns: { entity: 'express:Router' } } } } },
    Request: {
      typeNames: ['Request'],
      description: 'Express request',
      members: {
        path: { source: 'raw-path', fix: routeFix },
        url: { source: 'raw-url', fix: routeFix },
        originalUrl: { source: 'raw-url', fix: routeFix },
        baseUrl: { mountPath: true },
        params: { entity: 'express:Params' },
        query: { entity: 'express:Query' },
        body: { entity: 'express:Body' },
        cookies: { entity: 'express:Cookies' },
        signedCookies: { entity: 'express:Cookies' },
        headers: { entity: 'node-http:Headers' },
        get: { call: { returns: { source: 'header' } } },
        header: { call: { returns: { source: 'header' } } },
        hostname: { source: 'host' },
        host: { source: 'host' },
        subdomains: { source: 'host' },
        ip: { source: 'client-ip' },
        ips: { source: 'client-ip' },
        socket: { entity: 'node-http:Socket' },
        method: { bounded: 'the HTTP method', values: 'http-method' },
        protocol: { bounded: 'the protocol', values: 'protocol' },
        secure: { bounded: 'a boolean', values: 'boolean' },
        xhr: { bounded: 'a boolean', values: 'boolean' },
        route: { entity: 'express:Route' },
      },
    },
    Route: { members: { path: { pattern: true } } },
    Response: {
      typeNames: ['Response'],
      members: { statusCode: { bounded: 'a status code', values: 'status-code' }, statusMessage: { bounded: 'a status message' }, req: { entity: 'express:Request' } },
    },
    Params: { typeNames: ['ParamsDictionary'], asValue: 'path-param', anyMember: { source: 'path-param' } },
    Query: { typeNames: ['ParsedQs'], asValue: 'query', anyMember: { source: 'query' } },
    Body: { asValue: 'body', anyMember: { source: 'body' } },
    Cookies: { asValue: 'cookie', anyMember: { source: 'cookie' } },
  },
  handlerConventions: [middleware],
  routing: { nextParam: 2, methods: ['use'], receivers: ['express:App', 'express:Router'], patternThere: 'undefined', recordAt: { kind: 'response-event', responseParam: 1, event: 'finish' } },
  routes: { methods: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all', 'route'] },
};
