import type { NextFunction, Request, Response } from 'express';
import { reqDuration } from '../metrics';

/** Records how long each request took, by status, endpoint and method. */
export function requestMetrics(req: Request, res: Response, next: NextFunction): void {
  const startedAt = process.hrtime.bigint();
  const endpoint = req.path;

  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const status = String(res.statusCode);
    const method = req.method;
    const lvs = [status, endpoint, method];
    reqDuration.labels(...lvs).observe(seconds);
  });

  next();
}
