import type { Express } from 'express';
import { recordHit } from './metrics.js';

/** The widget routes; each request counts a hit. */
export function widgetRoutes(app: Express): void {
  app.get('/widgets/:widgetId', (req, res) => {
    recordHit(req.path);
    res.json({ id: req.params.widgetId });
  });
}
