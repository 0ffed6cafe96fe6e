/**
 * Metric APIs no table describes, recognised by their shape: a project's (or an unknown library's)
 * metrics service that makes an instrument by name and measures with a label object,
 * `metrics.counter('http_requests_total', 'help').inc(1, { route })`. The creator's name, a metric
 * name literal and a measuring method together make the call a sink; its object arguments are labels.
 */
export const SHAPED_MEASUREMENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['counter', ['inc', 'add', 'increment']],
  ['upDownCounter', ['add']],
  ['gauge', ['set', 'inc', 'dec', 'add', 'record']],
  ['histogram', ['observe', 'record']],
  ['summary', ['observe']],
]);

/** What a metric name looks like: `http_requests_total`, `app.requests`, `svc:latency`. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:.]*$/;
