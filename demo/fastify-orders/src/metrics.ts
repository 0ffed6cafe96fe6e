import { Counter, Histogram } from 'prom-client';

export const httpRequests = new Counter({
  name: 'orders_http_requests_total',
  help: 'HTTP requests by route and status code',
  labelNames: ['route', 'status_code'],
});

export const httpLatency = new Histogram({
  name: 'orders_http_request_duration_seconds',
  help: 'HTTP request latency by route',
  labelNames: ['route'],
});

export const orderReads = new Counter({
  name: 'orders_reads_total',
  help: 'Order reads',
  labelNames: ['order_id'],
});
