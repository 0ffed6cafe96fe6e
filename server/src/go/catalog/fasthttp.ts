/** fasthttp (github.com/valyala/fasthttp): `ctx *fasthttp.RequestCtx`; its byte slices become strings with `string(…)`. */
import type { GoCatalog } from './types';

const ctx = 'RequestCtx';

export const fasthttp: GoCatalog = {
  id: 'fasthttp',
  importPaths: ['github.com/valyala/fasthttp'],
  members: [
    { type: ctx, chain: 'Path()', fact: { kind: 'source', source: 'raw-path' } },
    { type: ctx, chain: 'RequestURI()', fact: { kind: 'source', source: 'raw-url' } },
    { type: ctx, chain: 'URI().Path()', fact: { kind: 'source', source: 'raw-path' } },
    { type: ctx, chain: 'URI().String()', fact: { kind: 'source', source: 'raw-url' } },
    { type: ctx, chain: 'URI().FullURI()', fact: { kind: 'source', source: 'raw-url' } },
    { type: ctx, chain: 'QueryArgs()', fact: { kind: 'source', source: 'query' } },
    { type: ctx, chain: 'PostArgs()', fact: { kind: 'source', source: 'form' } },
    { type: ctx, chain: 'FormValue()', fact: { kind: 'source', source: 'form' } },
    { type: ctx, chain: 'UserValue()', fact: { kind: 'source', source: 'path-param' } },
    { type: ctx, chain: 'Host()', fact: { kind: 'source', source: 'host' } },
    { type: ctx, chain: 'RemoteIP()', fact: { kind: 'source', source: 'client-ip' } },
    { type: ctx, chain: 'RemoteAddr()', fact: { kind: 'source', source: 'client-ip' } },
    { type: ctx, chain: 'UserAgent()', fact: { kind: 'source', source: 'user-agent' } },
    { type: ctx, chain: 'Referer()', fact: { kind: 'source', source: 'referrer' } },
    { type: ctx, chain: 'Request.Header', fact: { kind: 'source', source: 'header' } },
    // fasthttp parses any method token, as net/http does.
    { type: ctx, chain: 'Method()', fact: { kind: 'source', source: 'http-method' } },
    { type: ctx, chain: 'Response.StatusCode()', fact: { kind: 'bounded', description: 'status code', values: 'status-code' } },
  ],
};
