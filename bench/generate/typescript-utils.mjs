/**
 * Templates of the TypeScript corpus's shared modules: utilities and middlewares. None of them touches
 * a metric; they give the program its bulk and its import graph, as the helpers of a real service do.
 */
import { SourceBuilder } from './source-builder.mjs';

/** The utility kinds, in the order files are dealt out. */
export const UTILITY_KINDS = ['errors', 'validation', 'pagination', 'ids', 'text', 'dates', 'retry', 'cache'];

/** The middleware kinds, in the order files are dealt out. */
export const MIDDLEWARE_KINDS = ['auth', 'request-id', 'error-handler', 'rate-limit'];

/** The text of utility module `kind-index`. */
export function utilityModule(kind, index) {
  return UTILITY_TEMPLATES[kind](index);
}

/** The text of middleware module `kind-index`; `utility` holds the index of the errors and ids modules it imports. */
export function middlewareModule(kind, index, utility) {
  return MIDDLEWARE_TEMPLATES[kind](index, utility);
}

const UTILITY_TEMPLATES = {
  errors: (index) =>
    new SourceBuilder().add(`/** Errors the services throw and the error handler ${index} turns into responses. */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends HttpError {
  constructor(entity: string, id: string) {
    super(404, \`\${entity} \${id} was not found\`, 'not_found');
  }
}

export class ValidationError extends HttpError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(400, \`\${field}: \${problem}\`, 'invalid');
  }
}

export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, message, 'conflict');
  }
}

/** The status to answer with for anything a handler throws. */
export function statusOf(error: unknown): number {
  return error instanceof HttpError ? error.status : 500;
}

/** A body safe to send to a client: internal errors keep their details to the log. */
export function publicBody(error: unknown): { code: string; message: string } {
  if (error instanceof HttpError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong' };
}`),

  validation: (index) =>
    new SourceBuilder().add(`import { ValidationError } from './errors-${index}';

/** Field readers for request bodies: each throws a ValidationError naming the field. */
export type Fields = Record<string, unknown>;

export function asFields(body: unknown): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ValidationError('body', 'expected an object');
  return body as Fields;
}

export function requireString(fields: Fields, name: string, maxLength = 200): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(name, 'expected a non-empty string');
  if (value.length > maxLength) throw new ValidationError(name, \`longer than \${maxLength} characters\`);
  return value.trim();
}

export function optionalString(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return value === undefined ? undefined : requireString(fields, name);
}

export function requireNumber(fields: Fields, name: string, min = Number.NEGATIVE_INFINITY): number {
  const value = fields[name];
  if (typeof value !== 'number' || Number.isNaN(value)) throw new ValidationError(name, 'expected a number');
  if (value < min) throw new ValidationError(name, \`below \${min}\`);
  return value;
}

export function requireBoolean(fields: Fields, name: string): boolean {
  const value = fields[name];
  if (typeof value !== 'boolean') throw new ValidationError(name, 'expected true or false');
  return value;
}

export function requireStringArray(fields: Fields, name: string): string[] {
  const value = fields[name];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new ValidationError(name, 'expected a list of strings');
  }
  return value;
}`),

  pagination: () =>
    new SourceBuilder().add(`/** Cursor pagination over in-memory lists and the query parameters that drive it. */

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: number | null;
  readonly total: number;
}

export interface Paging {
  readonly cursor: number;
  readonly limit: number;
}

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

export function paginate<T>(items: readonly T[], paging: Paging): Page<T> {
  const slice = items.slice(paging.cursor, paging.cursor + paging.limit);
  const end = paging.cursor + slice.length;
  return { items: slice, nextCursor: end < items.length ? end : null, total: items.length };
}

export function parsePaging(query: Record<string, unknown>): Paging {
  const cursor = Number.parseInt(String(query['cursor'] ?? '0'), 10);
  const limit = Number.parseInt(String(query['limit'] ?? DEFAULT_LIMIT), 10);
  return {
    cursor: Number.isFinite(cursor) && cursor > 0 ? cursor : 0,
    limit: Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_LIMIT) : DEFAULT_LIMIT,
  };
}

export function mapPage<T, U>(page: Page<T>, map: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(map) };
}`),

  ids: (index) =>
    new SourceBuilder().add(`import { randomUUID } from 'node:crypto';

/** Identifiers: a short prefix naming the kind of thing, then a random part (generator ${index}). */
export function generateId(prefix: string): string {
  return \`\${prefix}_\${randomUUID().replace(/-/g, '').slice(0, 20)}\`;
}

export function isId(value: string, prefix: string): boolean {
  return value.startsWith(\`\${prefix}_\`) && value.length === prefix.length + 21;
}

export function prefixOf(id: string): string | undefined {
  const separator = id.indexOf('_');
  return separator > 0 ? id.slice(0, separator) : undefined;
}`),

  text: () =>
    new SourceBuilder().add(`/** String helpers for display names, slugs and previews. */

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function truncate(text: string, length: number): string {
  return text.length <= length ? text : \`\${text.slice(0, Math.max(0, length - 1))}…\`;
}

export function titleCase(text: string): string {
  return text.replace(/\\b([a-z])/g, (letter) => letter.toUpperCase());
}

export function joinNonEmpty(parts: readonly (string | undefined)[], separator = ' '): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}`),

  dates: () =>
    new SourceBuilder().add(`/** Date arithmetic in UTC, as the API stores every timestamp. */

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

export function isExpired(expiresAt: Date | undefined, now = new Date()): boolean {
  return expiresAt !== undefined && expiresAt.getTime() <= now.getTime();
}`),

  retry: () =>
    new SourceBuilder().add(`/** Retrying flaky calls (the database, other services) with exponential back-off. */

export interface RetryOptions {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly retryable?: (error: unknown) => boolean;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    try {
      return await operation();
    } catch (error) {
      lastError = error;
      if (options.retryable && !options.retryable(error)) break;
      await wait(options.baseDelayMs * 2 ** attempt);
    }
  }
  throw lastError;
}`),

  cache: () =>
    new SourceBuilder().add(`/** A small time-to-live cache for lookups that are read far more often than written. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load(key);
    this.set(key, value);
    return value;
  }
}`),
};

