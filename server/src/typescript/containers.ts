/**
 * Containers filled after they were made: the values `push`, `unshift` and `splice` put into an
 * array, `add` into a set, and `set` into a map (its key and its value apart). A container made by a
 * variable's initializer holds what is put into it in the variable's file, so iterating it, spreading
 * it or reading a map's entry gives those values.
 */
import ts from 'typescript';
import type { ProgramIndex } from './program-index';
import { skipOuter } from './syntax';

export type ContainerKind = 'array' | 'set' | 'map';

/** What a read of a container gives: an element of an array or set, or a map's key or value. */
export type ContainerPart = 'element' | 'key' | 'value';

/** A value put into a container after it was made: `lvs.push(value)`, `routes.set(key, value)`. */
export interface Insertion {
  readonly call: ts.CallExpression;
  readonly value: ts.Expression;
  readonly part: ContainerPart;
}

/** For each kind, the methods that put values in, by the parts their arguments become from their first. */
const INSERTING: Readonly<Record<ContainerKind, ReadonlyMap<string, { readonly from: number; readonly parts?: readonly ContainerPart[] }>>> = {
  array: new Map([
    ['push', { from: 0 }],
    ['unshift', { from: 0 }],
    ['splice', { from: 2 }],
  ]),
  set: new Map([['add', { from: 0 }]]),
  map: new Map([['set', { from: 0, parts: ['key', 'value'] }]]),
};

/** Every method name that may put values into some container, for a cheap first pass. */
export const INSERTING_METHODS = new Set(Object.values(INSERTING).flatMap((methods) => [...methods.keys()]));

/** The kind of container an initializer makes: `[…]`, `new Array()`, `Array.from(…)`, `new Set()`, `new Map()`. */
export function containerMadeBy(initializer: ts.Expression | undefined): ContainerKind | undefined {
  const node = initializer && skipOuter(initializer);
  if (!node) return undefined;
  if (ts.isArrayLiteralExpression(node)) return 'array';
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
    const made = node.expression.text;
    return made === 'Set' ? 'set' : made === 'Map' ? 'map' : made === 'Array' ? 'array' : undefined;
  }
  const callee = ts.isCallExpression(node) ? skipOuter(node.expression) : undefined;
  return callee && ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Array' ? 'array' : undefined;
}

/** What a call of a method on a container of `kind` puts into it (an OpenTelemetry counter's `add` is no set's). */
export function insertedBy(call: ts.CallExpression, kind: ContainerKind): Insertion[] {
  const callee = skipOuter(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? INSERTING[kind].get(callee.name.text) : undefined;
  if (!method) return [];
  return call.arguments.slice(method.from).flatMap((arg, i) => {
    const part = method.parts ? method.parts[i] : 'element';
    if (!part) return [];
    return [{ call, value: ts.isSpreadElement(arg) ? arg.expression : arg, part }];
  });
}

/** The declaration of the map a variable holds (`const routes = new Map()`), when it is one. */
export function mapHeldBy(node: ts.Expression, index: ProgramIndex): ts.VariableDeclaration | undefined {
  const expression = skipOuter(node);
  const declaration = ts.isIdentifier(expression) ? index.declarationOf(expression) : undefined;
  return declaration && ts.isVariableDeclaration(declaration) && containerMadeBy(declaration.initializer) === 'map' ? declaration : undefined;
}

/**
 * Where a map's keys or values come from: what `set` put in (with the call), and the entries it was
 * made with (`new Map([[key, value], …])`, each entry's key or value; any other argument as a whole).
 */
export function mapEntries(map: ts.VariableDeclaration, part: 'key' | 'value', index: ProgramIndex): { readonly value: ts.Expression; readonly call?: ts.CallExpression }[] {
  const entries: { value: ts.Expression; call?: ts.CallExpression }[] = index
    .insertionsInto(map)
    .filter((insertion) => insertion.part === part)
    .map(({ call, value }) => ({ value, call }));
  const made = map.initializer && skipOuter(map.initializer);
  const given = made && ts.isNewExpression(made) ? made.arguments?.[0] : undefined;
  const list = given && skipOuter(given);
  if (list && ts.isArrayLiteralExpression(list)) {
    for (const entry of list.elements) {
      const pair = skipOuter(entry);
      const taken = ts.isArrayLiteralExpression(pair) ? pair.elements[part === 'key' ? 0 : 1] : entry;
      if (taken) entries.push({ value: taken });
    }
  } else if (given) entries.push({ value: given });
  return entries;
}
