import express from 'express';
import { carts, latency } from './metrics';

export const app = express();
app.use((req, res, next) => {
  const end = latency.startTimer();
  res.on('finish', () => end({ route: req.route?.path ?? 'unmatched', method: req.method }));
  next();
});
app.get('/cart', (_req, res) => res.end());
app.post('/cart/items', (req, res) => {
  carts.inc({ action: 'add', user: req.get('x-user') });
  res.end();
});
