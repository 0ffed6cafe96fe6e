/** gin (github.com/gin-gonic/gin): `c *gin.Context`. */
import type { GoCatalog } from './types';

const context = 'Context';

export const gin: GoCatalog = {
  id: 'gin',
  importPaths: ['github.com/gin-gonic/gin'],
  routes: { methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'Any', 'Handle', 'Match'], pathArgument: { Handle: 1, Match: 1 } },
  members: [
    { type: context, chain: 'Request', yields: { package: 'net/http', name: 'Request' } },
    { type: context, chain: 'Param()', fact: { kind: 'source', source: 'path-param' } },
    { type: context, chain: 'Params', fact: { kind: 'source', source: 'path-param' } },
    { type: context, chain: 'Query()', fact: { kind: 'source', source: 'query' } },
    { type: context, chain: 'DefaultQuery()', fact: { kind: 'source', source: 'query' } },
    { type: context, chain: 'PostForm()', fact: { kind: 'source', source: 'form' } },
    { type: context, chain: 'ClientIP()', fact: { kind: 'source', source: 'client-ip' } },
    { type: context, chain: 'RemoteIP()', fact: { kind: 'source', source: 'client-ip' } },
    { type: context, chain: 'GetHeader()', fact: { kind: 'source', source: 'header' } },
    { type: context, chain: 'FullPath()', fact: { kind: 'route-pattern' } },
    { type: context, chain: 'HandlerName()', fact: { kind: 'bounded', description: 'handler name' } },
    { type: context, chain: 'Writer.Status()', fact: { kind: 'bounded', description: 'status code', values: 'status-code' } },
  ],
  routePatternFixes: [
    { type: { package: 'gin', name: context }, template: '{value}.FullPath()', reason: '"" for unmatched routes' },
  ],
  stores: [{ type: context, setter: { method: 'Set', key: 0, value: 1 }, getters: ['Get', 'MustGet', 'GetString', 'GetInt', 'GetInt64', 'GetStringSlice', 'Value'] }],
};
