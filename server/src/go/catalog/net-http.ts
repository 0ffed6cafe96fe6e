/** net/http: the standard library server. Every framework below hands out a `*http.Request` too. */
import type { GoCatalog } from './types';

const request = 'Request';

export const netHttp: GoCatalog = {
  id: 'net/http',
  importPaths: ['net/http'],
  members: [
    { type: request, chain: 'URL.Path', fact: { kind: 'raw-path', description: 'raw request path' } },
    { type: request, chain: 'URL.RawPath', fact: { kind: 'raw-path', description: 'raw request path' } },
    { type: request, chain: 'URL.EscapedPath()', fact: { kind: 'raw-path', description: 'raw request path' } },
    { type: request, chain: 'URL.String()', fact: { kind: 'raw-path', description: 'raw request URL' } },
    { type: request, chain: 'URL.RequestURI()', fact: { kind: 'raw-path', description: 'raw request URI' } },
    { type: request, chain: 'RequestURI', fact: { kind: 'raw-path', description: 'raw request URI' } },
    { type: request, chain: 'URL.RawQuery', fact: { kind: 'unbounded', description: 'query string' } },
    { type: request, chain: 'URL.Query()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: request, chain: 'URL.Host', fact: { kind: 'unbounded', description: 'Host header' } },
    { type: request, chain: 'Host', fact: { kind: 'unbounded', description: 'Host header' } },
    { type: request, chain: 'RemoteAddr', fact: { kind: 'unbounded', description: 'client address' } },
    { type: request, chain: 'UserAgent()', fact: { kind: 'unbounded', description: 'user agent' } },
    { type: request, chain: 'Referer()', fact: { kind: 'unbounded', description: 'referrer' } },
    { type: request, chain: 'Header', fact: { kind: 'unbounded', description: 'request header' } },
    { type: request, chain: 'PathValue()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: request, chain: 'FormValue()', fact: { kind: 'unbounded', description: 'form value' } },
    { type: request, chain: 'Pattern', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: request, chain: 'Method', fact: { kind: 'bounded', description: 'HTTP method' } },
    { type: request, chain: 'Proto', fact: { kind: 'bounded', description: 'protocol version' } },
  ],
  functions: [{ function: 'StatusText', transform: { kind: 'bounded', why: 'status text' } }],
  routePatternFixes: [
    {
      type: { package: 'net/http', name: request },
      template: '{value}.Pattern',
      reason: 'Go 1.23+, "" when no pattern matched',
    },
  ],
};
