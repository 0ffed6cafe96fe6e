/**
 * Values the code itself names as the id of something whose number grows with use: `projectId`,
 * `org_id`, `userID`, `order.id`. Such a name is evidence about the value, not only about the
 * label, so a value the tracer can follow no further is reported as unbounded when its name says
 * it identifies one of these. Ids of things a deployment configures (regions, shards, queues,
 * monitors) are not listed: they stay unknown.
 */

/** The entities, each with the words (singular, lower case) code uses for it. */
const ENTITIES: readonly (readonly [entity: string, words: readonly string[]])[] = [
  ['user', ['user', 'member', 'person', 'profile', 'visitor', 'guest', 'player', 'author', 'owner']],
  ['account', ['account', 'customer', 'subscriber', 'subscription']],
  ['organization', ['org', 'organization', 'organisation', 'tenant', 'company', 'team', 'workspace']],
  ['project', ['project', 'repo', 'repository', 'installation']],
  ['session', ['session', 'conversation', 'chat', 'thread', 'room', 'guild', 'channel']],
  ['request', ['request', 'req', 'correlation', 'trace', 'span', 'transaction', 'tx']],
  ['order', ['order', 'invoice', 'payment', 'cart', 'checkout', 'ticket']],
  ['document', ['document', 'doc', 'file', 'upload', 'attachment', 'media', 'image', 'message', 'msg', 'comment', 'post', 'article', 'dataset', 'observation', 'prompt']],
  ['product', ['product', 'item', 'sku', 'listing']],
  ['run', ['run', 'execution', 'job', 'build', 'deployment']],
  ['device', ['device', 'endpoint', 'webhook']],
];

const ENTITY_OF_WORD = new Map(ENTITIES.flatMap(([entity, words]) => words.map((word) => [word, entity] as const)));
const ID_WORDS = new Set(['id', 'uuid', 'guid']);
/** How many leading words a name may have before its entity word: `currentUserId`, `parentSpanId`. */
const MAX_QUALIFIERS = 2;

/** The words of an identifier in any style: `orgID`, `project_id`, `parent-span-id`, `_id`. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The entity a name such as `projectId` or `org_id` identifies, if it is one of the growing ones. */
export function entityOfIdName(name: string): string | undefined {
  const words = wordsOf(name);
  if (words.length < 2 || words.length > MAX_QUALIFIERS + 2 || !ID_WORDS.has(words[words.length - 1])) return undefined;
  return ENTITY_OF_WORD.get(words[words.length - 2]);
}

/** The entity `owner.id` identifies (`order.id`, `user._id`, `currentUser.ID`), if it is one of the growing ones. */
export function entityOfIdProperty(owner: string, property: string): string | undefined {
  const propertyWords = wordsOf(property);
  if (propertyWords.length !== 1 || !ID_WORDS.has(propertyWords[0])) return undefined;
  const ownerWords = wordsOf(owner);
  if (ownerWords.length === 0 || ownerWords.length > MAX_QUALIFIERS + 1) return undefined;
  return ENTITY_OF_WORD.get(ownerWords[ownerWords.length - 1]);
}

/** `a project id`, `an organization id`: how a finding names what the value identifies. */
export function entityIdDescription(entity: string): string {
  return `${/^[aeiou]/.test(entity) ? 'an' : 'a'} ${entity} id`;
}
