/** UUID generators: every call is a new value. */
import type { GoCatalog } from './types';

const fact = { kind: 'source', source: 'unique-id' } as const;

export const uuid: GoCatalog = {
  id: 'uuid',
  importPaths: ['github.com/google/uuid', 'github.com/gofrs/uuid', 'github.com/gofrs/uuid/v5', 'github.com/satori/go.uuid'],
  functions: ['New', 'NewString', 'NewRandom', 'NewV4', 'NewV7', 'Must'].map((name) => ({ function: name, fact })),
};
