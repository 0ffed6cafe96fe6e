import type { HandlerConvention, LibraryTable } from './model';

/**
 * Node's `http`/`https` servers. There is no router, so there is no route pattern to offer: a raw URL
 * must be mapped to an explicit allow-list or a literal by hand.
 */
/** A request listener, or a connect-style middleware (`@fastify/middie`, `connect`) that gets Node's request and response. */
const requestListener: HandlerConvention = {
  params: [['req', 'request', 'incoming'], ['res', 'response'], ['next']],
  minParams: 2,
  entities: ['node-http:IncomingMessage', 'node-http:ServerResponse', null],
  confirmedBy: [{ param: 1, members: ['on', 'once', 'statusCode', 'end', 'writeHead', 'setHeader', 'write'] }],
  calledParam: 2,
  registeredBy: ['createServer'],
};

const handler = { call: { callbacks: [{ arg: 'any', params: ['node-http:IncomingMessage', 'node-http:ServerResponse'] }], returns: { entity: 'node-http:Server' } } } as const;

export const nodeHttp: LibraryTable = {
  id: 'node-http',
  modules: ['http', 'node:http', 'https', 'node:https'],
  typePackages: ['@types/node'],
  exports: {
    '*': 'node-http:Module',
    default: 'node-http:Module',
    createServer: 'node-http:CreateServer',
    IncomingMessage: 'node-http:IncomingMessage',
    ServerResponse: 'node-http:ServerResponse',
    Server: 'node-http:Server',
  },
  entities: {
    Module: {
      members: {
        createServer: handler,
        IncomingMessage: { entity: 'node-http:IncomingMessage' },
        ServerResponse: { entity: 'node-http:ServerResponse' },
      },
    },
    CreateServer: handler,
    Server: {
      typeNames: ['Server'],
      members: {
        on: { call: { callbacks: [{ arg: 'any', params: ['node-http:IncomingMessage', 'node-http:ServerResponse'] }] } },
      },
    },
    IncomingMessage: {
      typeNames: ['IncomingMessage'],
      description: 'Node request',
      members: {
        url: { source: 'raw-url' },
        headers: { entity: 'node-http:Headers' },
        rawHeaders: { source: 'header' },
        socket: { entity: 'node-http:Socket' },
        connection: { entity: 'node-http:Socket' },
        method: { bounded: 'the HTTP method (Node accepts only known methods)', values: 'http-method' },
        httpVersion: { bounded: 'the HTTP version', values: 'http-version' },
      },
    },
    ServerResponse: {
      typeNames: ['ServerResponse'],
      members: { statusCode: { bounded: 'a status code', values: 'status-code' }, statusMessage: { bounded: 'a status message' } },
    },
    Headers: {
      typeNames: ['IncomingHttpHeaders'],
      asValue: 'header',
      members: {
        host: { source: 'host' },
        'user-agent': { source: 'user-agent' },
        'x-request-id': { source: 'request-id' },
        'x-forwarded-for': { source: 'client-ip' },
      },
      anyMember: { source: 'header' },
    },
    Socket: { typeNames: ['Socket'], members: { remoteAddress: { source: 'client-ip' }, remotePort: { source: 'client-ip' } } },
  },
  handlerConventions: [requestListener],
};

/** The WHATWG `Request` (fetch, Hono's `c.req.raw`, Next.js route handlers). */
export const fetchApi: LibraryTable = {
  id: 'fetch',
  modules: [],
  typePackages: [],
  exports: {},
  entities: {
    Request: {
      description: 'fetch Request',
      members: {
        url: { source: 'raw-url' },
        headers: { entity: 'fetch:Headers' },
        method: { bounded: 'the HTTP method', values: 'http-method' },
        nextUrl: { entity: 'fetch:URL' },
      },
    },
    Headers: { members: { get: { call: { returns: { source: 'header' } } } } },
    URL: {
      members: { pathname: { source: 'raw-path' }, href: { source: 'raw-url' }, search: { source: 'query' }, searchParams: { entity: 'fetch:SearchParams' } },
    },
    SearchParams: { asValue: 'query', members: { get: { call: { returns: { source: 'query' } } } }, anyMember: { source: 'query' } },
  },
};
