/** chi (github.com/go-chi/chi): net/http handlers; the pattern lives in the route context. */
import type { GoCatalog } from './types';

export const chi: GoCatalog = {
  id: 'chi',
  importPaths: ['github.com/go-chi/chi/v5', 'github.com/go-chi/chi/v4', 'github.com/go-chi/chi'],
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
  routePatternFixes: [
    {
      type: { package: 'net/http', name: 'Request' },
      template: '{package}.RouteContext({value}.Context()).RoutePattern()',
      reason: 'complete only after the next handler ran',
      requiresImport: true,
    },
  ],
};
