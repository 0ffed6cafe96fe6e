import type { NextFunction, Request, Response } from 'express';
import { Histogram } from 'prom-client';

export const reqDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Duration of HTTP requests in seconds',
  labelNames: ['status', 'endpoint', 'method'],
});

/**
 * The metrics middleware from the incident report, in Express: it labels every request with its raw
 * path, so each user id in `/api/user/:uid/message` becomes a time series of its own.
 */
export function promMiddleware(req: Request, res: Response, next: NextFunction): void {
  const start = process.hrtime.bigint();
  res.on('finish', () => {
    const status = String(res.statusCode);
    const endpoint = req.path;
    const method = req.method;
    const lvs = [status, endpoint, method];
    reqDuration.labels(...lvs).observe(Number(process.hrtime.bigint() - start) / 1e9);
  });
  next();
}
