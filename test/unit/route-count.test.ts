/**
 * The route counters of each language, framework by framework: what a series budget takes as the
 * number of patterns a label can receive. A registration is a router and a literal path; a path built
 * at run time is counted apart, so the budget says "unknown" instead of guessing.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type * as GoModule from '../../server/src/go';
import type * as RoutesModule from '../../server/src/typescript/routes';
import { loadServerModule } from '../support/server-module';

const { countTypeScriptRoutes } = loadServerModule<typeof RoutesModule>('typescript/routes');
const { countGoRoutes, GoParser } = loadServerModule<typeof GoModule>('go');

function typescriptRoutes(text: string, fileName = 'app.ts') {
  return countTypeScriptRoutes([{ fileName, text }]).get(fileName);
}

describe('TypeScript route registrations', () => {
  test('Express: each router and literal path once, whatever the methods; mounts and settings are no routes', () => {
    const text = `import express from 'express';
const app = express();
const users = express.Router();
app.get('/health', h);
app.get('/orders', h);
app.post('/orders', h);
users.get('/:id', h);
users.route('/:id/avatar').get(h).put(h);
app.use('/users', users);
app.get('env');
app.use(logger);`;
    assert.deepEqual(typescriptRoutes(text), { registered: 4, dynamic: 0 });
  });

  test('Express: a path built at run time is dynamic', () => {
    const text = `import express from 'express';
const app = express();
app.get('/a', h);
app.get(prefix + '/b', h);
app.get(\`/c/\${version}\`, h);`;
    assert.deepEqual(typescriptRoutes(text), { registered: 1, dynamic: 2 });
  });

  test('Koa router: named routes put the name before the path', () => {
    const text = `const Router = require('@koa/router');
const router = new Router();
router.get('user', '/users/:id', h);
router.post('/users', h);
router.del('/users/:id', h);`;
    assert.deepEqual(typescriptRoutes(text, 'router.js'), { registered: 2, dynamic: 0 });
  });

  test('Fastify: shorthand methods and route objects', () => {
    const text = `import Fastify from 'fastify';
const app = Fastify();
app.get('/health', h);
app.route({ method: 'GET', url: '/orders/:id', handler: h });
app.route({ method: ['PUT', 'PATCH'], url: '/orders/:id', handler: h });`;
    assert.deepEqual(typescriptRoutes(text), { registered: 2, dynamic: 0 });
  });

  test('Hono: methods and on(method, path)', () => {
    const text = `import { Hono } from 'hono';
const app = new Hono();
app.get('/posts/:id', h);
app.on('PURGE', '/cache/:key', h);
app.on(['GET', 'HEAD'], '/feed', h);`;
    assert.deepEqual(typescriptRoutes(text), { registered: 3, dynamic: 0 });
  });

  test('Hapi: server.route with one route object or several', () => {
    const text = `import Hapi from '@hapi/hapi';
const server = Hapi.server();
server.route({ method: 'GET', path: '/users/{id}', handler: h });
server.route([{ method: 'POST', path: '/users', handler: h }, { method: 'GET', path: '/users', handler: h }]);`;
    assert.deepEqual(typescriptRoutes(text), { registered: 2, dynamic: 0 });
  });

  test('Nest: one route per method decorator of a controller', () => {
    const text = `import { Controller, Get, Post } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get() list() {}
  @Get(':id') one() {}
  @Post() create() {}
  helper() {}
}`;
    assert.deepEqual(typescriptRoutes(text), { registered: 3, dynamic: 0 });
  });

  test('a file that imports no router registers nothing', () => {
    assert.equal(typescriptRoutes(`const cache = new Map(); cache.get('/a', 1);`), undefined);
  });
});

describe('Go route registrations', () => {
  let parser: GoModule.GoParser;
  before(async () => {
    parser = await GoParser.load();
  });
  const goRoutes = (imports: string, body: string) => {
    const text = `package api\n\nimport (\n${imports}\n)\n\nfunc routes() {\n${body}\n}\n`;
    return countGoRoutes(parser, [{ fileName: 'routes.go', text }]).get('routes.go');
  };

  test('gin: methods on the engine and on groups', () => {
    const body = `r := gin.New()
r.GET("/health", h)
r.GET("/orders", h)
r.POST("/orders", h)
v1 := r.Group("/v1")
v1.GET("/users/:id", h)
r.Use(logger)`;
    assert.deepEqual(goRoutes(`"github.com/gin-gonic/gin"`, body), { registered: 3, dynamic: 0 });
  });

  test('echo: Match and Add take the path second; a built path is dynamic', () => {
    const body = `e := echo.New()
e.GET("/a", h)
e.Match([]string{"GET", "HEAD"}, "/b", h)
e.Add("PURGE", "/c", h)
e.GET(prefix+"/d", h)`;
    assert.deepEqual(goRoutes(`"github.com/labstack/echo/v4"`, body), { registered: 3, dynamic: 1 });
  });

  test('chi: methods, Handle and Method', () => {
    const body = `r := chi.NewRouter()
r.Get("/users/{id}", h)
r.Method("PURGE", "/cache/{key}", hh)
r.Handle("/metrics", hh)`;
    assert.deepEqual(goRoutes(`"github.com/go-chi/chi/v5"`, body), { registered: 3, dynamic: 0 });
  });

  test('gorilla/mux: HandleFunc with Methods, and Path', () => {
    const body = `r := mux.NewRouter()
r.HandleFunc("/users/{id}", h).Methods("GET")
r.Path("/orders").Handler(hh)`;
    assert.deepEqual(goRoutes(`"github.com/gorilla/mux"`, body), { registered: 2, dynamic: 0 });
  });

  test('fiber: methods and Add', () => {
    const body = `app := fiber.New()
app.Get("/a", h)
app.Add("PURGE", "/b", h)`;
    assert.deepEqual(goRoutes(`"github.com/gofiber/fiber/v2"`, body), { registered: 2, dynamic: 0 });
  });

  test('net/http: Go 1.22 ServeMux patterns and the default mux', () => {
    const body = `mux := http.NewServeMux()
mux.HandleFunc("GET /users/{id}", h)
mux.HandleFunc("POST /users", h)
http.Handle("/metrics", hh)`;
    assert.deepEqual(goRoutes(`"net/http"`, body), { registered: 3, dynamic: 0 });
  });
});
