/**
 * `dynamic-metric-name`: an unbounded value is built into a metric name (or a StatsD stat name or
 * prefix). Each value makes a new metric, which is worse than a new series: every dashboard and alert
 * has to guess the name.
 */
import type { Taint } from '../value-facts';
import type { Rule } from './rule';
import { sourcePhrase, weakPhrase } from './wording';

export const dynamicMetricName = {
  id: 'dynamic-metric-name',
  defaultSeverity: 'warning',
  summary: 'An unbounded value is built into a metric name.',
  documentation: `A metric name (prom-client's \`name\`, an OpenTelemetry instrument name, a client_golang \`Name\`,
\`Namespace\` or \`Subsystem\`, a StatsD stat name or prefix) is built from an unbounded value. Every value
creates a new metric. The Prometheus naming guidelines say no part of a metric name should be
generated procedurally: use a label with a bounded value instead.

**Bad**

\`\`\`ts
statsd.increment(\`requests.\${req.params.tenant}\`);
\`\`\`

**Good**

\`\`\`ts
statsd.increment('requests', 1, { tier: tierOf(req.params.tenant) });
\`\`\``,
} as const satisfies Rule;

export function dynamicNameMessage(taint: Taint): string {
  return `the metric name is built from ${sourcePhrase(taint)}: one new metric per distinct value${weakPhrase(taint)}`;
}

