/**
 * Values that reach a variable by iteration rather than assignment: the parameter of a callback given
 * to an array method (`paths.forEach((p) => …)`, `reduce`'s second), of a promise's `then`, and the
 * variable of a `for…of` loop. Each stands for any element of the collection (or what the promise
 * resolves to), so it holds whatever the collection's values hold; a map's `forEach` gives its values,
 * then its keys.
 */
import ts from 'typescript';
import { skipOuter } from './syntax';

/** Array methods, by the position of their callback's parameter that receives an element. */
const ELEMENT_PARAMETERS: ReadonlyMap<string, number> = new Map([
  ['forEach', 0], ['map', 0], ['flatMap', 0], ['filter', 0], ['find', 0], ['findLast', 0], ['findIndex', 0],
  ['findLastIndex', 0], ['some', 0], ['every', 0], ['reduce', 1], ['reduceRight', 1],
]);

/** Promise methods, likewise: `then`'s first parameter is what the promise resolves to. */
const RESOLVED_PARAMETERS: ReadonlyMap<string, number> = new Map([['then', 0]]);

/**
 * The collection (or promise) whose elements the parameter receives, when its function is such a
 * callback; `key` for the second parameter of `forEach`, a map's key (an array's index).
 */
export function iteratedByParameter(param: ts.ParameterDeclaration): { readonly collection: ts.Expression; readonly part: 'element' | 'key' } | undefined {
  const fn = param.parent;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const index = fn.parameters.indexOf(param);
  if (callee.name.text === 'forEach' && index === 1) return { collection: callee.expression, part: 'key' };
  const position = ELEMENT_PARAMETERS.get(callee.name.text) ?? RESOLVED_PARAMETERS.get(callee.name.text);
  return position !== undefined && index === position ? { collection: callee.expression, part: 'element' } : undefined;
}

/** The collection a `for (const x of collection)` variable iterates. */
export function iteratedByLoop(declaration: ts.VariableDeclaration): ts.Expression | undefined {
  const list = declaration.parent;
  const loop = ts.isVariableDeclarationList(list) ? list.parent : undefined;
  return loop && ts.isForOfStatement(loop) && loop.initializer === list ? loop.expression : undefined;
}
