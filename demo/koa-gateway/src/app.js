const Koa = require('koa');
const Router = require('@koa/router');
const { recordUpstream, requestsByClient, requestsByRoute } = require('./metrics');

const app = new Koa();
const router = new Router();

app.use(async (ctx, next) => {
  await next();
  // After routing: the matched pattern, or a constant when nothing matched.
  requestsByRoute.inc({ route: ctx._matchedRoute || 'unmatched', method: ctx.method });
});

app.use(async (ctx, next) => {
  // Every browser version and bot is its own series.
  requestsByClient.inc({ client: ctx.get('user-agent') });
  await next();
});

router.get('/inventory/:sku', async (ctx) => {
  recordUpstream('inventory', ctx.path);
  ctx.body = { sku: ctx.params.sku, available: 3 };
});

app.use(router.routes());
app.listen(Number(process.env.PORT || 3002));
