/** chi (github.com/go-chi/chi): net/http handlers; the pattern lives in the route context. */
import type { GoCatalog } from './types';

export const chi: GoCatalog = {
  id: 'chi',
  importPaths: ['github.com/go-chi/chi/v5', 'github.com/go-chi/chi/v4', 'github.com/go-chi/chi'],
  routes: { methods: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'Connect', 'Trace', 'Handle', 'HandleFunc', 'Method', 'MethodFunc'], pathArgument: { Method: 1, MethodFunc: 1 } },
  functions: [
    { function: 'URLParam', fact: { kind: 'source', source: 'path-param' } },
    { function: 'URLParamFromCtx', fact: { kind: 'source', source: 'path-param' } },
    { function: 'RouteContext', yields: { package: 'chi', name: 'Context' } },
  ],
  members: [
    { type: 'Context', chain: 'RoutePattern()', fact: { kind: 'route-pattern' } },
    { type: 'Context', chain: 'URLParam()', fact: { kind: 'source', source: 'path-param' } },
    { type: 'Context', chain: 'RoutePath', fact: { kind: 'source', source: 'raw-path' } },
  ],
  // chi appends each router's pattern as the request descends: a middleware sees it whole only after `next`.
  routing: {
    types: [{ package: 'net/http', name: 'Request' }, { package: 'chi', name: 'Context' }],
    nextMethod: 'ServeHTTP',
    routeMethods: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'Connect', 'Trace', 'Method', 'MethodFunc', 'Handle', 'HandleFunc'],
    requiresImport: true,
    patternThere: 'incomplete (only the routers entered so far)',
    where: 'after next.ServeHTTP(w, r)',
  },
  routePatternFixes: [
    {
      type: { package: 'net/http', name: 'Request' },
      template: '{package}.RouteContext({value}.Context()).RoutePattern()',
      reason: 'complete only after the next handler ran',
      requiresImport: true,
    },
  ],
};
