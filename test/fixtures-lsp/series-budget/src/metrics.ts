import { Counter, Histogram } from 'prom-client';

export const latency = new Histogram({ name: 'http_request_duration_seconds', help: 'Latency', labelNames: ['route', 'method'] });
export const carts = new Counter({ name: 'cart_updates_total', help: 'Cart updates', labelNames: ['action', 'user'] });
export const logins = new Counter({ name: 'logins_total', help: 'Logins', labelNames: ['ok'] });
