/** net/http: the standard library server. Every framework below hands out a `*http.Request` too. */
import type { GoCatalog } from './types';

const request = 'Request';

export const netHttp: GoCatalog = {
  id: 'net/http',
  importPaths: ['net/http'],
  members: [
    { type: request, chain: 'URL.Path', fact: { kind: 'source', source: 'raw-path' } },
    { type: request, chain: 'URL.RawPath', fact: { kind: 'source', source: 'raw-path' } },
    { type: request, chain: 'URL.EscapedPath()', fact: { kind: 'source', source: 'raw-path' } },
    { type: request, chain: 'URL.String()', fact: { kind: 'source', source: 'raw-url' } },
    { type: request, chain: 'URL.RequestURI()', fact: { kind: 'source', source: 'raw-url' } },
    { type: request, chain: 'RequestURI', fact: { kind: 'source', source: 'raw-url' } },
    { type: request, chain: 'URL.RawQuery', fact: { kind: 'source', source: 'query' } },
    { type: request, chain: 'URL.Query()', fact: { kind: 'source', source: 'query' } },
    { type: request, chain: 'URL.Host', fact: { kind: 'source', source: 'host' } },
    { type: request, chain: 'Host', fact: { kind: 'source', source: 'host' } },
    { type: request, chain: 'RemoteAddr', fact: { kind: 'source', source: 'client-ip' } },
    { type: request, chain: 'UserAgent()', fact: { kind: 'source', source: 'user-agent' } },
    { type: request, chain: 'Referer()', fact: { kind: 'source', source: 'referrer' } },
    { type: request, chain: 'Header', fact: { kind: 'source', source: 'header' } },
    { type: request, chain: 'PathValue()', fact: { kind: 'source', source: 'path-param' } },
    { type: request, chain: 'FormValue()', fact: { kind: 'source', source: 'form' } },
    { type: request, chain: 'Pattern', fact: { kind: 'route-pattern' } },
    // net/http accepts any method token: the client chooses it (reported at `httpMethod` severity).
    { type: request, chain: 'Method', fact: { kind: 'source', source: 'http-method' } },
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
