/** fiber v2 and v3 (github.com/gofiber/fiber): `c *fiber.Ctx` (v2) or `c fiber.Ctx` (v3). */
import { WEAK_REASONS } from '../../analysis/weak-sanitizers';
import type { GoCatalog } from './types';

const ctx = 'Ctx';

export const fiber: GoCatalog = {
  id: 'fiber',
  importPaths: ['github.com/gofiber/fiber/v2', 'github.com/gofiber/fiber/v3', 'github.com/gofiber/fiber'],
  routes: { methods: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'Connect', 'Trace', 'All', 'Add'], pathArgument: { Add: 1 } },
  members: [
    { type: ctx, chain: 'Path()', fact: { kind: 'source', source: 'raw-path' } },
    { type: ctx, chain: 'OriginalURL()', fact: { kind: 'source', source: 'raw-url' } },
    { type: ctx, chain: 'BaseURL()', fact: { kind: 'source', source: 'host' } },
    { type: ctx, chain: 'Request().RequestURI()', fact: { kind: 'source', source: 'raw-url' } },
    { type: ctx, chain: 'Request().URI().Path()', fact: { kind: 'source', source: 'raw-path' } },
    { type: ctx, chain: 'Params()', fact: { kind: 'source', source: 'path-param' } },
    { type: ctx, chain: 'AllParams()', fact: { kind: 'source', source: 'path-param' } },
    { type: ctx, chain: 'Query()', fact: { kind: 'source', source: 'query' } },
    { type: ctx, chain: 'Queries()', fact: { kind: 'source', source: 'query' } },
    { type: ctx, chain: 'IP()', fact: { kind: 'source', source: 'client-ip' } },
    { type: ctx, chain: 'IPs()', fact: { kind: 'source', source: 'client-ip' } },
    { type: ctx, chain: 'Get()', fact: { kind: 'source', source: 'header' } },
    { type: ctx, chain: 'Hostname()', fact: { kind: 'source', source: 'host' } },
    { type: ctx, chain: 'Route().Path', fact: { kind: 'route-pattern' } },
    { type: ctx, chain: 'FullPath()', fact: { kind: 'route-pattern' } },
    { type: ctx, chain: 'Method()', fact: { kind: 'bounded', description: 'HTTP method', values: 'standard-method' } },
    { type: ctx, chain: 'Response().StatusCode()', fact: { kind: 'bounded', description: 'status code', values: 'status-code' } },
  ],
  stores: [{ type: ctx, setter: { method: 'Locals', key: 0, value: 1 }, getters: ['Locals'] }],
  routing: {
    types: [{ package: 'fiber', name: ctx }],
    nextMethod: 'Next',
    routeMethods: ['Get', 'Post', 'Put', 'Delete', 'Patch', 'Head', 'Options', 'All', 'Add'],
    patternThere: 'the middleware\'s own path, such as "/"',
    where: 'after c.Next()',
  },
  routePatternFixes: [
    {
      type: { package: 'fiber', name: ctx },
      template: '{value}.Route().Path',
      reason: '"/" in app.Use before c.Next()',
    },
  ],
};

/** fiber's string helpers: copies keep the value (fiber reuses its buffers, so handlers copy before keeping). */
export const fiberUtils: GoCatalog = {
  id: 'fiber-utils',
  importPaths: ['github.com/gofiber/fiber/v2/utils', 'github.com/gofiber/utils', 'github.com/gofiber/utils/v2'],
  functions: [
    ...['CopyString', 'CopyBytes', 'UnsafeString', 'UnsafeBytes', 'Trim', 'TrimLeft', 'TrimRight'].map((name) => ({ function: name, transform: { kind: 'pass', argument: 0 } }) as const),
    ...['ToLower', 'ToUpper'].map((name) => ({ function: name, transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.caseFold } }) as const),
  ],
};
