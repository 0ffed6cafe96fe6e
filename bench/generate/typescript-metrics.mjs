/**
 * The metric-touching files of the TypeScript corpus, six per group: a prom-client registry, routes
 * that label with a helper of another file, a latency middleware, an OpenTelemetry middleware whose
 * attribute comes from a helper, a recorder whose label is a parameter fed by another file's handler,
 * and a job scheduler. Each group plants findings on some of them (raw or bounded by group number),
 * so the bench can check the scan finds exactly these.
 */
import { SourceBuilder } from './source-builder.mjs';

/** Files per group, in this order. */
export const METRIC_KINDS = ['registry', 'instrumented-routes', 'latency-middleware', 'otel-middleware', 'recorder', 'job-scheduler'];

/** Which files of group `g` carry an unbounded value rather than a bounded one. */
export function groupVariants(g) {
  return {
    rawRouteHelper: g % 2 === 0,
    rawLatency: g % 2 === 1,
    unboundedTenant: g % 3 !== 2,
    rawRecorderCaller: g % 2 === 0,
    timestampAttribute: g % 2 === 1,
  };
}

/** Paths (below src/) of the files of group `g`, helpers included. */
export function metricPaths(g) {
  return {
    registry: `metrics/registry-${g}.ts`,
    'instrumented-routes': `routes/status-${g}.ts`,
    'latency-middleware': `middlewares/latency-${g}.ts`,
    'otel-middleware': `middlewares/otel-requests-${g}.ts`,
    recorder: `metrics/recorders-${g}.ts`,
    'job-scheduler': `jobs/scheduler-${g}.ts`,
    routeHelper: `utils/request-labels-${g}.ts`,
    tenantHelper: `utils/tenant-${g}.ts`,
  };
}

/** The recorder of group `g` as the routes of a feature import it. */
export function recorderOf(g) {
  return { module: `recorders-${g}`, functionName: `recordCheckout${g}`, raw: groupVariants(g).rawRecorderCaller };
}

/** The text of one metric file of group `g`. `deps` are utility and middleware indices. */
export function metricModule(kind, g, deps) {
  return METRIC_TEMPLATES[kind](g, groupVariants(g), deps);
}

/** The helper modules of group `g` (no metric in them: they only compute label values). */
export function helperModule(helper, g) {
  const variants = groupVariants(g);
  if (helper === 'routeHelper') {
    const body = variants.rawRouteHelper ? 'return req.originalUrl;' : "return req.route?.path ?? 'unmatched';";
    return new SourceBuilder().add(`import type { Request } from 'express';

/** The value the team's handlers use for the route dimension. */
export function routeLabel(req: Request): string {
  ${body}
}

/** The status class (2xx, 4xx, …) of a response code. */
export function statusClass(status: number): string {
  return \`\${Math.floor(status / 100)}xx\`;
}`);
  }
  return new SourceBuilder().add(`import type { Request } from 'express';

/** The tenant a request acts for, as the gateway forwards it. */
export function tenantOf(req: Request): string {
  return req.get('x-tenant-id') ?? 'none';
}

/** The plan tier of the caller: one of two values. */
export function planOf(req: Request): 'enterprise' | 'standard' {
  return req.get('x-plan') === 'enterprise' ? 'enterprise' : 'standard';
}`);
}