const MIDDLEWARE_TEMPLATES = {
  auth: (index, utility) =>
    new SourceBuilder().add(`import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../utils/errors-${utility.errors}';

/** Rejects requests without a bearer token (middleware ${index}). */
export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  const header = req.get('authorization') ?? '';
  if (!header.startsWith('Bearer ') || header.length < 20) {
    next(new HttpError(401, 'missing or malformed token', 'unauthorized'));
    return;
  }
  next();
}

/** Allows only the given roles, read from a header set by the gateway. */
export function requireRole(...roles: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const role = req.get('x-role');
    if (role === undefined || !roles.includes(role)) next(new HttpError(403, 'forbidden', 'forbidden'));
    else next();
  };
}`),

  'request-id': (index, utility) =>
    new SourceBuilder().add(`import type { NextFunction, Request, Response } from 'express';
import { generateId } from '../utils/ids-${utility.ids}';

/** Gives every request an id (kept from the caller when present) and echoes it back (middleware ${index}). */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  const id = incoming !== undefined && incoming.length <= 64 ? incoming : generateId('req');
  res.setHeader('x-request-id', id);
  res.locals['requestId'] = id;
  next();
}`),

  'error-handler': (index, utility) =>
    new SourceBuilder().add(`import type { NextFunction, Request, Response } from 'express';
import { publicBody, statusOf } from '../utils/errors-${utility.errors}';

/** Turns thrown errors into JSON answers; the last middleware of the app (handler ${index}). */
export function handleErrors(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = statusOf(error);
  if (status >= 500) console.error(\`\${req.method} \${req.originalUrl} failed\`, error);
  res.status(status).json(publicBody(error));
}`),

  'rate-limit': (index) =>
    new SourceBuilder().add(`import type { NextFunction, Request, Response } from 'express';

/** A fixed-window limiter per client address (middleware ${index}); good enough behind one replica. */
export function rateLimit(limit: number, windowMs: number) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.ip ?? 'unknown';
    const now = Date.now();
    const window = windows.get(key);
    if (!window || window.resetAt <= now) {
      windows.set(key, { count: 1, resetAt: now + windowMs });
      next();
      return;
    }
    window.count++;
    if (window.count > limit) {
      res.setHeader('retry-after', Math.ceil((window.resetAt - now) / 1000));
      res.status(429).json({ code: 'rate_limited', message: 'Too many requests' });
      return;
    }
    next();
  };
}`),
};
