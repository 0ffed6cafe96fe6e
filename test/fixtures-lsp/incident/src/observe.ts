import type { Request, Response } from 'express';
import { endpointOf } from './endpoint';
import { httpRequestDuration } from './metrics';

/** Records how long a request took. */
export function observeRequest(req: Request, res: Response, seconds: number): void {
  httpRequestDuration.observe({ status: String(res.statusCode), endpoint: endpointOf(req), method: req.method }, seconds);
}
