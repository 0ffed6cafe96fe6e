/**
 * `unbounded-label`: an unbounded value other than the raw path reaches a label. Path parameter values,
 * user, session and tenant ids, query and header values, client addresses, timestamps, random ids and
 * error messages each make one series per distinct value. There is no mechanical fix: the value
 * belongs on a span or a log line, or must be mapped to a small fixed set.
 */
import type { LabelNoun } from '../sink-site';
import type { Taint } from '../value-facts';
import type { Rule } from './rule';
import { labelReceives } from './wording';

export const unboundedLabel = {
  id: 'unbounded-label',
  defaultSeverity: 'warning',
  summary: 'An unbounded value (ids, query, headers, IP, timestamps, random values, error messages) reaches a metric label.',
  documentation: `A label receives a value with no small fixed set of values: a path parameter, a user, session or
tenant id, a query or header value, the client's address, the Host header or user agent (both chosen
by the client), a timestamp or duration, a random value or UUID, an error message, or a value the
code itself names as the id of something that grows with use (\`projectId\`, \`org_id\`, \`order.id\`:
users, organizations, projects, sessions, orders, documents, runs). Each distinct
value is a new time series, kept in memory by the client library and stored by the backend.

**Bad**

\`\`\`ts
logins.inc({ user: req.params.userId });
errors.labels(err.message).inc();
\`\`\`

\`\`\`go
hits.WithLabelValues(c.ClientIP()).Inc()
\`\`\`

**Good**: keep the value out of the metric (put it on a trace span or a log line), or map it to a
small fixed set first: an allow-list (\`ALLOWED.has(x) ? x : 'other'\`), a \`switch\` that returns
literals, \`err.code\` instead of \`err.message\`. Cardinal recognises those as bounded.

Values that pass a weak sanitizer (lowercasing, truncation, regex masking) are still reported, one
severity lower.`,
} as const satisfies Rule;

export function unboundedMessage(noun: LabelNoun, label: string | undefined, taint: Taint): string {
  return labelReceives(noun, label, taint);
}
