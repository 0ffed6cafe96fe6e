/**
 * Parameters that receive an error by convention, typed or not: a promise's rejection handler
 * (`.catch((err) => …)`, `.then(ok, (err) => …)`), an `'error'` event listener, and a Node-style
 * callback's first parameter when it is named so (`(err, data) => …`). Their `message` is the error's.
 */
import ts from 'typescript';
import { skipOuter } from './syntax';

/** The names a Node-style callback gives its error. */
const NODE_CALLBACK_ERROR_NAMES = new Set(['err', 'error', 'er']);

export function isErrorParameter(param: ts.ParameterDeclaration): boolean {
  const fn = param.parent;
  if ((!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) || fn.parameters[0] !== param) return false;
  const call = fn.parent;
  if (!ts.isCallExpression(call)) return false;
  const position = call.arguments.indexOf(fn);
  const callee = skipOuter(call.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (method === 'catch' && position === 0) return true;
  if (method === 'then' && position === 1) return true;
  const event = call.arguments[0];
  if ((method === 'on' || method === 'once') && position === 1 && event && ts.isStringLiteralLike(event) && event.text === 'error') return true;
  return position === call.arguments.length - 1 && fn.parameters.length >= 2 && ts.isIdentifier(param.name) && NODE_CALLBACK_ERROR_NAMES.has(param.name.text);
}
