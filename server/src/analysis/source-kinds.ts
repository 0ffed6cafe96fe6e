/**
 * The kinds of unbounded value Cardinal knows, with the words used to describe them in every
 * language. A raw path is the one kind with its own rule (`raw-path-label`) because it has a
 * mechanical fix: the route pattern.
 */
export const SOURCE_KINDS = {
  'raw-path': { description: 'the raw request path', consequence: 'one time series per distinct URL' },
  'raw-url': { description: 'the raw request URL', consequence: 'one time series per distinct URL' },
  'path-param': { description: 'a path parameter value', consequence: 'one time series per distinct value' },
  query: { description: 'a query string value', consequence: 'one time series per distinct value' },
  header: { description: 'a request header', consequence: 'one time series per distinct header value' },
  body: { description: 'a request body value', consequence: 'one time series per distinct value' },
  form: { description: 'a form value', consequence: 'one time series per distinct value' },
  cookie: { description: 'a cookie value', consequence: 'one time series per distinct value' },
  'client-ip': { description: 'the client IP address', consequence: 'one time series per client' },
  host: { description: 'the Host header', consequence: 'one time series per host name a client sends' },
  'user-agent': { description: 'the user agent', consequence: 'one time series per distinct user agent' },
  referrer: { description: 'the Referer header', consequence: 'one time series per distinct referring page' },
  'http-method': { description: 'the HTTP method a client sends', consequence: 'one time series per method a client invents' },
  'request-id': { description: 'a request id', consequence: 'one time series per request' },
  timestamp: { description: 'a timestamp', consequence: 'a new time series at every tick' },
  duration: { description: 'a measured duration', consequence: 'a new time series for almost every measurement' },
  random: { description: 'a random value', consequence: 'a new time series per call' },
  'unique-id': { description: 'a generated unique id', consequence: 'a new time series per call' },
  'entity-id': { description: 'an id of a growing set', consequence: 'one time series per id' },
  'error-message': { description: 'an error message', consequence: 'one time series per distinct message' },
  'token-claim': { description: 'a claim of an authentication token', consequence: 'one time series per user or token' },
  custom: { description: 'a configured unbounded source', consequence: 'one time series per distinct value' },
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** Kinds reported by `raw-path-label` rather than `unbounded-label`. */
export function isRawPathKind(kind: SourceKind): boolean {
  return kind === 'raw-path' || kind === 'raw-url';
}
