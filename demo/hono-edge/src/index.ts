import { metrics } from '@opentelemetry/api';
import { Hono } from 'hono';
import { routePath } from 'hono/route';

const meter = metrics.getMeter('hono-edge');
const serverDuration = meter.createHistogram('http.server.request.duration', { unit: 's' });
const cacheLookups = meter.createCounter('edge.cache.lookups');

const app = new Hono();

app.use(async (c, next) => {
  const started = performance.now();
  await next();
  // After next(): the pattern of the route that handled the request.
  serverDuration.record((performance.now() - started) / 1000, {
    'http.request.method': c.req.method,
    'http.route': routePath(c),
  });
});

app.get('/assets/*', async (c) => {
  // The raw path: every asset URL becomes its own series.
  cacheLookups.add(1, { 'http.route': c.req.path, hit: true });
  return c.text('cached asset');
});

export default app;
