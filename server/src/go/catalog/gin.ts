/** gin (github.com/gin-gonic/gin): `c *gin.Context`. */
import type { GoCatalog } from './types';

const context = 'Context';

export const gin: GoCatalog = {
  id: 'gin',
  importPaths: ['github.com/gin-gonic/gin'],
  members: [
    { type: context, chain: 'Request', yields: { package: 'net/http', name: 'Request' } },
    { type: context, chain: 'Param()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: context, chain: 'Params', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: context, chain: 'Query()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: context, chain: 'DefaultQuery()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: context, chain: 'PostForm()', fact: { kind: 'unbounded', description: 'form value' } },
    { type: context, chain: 'ClientIP()', fact: { kind: 'unbounded', description: 'client IP' } },
    { type: context, chain: 'RemoteIP()', fact: { kind: 'unbounded', description: 'client IP' } },
    { type: context, chain: 'GetHeader()', fact: { kind: 'unbounded', description: 'request header' } },
    { type: context, chain: 'FullPath()', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: context, chain: 'HandlerName()', fact: { kind: 'bounded', description: 'handler name' } },
    { type: context, chain: 'Writer.Status()', fact: { kind: 'bounded', description: 'status code' } },
  ],
  routePatternFixes: [
    { type: { package: 'gin', name: context }, template: '{value}.FullPath()', reason: '"" for unmatched routes' },
  ],
};
