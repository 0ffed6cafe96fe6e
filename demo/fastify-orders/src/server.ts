import Fastify from 'fastify';
import { httpLatency, httpRequests, orderReads } from './metrics';

const app = Fastify({ logger: true });

app.addHook('onResponse', async (request, reply) => {
  // Bounded: the route pattern, and a constant for requests no route matched.
  const route = request.routeOptions.url ?? 'unmatched';
  httpRequests.inc({ route, status_code: String(reply.statusCode) });
});

app.addHook('onResponse', async (request, reply) => {
  // The classic fallback: on a 404 there is no route, so every scanned URL becomes a series.
  const route = request.routeOptions.url || request.url;
  httpLatency.observe({ route }, reply.elapsedTime / 1000);
});

app.get<{ Params: { orderId: string } }>('/orders/:orderId', async (request) => {
  orderReads.inc({ order_id: request.params.orderId });
  return { id: request.params.orderId, status: 'shipped' };
});

await app.listen({ port: Number(process.env.PORT ?? 3001) });
