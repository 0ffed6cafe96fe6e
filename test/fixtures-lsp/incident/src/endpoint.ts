import type { Request } from 'express';

/** The value of the `endpoint` label for a request. */
export function endpointOf(req: Request): string {
  return req.path;
}
