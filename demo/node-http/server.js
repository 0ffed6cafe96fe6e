import { createServer } from 'node:http';
import StatsD from 'hot-shots';
import { normalizeRoute } from './routes.js';

const statsd = new StatsD({ prefix: 'storefront.' });

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');

  // Bounded: normalizeRoute maps every path to one of a few known routes (configured as a sanitizer).
  statsd.increment('http.requests', [`route:${normalizeRoute(pathname)}`]);

  // Raw: one tag value per distinct URL.
  statsd.timing('http.latency', 12, [`path:${pathname}`]);

  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});

server.listen(Number(process.env.PORT ?? 3003));
