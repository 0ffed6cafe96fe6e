/** echo v4 and v5 (github.com/labstack/echo): `c echo.Context`. */
import type { GoCatalog } from './types';

const context = 'Context';

export const echo: GoCatalog = {
  id: 'echo',
  importPaths: ['github.com/labstack/echo/v4', 'github.com/labstack/echo/v5', 'github.com/labstack/echo'],
  routes: { methods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE', 'Any', 'Match', 'Add'], pathArgument: { Match: 1, Add: 1 } },
  members: [
    { type: context, chain: 'Request()', yields: { package: 'net/http', name: 'Request' } },
    { type: context, chain: 'Param()', fact: { kind: 'source', source: 'path-param' } },
    { type: context, chain: 'ParamValues()', fact: { kind: 'source', source: 'path-param' } },
    { type: context, chain: 'QueryParam()', fact: { kind: 'source', source: 'query' } },
    { type: context, chain: 'QueryString()', fact: { kind: 'source', source: 'query' } },
    { type: context, chain: 'FormValue()', fact: { kind: 'source', source: 'form' } },
    { type: context, chain: 'RealIP()', fact: { kind: 'source', source: 'client-ip' } },
    { type: context, chain: 'Path()', fact: { kind: 'route-pattern' } },
    { type: context, chain: 'RouteInfo().Path', fact: { kind: 'route-pattern' } },
    { type: context, chain: 'Response().Status', fact: { kind: 'bounded', description: 'status code', values: 'status-code' } },
  ],
  stores: [{ type: context, setter: { method: 'Set', key: 0, value: 1 }, getters: ['Get'] }],
  routePatternFixes: [
    { type: { package: 'echo', name: context }, template: '{value}.Path()', reason: '"" before routing and on 404' },
  ],
};
