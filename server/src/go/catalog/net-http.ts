/** net/http: the standard library server. Every framework below hands out a `*http.Request` too. */
import type { GoCatalog, MemberRule } from './types';

const request = 'Request';
/** A request the program sends (a `RoundTripper`'s): the same fields, but its method is the program's choice. */
const outgoing = 'OutgoingRequest';

/** What a request carries, read the same on both ends. */
const requestMembers = (type: string): MemberRule[] => [
  { type, chain: 'URL.Path', fact: { kind: 'source', source: 'raw-path' } },
  { type, chain: 'URL.RawPath', fact: { kind: 'source', source: 'raw-path' } },
  { type, chain: 'URL.EscapedPath()', fact: { kind: 'source', source: 'raw-path' } },
  { type, chain: 'URL.String()', fact: { kind: 'source', source: 'raw-url' } },
  { type, chain: 'URL.RequestURI()', fact: { kind: 'source', source: 'raw-url' } },
  { type, chain: 'RequestURI', fact: { kind: 'source', source: 'raw-url' } },
  { type, chain: 'URL.RawQuery', fact: { kind: 'source', source: 'query' } },
  { type, chain: 'URL.Query()', fact: { kind: 'source', source: 'query' } },
  { type, chain: 'URL.Host', fact: { kind: 'source', source: 'host' } },
  { type, chain: 'Host', fact: { kind: 'source', source: 'host' } },
  { type, chain: 'RemoteAddr', fact: { kind: 'source', source: 'client-ip' } },
  { type, chain: 'UserAgent()', fact: { kind: 'source', source: 'user-agent' } },
  { type, chain: 'Referer()', fact: { kind: 'source', source: 'referrer' } },
  { type, chain: 'Header', fact: { kind: 'source', source: 'header' } },
  { type, chain: 'PathValue()', fact: { kind: 'source', source: 'path-param' } },
  { type, chain: 'FormValue()', fact: { kind: 'source', source: 'form' } },
  { type, chain: 'Proto', fact: { kind: 'bounded', description: 'protocol version' } },
  { type, chain: 'Context()', yields: { package: 'context', name: 'Context' } },
];

export const netHttp: GoCatalog = {
  id: 'net/http',
  importPaths: ['net/http'],
  routes: { methods: ['Handle', 'HandleFunc'] },
  members: [
    ...requestMembers(request),
    { type: request, chain: 'Pattern', fact: { kind: 'route-pattern' } },
    // net/http accepts any method token: the client chooses it (reported at `httpMethod` severity).
    { type: request, chain: 'Method', fact: { kind: 'source', source: 'http-method' } },
    ...requestMembers(outgoing),
    { type: outgoing, chain: 'Method', fact: { kind: 'bounded', description: 'HTTP method the program sends' } },
  ],
  parameterTypes: [{ type: request, returns: { package: 'net/http', name: 'Response' }, becomes: outgoing }],
  functions: [{ function: 'StatusText', transform: { kind: 'bounded', why: 'status text' } }],
  // The mux sets `r.Pattern` on the request it routes: a wrapper around the mux sees it only after `next`.
  routing: {
    types: [{ package: 'net/http', name: request }],
    nextMethod: 'ServeHTTP',
    routeMethods: ['Handle', 'HandleFunc'],
    patternThere: '"" (a wrapper around the mux runs before it routes)',
    where: 'after next.ServeHTTP(w, r)',
  },
  routePatternFixes: [
    {
      type: { package: 'net/http', name: request },
      template: '{value}.Pattern',
      reason: 'Go 1.23+, "" when no pattern matched',
    },
  ],
};
