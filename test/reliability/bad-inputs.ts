/**
 * The source texts of the bad-input table: broken, pathological and hostile files, each beside a
 * healthy file whose finding shows that the rest of the scan went on.
 */

/** A file with one known finding: `raw-path-label` on `req.path`, line 6, column 25. */
export const HEALTHY_FILE = `import type { Request } from 'express';
import { Counter } from 'prom-client';

const requests = new Counter({ name: 'requests_total', help: 'Requests', labelNames: ['route'] });
export function count(req: Request): void {
  requests.inc({ route: req.path });
}
`;

/** The healthy file's finding as `summarizeFindings` writes it, for a file at `name`. */
export function healthyFinding(name: string): string {
  return `${name}:6:25 raw-path-label route`;
}

const HEAD = `import type { Request } from 'express';
import { Counter } from 'prom-client';
const requests = new Counter({ name: 'requests_total', help: 'Requests', labelNames: ['route'] });
`;

/** A label statement around `value`, inside a handler. */
export function labelled(value: string): string {
  return `${HEAD}export function count(req: Request, flag: boolean): void {\n  requests.inc({ route: ${value} });\n}\n`;
}

export const LEVELS = 10_000;

/** 10,000 levels of each way code nests; TypeScript's own parser or binder overflows on every one but the operator chain. */
export const DEEP_NESTING: Readonly<Record<string, string>> = {
  parentheses: labelled(`${'('.repeat(LEVELS)}req.path${')'.repeat(LEVELS)}`),
  calls: labelled(`${'String('.repeat(LEVELS)}req.path${')'.repeat(LEVELS)}`),
  arrays: labelled(`${'['.repeat(LEVELS)}req.path${']'.repeat(LEVELS)}[0]`),
  objects: labelled(`${'{ a: '.repeat(LEVELS)}req.path${' }'.repeat(LEVELS)}.a`),
  templates: labelled(`${'`${'.repeat(LEVELS)}req.path${'}`'.repeat(LEVELS)}`),
  conditionals: labelled(`${'flag ? "x" : '.repeat(LEVELS)}req.path`),
  'else-if chain': `${HEAD}export function count(req: Request, flag: boolean): void {\n  ${'if (flag) {} else '.repeat(LEVELS)}{ requests.inc({ route: req.path }); }\n}\n`,
  blocks: `${HEAD}export function count(req: Request): void {\n  ${'{'.repeat(LEVELS)} requests.inc({ route: req.path }); ${'}'.repeat(LEVELS)}\n}\n`,
  arrows: `${HEAD}export const make = ${'(a: unknown) => '.repeat(LEVELS)}0;\n`,
  'unary operators': labelled(`String(${'!'.repeat(LEVELS)}req.path)`),
  'member chain': labelled(`(req as any)${'.a'.repeat(LEVELS)}`),
  'type arguments': `${HEAD}export let nested: ${'Array<'.repeat(LEVELS)}string${'>'.repeat(LEVELS)};\n`,
};

/** 10,000 operands in one expression: TypeScript handles operator chains without recursing, and so must Cardinal. */
export const LONG_OPERATOR_CHAIN = labelled(`req.path${" + '/'".repeat(LEVELS)}`);