const METRIC_TEMPLATES = {
  registry: (g) =>
    new SourceBuilder().add(`import { Counter, Histogram, Registry } from 'prom-client';

/** The metrics of the HTTP layer of service ${g}, on their own registry. */
export const registry = new Registry();

export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'],
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** The metrics endpoint's body. */
export async function exposition(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}`),

  'instrumented-routes': (g, variants, deps) => {
    const b = new SourceBuilder().add(`import { Router } from 'express';
import { httpRequests } from '../metrics/registry-${g}';
import { routeLabel, statusClass } from '../utils/request-labels-${g}';
import { requireAuth } from '../middlewares/auth-${deps.auth}';

/** Health and status pages of service ${g}, counted by route. */
export const status${g}Router = Router();

status${g}Router.get('/status/checks/:checkId', requireAuth, (req, res) => {
  const healthy = req.params.checkId.length > 0;
  res.status(healthy ? 200 : 503).json({ check: req.params.checkId, healthy });`);
    const line = '  httpRequests.labels(req.method, routeLabel(req), statusClass(res.statusCode)).inc();';
    if (variants.rawRouteHelper) b.plant(line, { ruleId: 'raw-path-label', label: 'route' });
    else b.add(line);
    b.add(`});

status${g}Router.get('/status/version', (req, res) => {
  res.json({ version: process.env['VERSION'] ?? 'dev' });
  httpRequests.labels(req.method, '/status/version', statusClass(res.statusCode)).inc();
});`);
    return b;
  },

  'latency-middleware': (g, variants) => {
    const b = new SourceBuilder().add(`import type { NextFunction, Request, Response } from 'express';
import { httpDuration } from '../metrics/registry-${g}';

/** Times every request of service ${g} from arrival to the end of the response. */
export function measureLatency${g}(req: Request, res: Response, next: NextFunction): void {
  const stop = httpDuration.startTimer({ method: req.method });
  res.on('finish', () => {`);
    if (variants.rawLatency) b.plant('    stop({ route: req.path });', { ruleId: 'raw-path-label', label: 'route' });
    else b.add("    stop({ route: req.route?.path ?? 'unmatched' });");
    b.add(`  });
  next();
}`);
    return b;
  },

  'otel-middleware': (g, variants) => {
    const b = new SourceBuilder().add(`import { metrics } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { planOf, tenantOf } from '../utils/tenant-${g}';

const meter = metrics.getMeter('service-${g}');
const requestCount = meter.createCounter('service.requests', { description: 'Requests served' });

/** Counts the requests of service ${g} with OpenTelemetry. */
export function countRequests${g}(req: Request, res: Response, next: NextFunction): void {
  res.on('finish', () => {`);
    if (variants.unboundedTenant) {
      b.plant("    requestCount.add(1, { 'http.route': req.route?.path ?? 'unmatched', 'tenant.id': tenantOf(req) });", { ruleId: 'unbounded-label', label: 'tenant.id' });
    } else {
      b.add("    requestCount.add(1, { 'http.route': req.route?.path ?? 'unmatched', 'plan.tier': planOf(req) });");
    }
    b.add(`  });
  next();
}`);
    return b;
  },

  recorder: (g) => {
    const b = new SourceBuilder().add(`import { Counter } from 'prom-client';

const checkouts = new Counter({
  name: 'checkout_attempts_total',
  help: 'Checkout attempts by route and outcome',
  labelNames: ['route', 'outcome'],
});

/** Counts one checkout attempt on \`route\` (service ${g}). */
export function recordCheckout${g}(route: string, outcome: 'ok' | 'failed'): void {`);
    // Judged at its callers (see routesModule), so nothing is planted here.
    b.add('  checkouts.labels(route, outcome).inc();', '}');
    return b;
  },

  'job-scheduler': (g, variants) => {
    const b = new SourceBuilder().add(`import { metrics } from '@opentelemetry/api';

const meter = metrics.getMeter('jobs-${g}');
const jobDuration = meter.createHistogram('jobs.duration', { unit: 'ms', description: 'Background job duration' });

export type JobName = 'reindex' | 'cleanup' | 'digest';

/** Runs a background job of service ${g} and records how long it took. */
export async function runJob${g}(name: JobName, work: () => Promise<void>): Promise<void> {
  const startedAt = Date.now();
  let outcome: 'ok' | 'failed' = 'ok';
  try {
    await work();
  } catch (error) {
    outcome = 'failed';
    throw error;
  } finally {`);
    if (variants.timestampAttribute) {
      b.plant("    jobDuration.record(Date.now() - startedAt, { 'job.name': name, 'job.started_at': startedAt });", { ruleId: 'unbounded-label', label: 'job.started_at' });
    } else {
      b.add("    jobDuration.record(Date.now() - startedAt, { 'job.name': name, 'job.outcome': outcome });");
    }
    b.add('  }', '}');
    return b;
  },
};

/**
 * The large file the edit-latency measurement types into: an admin console of about `lines` lines whose
 * handlers count requests, some through the raw route helper of group 0 (planted), some bounded.
 */
export function adminConsoleModule(lines, deps) {
  const b = new SourceBuilder().add(`import { Router } from 'express';
import { httpDuration, httpRequests } from '../metrics/registry-0';
import { requireAuth, requireRole } from '../middlewares/auth-${deps.auth}';
import { parsePaging, paginate } from '../utils/pagination-${deps.pagination}';
import { routeLabel, statusClass } from '../utils/request-labels-0';
import { truncate } from '../utils/text-${deps.text}';

/** One row of an admin listing. */
interface AdminRow {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly updatedAt: Date;
}

/** The back-office pages: one listing per section, each counted and timed. */
export const adminRouter = Router();`);
  const planted = groupVariants(0).rawRouteHelper;
  for (let section = 0; b.lineCount < lines - 26; section++) {
    b.add(`
const section${section}Rows: AdminRow[] = [];

adminRouter.get('/admin/section-${section}/:itemId', requireAuth, requireRole('admin'), async (req, res, next) => {
  const started = Date.now();
  try {
    const ownerId = req.get('x-owner-id') ?? '';
    const rows = section${section}Rows.filter((row) => row.ownerId === ownerId && row.id !== req.params.itemId);
    const page = paginate(rows, parsePaging(req.query));
    res.json({ ...page, items: page.items.map((row) => ({ ...row, title: truncate(row.title, ${40 + (section % 5) * 10}) })) });
  } catch (error) {
    next(error);
  } finally {`);
    if (section % 4 === 0) {
      const line = '    httpRequests.labels(req.method, routeLabel(req), statusClass(res.statusCode)).inc();';
      if (planted) b.plant(line, { ruleId: 'raw-path-label', label: 'route' });
      else b.add(line);
    } else if (section % 4 === 2) {
      b.add("    httpDuration.observe({ method: req.method, route: req.route?.path ?? 'unmatched' }, (Date.now() - started) / 1000);");
    } else {
      b.add(`    if (Date.now() - started > ${250 + section}) console.warn('slow admin section ${section}');`);
    }
    b.add('  }', '});');
  }
  return b;
}
