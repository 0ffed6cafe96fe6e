import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from './metrics';

/** Times every request, as the incident's middleware did. */
export function promMiddleware(req: Request, res: Response, next: NextFunction): void {
  const start = Date.now();
  res.on('finish', () => {
    const status = String(res.statusCode);
    const endpoint = req.path;
    const method = req.method;
    const lvs = [status, endpoint, method];
    httpRequestDuration.labels(...lvs).observe((Date.now() - start) / 1000);
  });
  next();
}
