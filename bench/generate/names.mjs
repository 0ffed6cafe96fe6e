/** Vocabulary for generated code: business entities, their fields, and naming helpers. */

export const ENTITIES = [
  'order', 'invoice', 'customer', 'product', 'cart', 'payment', 'shipment', 'account', 'team', 'project',
  'ticket', 'comment', 'subscription', 'coupon', 'review', 'warehouse', 'supplier', 'refund', 'booking',
  'vehicle', 'driver', 'route', 'device', 'alert', 'report', 'document', 'folder', 'message', 'channel',
  'webhook', 'policy', 'contract', 'employee', 'payslip', 'course', 'lesson', 'quiz', 'article', 'author',
  'campaign', 'audience', 'experiment', 'feature', 'release', 'build', 'artifact', 'tenant', 'region',
];

/** Field name → TypeScript type and Go type; a model picks a few. */
export const FIELDS = [
  ['title', 'string', 'string'], ['description', 'string', 'string'], ['amount', 'number', 'float64'],
  ['quantity', 'number', 'int'], ['currency', 'string', 'string'], ['priority', 'number', 'int'],
  ['archived', 'boolean', 'bool'], ['labels', 'string[]', '[]string'], ['notes', 'string', 'string'],
  ['externalRef', 'string', 'string'], ['weight', 'number', 'float64'], ['visible', 'boolean', 'bool'],
  ['score', 'number', 'float64'], ['locale', 'string', 'string'], ['revision', 'number', 'int'],
];

export const STATUSES = [
  ['pending', 'active', 'suspended', 'closed'],
  ['draft', 'published', 'archived'],
  ['open', 'in_progress', 'resolved', 'rejected'],
  ['new', 'confirmed', 'shipped', 'delivered', 'returned'],
];

export const pascal = (name) => name.replace(/(^|[-_])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
export const camel = (name) => name.replace(/[-_]([a-z0-9])/g, (_, c) => c.toUpperCase());
export const plural = (name) => (name.endsWith('y') && !name.endsWith('ey') ? `${name.slice(0, -1)}ies` : name.endsWith('s') ? `${name}es` : `${name}s`);

/** The name of the i-th entity: the vocabulary first, then numbered copies (`order2`, …). */
export function entityName(index) {
  const base = ENTITIES[index % ENTITIES.length];
  const round = Math.floor(index / ENTITIES.length);
  return round === 0 ? base : `${base}${round + 1}`;
}
