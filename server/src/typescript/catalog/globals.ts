import type { Entity, LibraryTable, Member } from './model';

/**
 * Unbounded producers and value-preserving functions of the language and of Node's standard
 * library: clocks, random numbers, generated ids, error messages, and conversions that carry their
 * input through (`String(x)`, `new URL(x)`, `path.join(a, b)`).
 */
const returns = (source: 'timestamp' | 'random' | 'unique-id'): Member => ({ call: { returns: { source } } });
const carries: Member = { call: { propagates: 'all' } };
const carriesFirst: Member = { call: { propagates: [0] } };

const dateValue: Entity = {
  typeNames: ['Date'],
  asValue: 'timestamp',
  members: {
    ...Object.fromEntries(
      ['toISOString', 'toString', 'toUTCString', 'toJSON', 'toLocaleString', 'toLocaleTimeString', 'getTime', 'valueOf', 'getSeconds', 'getMilliseconds', 'getMinutes']
        .map((name) => [name, returns('timestamp')]),
    ),
    ...Object.fromEntries(
      ['getFullYear', 'getMonth', 'getDay', 'getHours', 'getUTCFullYear', 'getUTCMonth', 'getUTCDay', 'getUTCHours'].map((name) => [
        name,
        { call: { returns: { bounded: 'a calendar field' } } },
      ]),
    ),
  },
};

/** Globals, looked up by name when an identifier resolves to no declaration of the program's own. */
export const globals: LibraryTable = {
  id: 'global',
  modules: [],
  typePackages: ['typescript', '@types/node'],
  exports: {
    Date: 'global:DateClass',
    Math: 'global:Math',
    performance: 'global:Performance',
    process: 'global:Process',
    crypto: 'global:Crypto',
    JSON: 'global:JSON',
    Object: 'global:ObjectClass',
    Promise: 'global:PromiseClass',
    String: 'global:Carries',
    Number: 'global:Carries',
    parseInt: 'global:Carries',
    parseFloat: 'global:Carries',
    encodeURIComponent: 'global:Carries',
    encodeURI: 'global:Carries',
    decodeURIComponent: 'global:Carries',
    decodeURI: 'global:Carries',
    Boolean: 'global:Bool',
    URL: 'global:URLClass',
    URLSearchParams: 'global:URLClass',
    Error: 'global:ErrorClass',
    TypeError: 'global:ErrorClass',
    RangeError: 'global:ErrorClass',
  },
  entities: {
    DateClass: { construct: { returns: { entity: 'global:Date' } }, members: { now: returns('timestamp'), parse: returns('timestamp') } },
    Date: dateValue,
    Math: {
      members: {
        random: returns('random'),
        ...Object.fromEntries(['floor', 'ceil', 'round', 'trunc', 'abs', 'min', 'max', 'sign'].map((name) => [name, carries])),
      },
    },
    Performance: { typeNames: ['Performance'], members: { now: returns('timestamp'), timeOrigin: { source: 'timestamp' } } },
    Process: {
      members: { hrtime: { call: { returns: { source: 'timestamp' } } }, uptime: returns('timestamp'), pid: { bounded: 'the process id' }, env: { entity: 'global:Environment' } },
    },
    // Set when the process starts: one value for its whole life, whatever the variable is called.
    Environment: { anyMember: { bounded: 'an environment variable (one value per process)' } },
    Crypto: { members: { randomUUID: returns('unique-id'), getRandomValues: returns('random') } },
    JSON: { members: { stringify: carriesFirst } },
    // An object's keys and values are what it holds: the names of a client's query parameters are the client's.
    ObjectClass: { members: Object.fromEntries(['keys', 'values', 'entries', 'fromEntries', 'assign'].map((name) => [name, carries])) },
    Carries: { call: { propagates: [0] } },
    // A promise resolved with a value resolves to it: `then`'s callback receives what was passed.
    PromiseClass: { members: { resolve: carriesFirst } },
    Bool: { call: { returns: { bounded: 'a boolean', values: 'boolean' } } },
    URLClass: { construct: { propagates: [0] } },
    ErrorClass: { construct: { returns: { entity: 'global:Error' } } },
    Error: {
      typeNames: ['Error'],
      asValue: 'error-message',
      description: 'error',
      members: {
        message: { source: 'error-message' },
        stack: { source: 'error-message' },
        code: { bounded: 'an error code' },
        name: { bounded: 'an error class name' },
        status: { bounded: 'a status code', values: 'status-code' },
        statusCode: { bounded: 'a status code', values: 'status-code' },
      },
    },
  },
};

export const nodeBuiltins: LibraryTable = {
  id: 'node',
  modules: ['crypto', 'node:crypto', 'url', 'node:url', 'path', 'node:path', 'querystring', 'node:querystring', 'util', 'node:util', 'perf_hooks', 'node:perf_hooks'],
  typePackages: [],
  exports: {
    '*': 'node:Module',
    default: 'node:Module',
    randomUUID: 'node:UniqueId',
    randomBytes: 'node:Random',
    randomInt: 'node:Random',
    parse: 'node:Carries',
    format: 'node:Carries',
    URL: 'global:URLClass',
    join: 'node:Carries',
    resolve: 'node:Carries',
    normalize: 'node:Carries',
    basename: 'node:Carries',
    dirname: 'node:Carries',
    stringify: 'node:Carries',
    inspect: 'node:Carries',
    performance: 'global:Performance',
  },
  entities: {
    Module: {
      members: {
        randomUUID: returns('unique-id'),
        randomBytes: returns('random'),
        randomInt: returns('random'),
        performance: { entity: 'global:Performance' },
        URL: { entity: 'global:URLClass' },
        ...Object.fromEntries(['parse', 'format', 'join', 'resolve', 'normalize', 'basename', 'dirname', 'stringify', 'escape', 'inspect'].map((name) => [name, carries])),
      },
    },
    UniqueId: { call: { returns: { source: 'unique-id' } } },
    Random: { call: { returns: { source: 'random' } } },
    Carries: { call: { propagates: 'all' } },
  },
};

/** Id generators from npm. */
export const idGenerators: LibraryTable = {
  id: 'ids',
  modules: ['uuid', 'nanoid', 'ulid', '@paralleldrive/cuid2', 'cuid'],
  typePackages: ['uuid', 'nanoid', 'ulid'],
  exports: {
    '*': 'ids:Module',
    default: 'ids:Generate',
    v1: 'ids:Generate',
    v4: 'ids:Generate',
    v6: 'ids:Generate',
    v7: 'ids:Generate',
    nanoid: 'ids:Generate',
    ulid: 'ids:Generate',
    createId: 'ids:Generate',
    customAlphabet: 'ids:Factory',
  },
  entities: {
    Module: { members: Object.fromEntries(['v1', 'v4', 'v6', 'v7', 'nanoid', 'ulid', 'createId'].map((name) => [name, returns('unique-id')])) },
    Generate: { call: { returns: { source: 'unique-id' } } },
    Factory: { call: { returns: { entity: 'ids:Generate' } } },
  },
};
