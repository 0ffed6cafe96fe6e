/**
 * The standard library functions values flow through on their way to a label: formatting and string
 * helpers keep the input's cardinality; lowercasing, splitting and regex masking look like sanitizing
 * but leave the value unbounded (reported as weak sanitizers); clocks produce unbounded values.
 */
import { WEAK_REASONS } from '../../analysis/weak-sanitizers';
import type { GoCatalog } from './types';

const pass = (argument: number) => ({ kind: 'pass', argument }) as const;

export const fmt: GoCatalog = {
  id: 'fmt',
  importPaths: ['fmt'],
  functions: [
    { function: 'Sprintf', transform: { kind: 'concat', from: 1 } },
    { function: 'Sprint', transform: { kind: 'concat', from: 0 } },
    { function: 'Sprintln', transform: { kind: 'concat', from: 0 } },
    { function: 'Errorf', transform: { kind: 'concat', from: 0 } },
  ],
};

/** An error made from a text holds that text: a sentinel `errors.New("not found")` is one value. */
export const errorsPackage: GoCatalog = {
  id: 'errors',
  importPaths: ['errors'],
  functions: [{ function: 'New', transform: pass(0) }],
};

/** Environment variables are set when the process starts: one value for its whole life. */
export const os: GoCatalog = {
  id: 'os',
  importPaths: ['os'],
  functions: ['Getenv', 'LookupEnv', 'Hostname'].map((name) => ({ function: name, transform: { kind: 'bounded', why: 'value fixed when the process starts' } }) as const),
};

export const strings: GoCatalog = {
  id: 'strings',
  importPaths: ['strings'],
  functions: [
    { function: 'ToLower', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.caseFold } },
    { function: 'ToUpper', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.caseFold } },
    { function: 'Split', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.segment } },
    { function: 'SplitN', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.segment } },
    { function: 'Fields', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.segment } },
    { function: 'TrimPrefix', transform: pass(0) },
    { function: 'TrimSuffix', transform: pass(0) },
    { function: 'TrimSpace', transform: pass(0) },
    { function: 'Trim', transform: pass(0) },
    { function: 'TrimLeft', transform: pass(0) },
    { function: 'TrimRight', transform: pass(0) },
    { function: 'ReplaceAll', transform: pass(0) },
    { function: 'Replace', transform: pass(0) },
    { function: 'Clone', transform: pass(0) },
    { function: 'Join', transform: { kind: 'concat', from: 0 } },
    { function: 'Contains', transform: { kind: 'bounded', why: 'boolean', values: 'boolean' } },
    { function: 'HasPrefix', transform: { kind: 'bounded', why: 'boolean', values: 'boolean' } },
    { function: 'HasSuffix', transform: { kind: 'bounded', why: 'boolean', values: 'boolean' } },
  ],
};

export const strconv: GoCatalog = {
  id: 'strconv',
  importPaths: ['strconv'],
  functions: [
    { function: 'Itoa', transform: pass(0) },
    { function: 'FormatInt', transform: pass(0) },
    { function: 'FormatUint', transform: pass(0) },
    { function: 'FormatBool', transform: { kind: 'bounded', why: 'boolean', values: 'boolean' } },
    { function: 'Quote', transform: pass(0) },
    // A number read from a string has as many values as the string: a port, an id.
    { function: 'Atoi', transform: pass(0) },
    { function: 'ParseInt', transform: pass(0) },
    { function: 'ParseUint', transform: pass(0) },
    { function: 'ParseFloat', transform: pass(0) },
  ],
};

/** net: addresses split into host and port keep what the address was (a client's IP, a Host header). */
export const net: GoCatalog = {
  id: 'net',
  importPaths: ['net'],
  functions: [
    { function: 'SplitHostPort', transform: pass(0), everyResult: true },
    { function: 'JoinHostPort', transform: { kind: 'concat', from: 0 } },
  ],
};

export const regexp: GoCatalog = {
  id: 'regexp',
  importPaths: ['regexp'],
  functions: [
    { function: 'MustCompile', yields: { package: 'regexp', name: 'Regexp' } },
    { function: 'MustCompilePOSIX', yields: { package: 'regexp', name: 'Regexp' } },
  ],
  members: ['ReplaceAllString()', 'ReplaceAllLiteralString()', 'ReplaceAllStringFunc()'].map((chain) => ({
    type: 'Regexp',
    chain,
    transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.regexMask },
  })),
};

export const path: GoCatalog = {
  id: 'path',
  importPaths: ['path', 'path/filepath'],
  functions: [
    { function: 'Clean', transform: pass(0) },
    { function: 'Base', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.segment } },
    { function: 'Dir', transform: { kind: 'weak', argument: 0, reason: WEAK_REASONS.segment } },
  ],
};

export const time: GoCatalog = {
  id: 'time',
  importPaths: ['time'],
  functions: [
    { function: 'Now', fact: { kind: 'source', source: 'timestamp' } },
    { function: 'Since', fact: { kind: 'source', source: 'duration' } },
  ],
};

export const mathRand: GoCatalog = {
  id: 'math/rand',
  importPaths: ['math/rand', 'math/rand/v2'],
  functions: ['Int', 'Intn', 'Int63', 'Float64', 'Uint64', 'IntN', 'Int64'].map((name) => ({
    function: name,
    fact: { kind: 'source', source: 'random' },
  })),
};

/** context: values a middleware puts in the request's context are read back by key. */
export const contextPackage: GoCatalog = {
  id: 'context',
  importPaths: ['context'],
  stores: [{ type: 'Context', setter: { function: 'WithValue', key: 1, value: 2 }, getters: ['Value'] }],
};
