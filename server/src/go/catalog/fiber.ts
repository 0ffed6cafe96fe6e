/** fiber v2 and v3 (github.com/gofiber/fiber): `c *fiber.Ctx` (v2) or `c fiber.Ctx` (v3). */
import type { GoCatalog } from './types';

const ctx = 'Ctx';

export const fiber: GoCatalog = {
  id: 'fiber',
  importPaths: ['github.com/gofiber/fiber/v2', 'github.com/gofiber/fiber/v3', 'github.com/gofiber/fiber'],
  members: [
    { type: ctx, chain: 'Path()', fact: { kind: 'raw-path', description: 'raw request path' } },
    { type: ctx, chain: 'OriginalURL()', fact: { kind: 'raw-path', description: 'raw request URL' } },
    { type: ctx, chain: 'BaseURL()', fact: { kind: 'unbounded', description: 'base URL' } },
    { type: ctx, chain: 'Request().RequestURI()', fact: { kind: 'raw-path', description: 'raw request URI' } },
    { type: ctx, chain: 'Request().URI().Path()', fact: { kind: 'raw-path', description: 'raw request path' } },
    { type: ctx, chain: 'Params()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: ctx, chain: 'AllParams()', fact: { kind: 'unbounded', description: 'path parameter' } },
    { type: ctx, chain: 'Query()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: ctx, chain: 'Queries()', fact: { kind: 'unbounded', description: 'query parameter' } },
    { type: ctx, chain: 'IP()', fact: { kind: 'unbounded', description: 'client IP' } },
    { type: ctx, chain: 'IPs()', fact: { kind: 'unbounded', description: 'client IP' } },
    { type: ctx, chain: 'Get()', fact: { kind: 'unbounded', description: 'request header' } },
    { type: ctx, chain: 'Hostname()', fact: { kind: 'unbounded', description: 'Host header' } },
    { type: ctx, chain: 'Route().Path', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: ctx, chain: 'FullPath()', fact: { kind: 'route-pattern', description: 'route pattern' } },
    { type: ctx, chain: 'Method()', fact: { kind: 'bounded', description: 'HTTP method' } },
    { type: ctx, chain: 'Response().StatusCode()', fact: { kind: 'bounded', description: 'status code' } },
  ],
  routePatternFixes: [
    {
      type: { package: 'fiber', name: ctx },
      template: '{value}.Route().Path',
      reason: '"/" in app.Use before c.Next()',
    },
  ],
};
