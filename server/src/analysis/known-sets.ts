/**
 * Value sets known from the platform rather than from the code, by name, for the catalogs of every
 * language to point at: a framework's table says "this member is the HTTP method", and the series
 * budget learns how many values that is and where the number comes from.
 */
import { countedSet, listedSet, type ValueSet } from './value-sets';

export const KNOWN_SETS = {
  /** `http.METHODS` of Node 20: its parser answers 400 to any other method before a handler runs. */
  'http-method': listedSet(
    ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS']
      .concat(['PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE']),
    "the methods Node's HTTP parser accepts (http.METHODS)",
  ),
  /** The methods RFC 9110 defines, and PATCH: what Fiber and fasthttp route by default. */
  'standard-method': listedSet(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']),
  /** Any three-digit code can be set; the registered codes (Node names 63) are what servers send in practice. */
  'status-code': countedSet('status-code', 63, 'the registered HTTP status codes (about 63; a handler may set others)', true, { min: 100, max: 599 }),
  'status-class': listedSet(['1xx', '2xx', '3xx', '4xx', '5xx']),
  boolean: listedSet(['true', 'false']),
  undefined: listedSet(['undefined']),
  'http-version': listedSet(['1.0', '1.1', '2.0']),
  protocol: listedSet(['http', 'https']),
  'type-name': listedSet(['string', 'number', 'bigint', 'boolean', 'symbol', 'undefined', 'object', 'function']),
} as const satisfies Record<string, ValueSet>;

export type KnownSet = keyof typeof KNOWN_SETS;
