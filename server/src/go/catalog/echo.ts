/** echo v4 and v5 (github.com/labstack/echo): `c echo.Context`. */
import type { GoCatalog } from './types';

const context = 'Context';

export const echo: GoCatalog = {
  id: 'echo',
  importPaths: ['github.com/labstack/echo/v4', 'github.com/labstack/echo/v5', 'github.com/labstack/echo'],
  members: [
    { type: context, chain: 'Request()', yields: { package: 'net/http', name: 'Request' } },
    { type: context, chain: 'Param()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: context, chain: 'ParamValues()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: context, chain: 'QueryParam()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: context, chain: 'QueryString()', fact: { kind: 'unbounded', description: 'query string' } },
    { type: context, chain: 'FormValue()', fact: { kind: 'unbounded', description: 'form value' } },
    { type: context, chain: 'RealIP()', fact: { kind: 'unbounded', description: 'client IP' } },
    { type: context, chain: 'Path()', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: context, chain: 'RouteInfo().Path', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: context, chain: 'Response().Status', fact: { kind: 'bounded', description: 'status code' } },
  ],
  routePatternFixes: [
    { type: { package: 'echo', name: context }, template: '{value}.Path()', reason: '"" before routing and on 404' },
  ],
};
