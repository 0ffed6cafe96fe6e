/** gorilla/mux: net/http handlers with `mux.Vars(r)` and `mux.CurrentRoute(r)`. */
import type { GoCatalog } from './types';

export const gorillaMux: GoCatalog = {
  id: 'gorilla/mux',
  importPaths: ['github.com/gorilla/mux'],
  routes: { methods: ['Handle', 'HandleFunc', 'Path'] },
  functions: [
    { function: 'Vars', fact: { kind: 'source', source: 'path-param' } },
    { function: 'CurrentRoute', yields: { package: 'gorilla/mux', name: 'Route' } },
  ],
  members: [
    { type: 'Route', chain: 'GetPathTemplate()', fact: { kind: 'route-pattern' } },
    { type: 'Route', chain: 'GetName()', fact: { kind: 'bounded', description: 'route name' } },
  ],
  routePatternFixes: [
    {
      type: { package: 'net/http', name: 'Request' },
      reason:
        'mux.CurrentRoute(r).GetPathTemplate() returns (string, error) and CurrentRoute is nil outside a matched route: read the template in a statement of its own',
      requiresImport: true,
    },
  ],
};
