/**
 * Callback positions: where a function literal is handed to a library call (directly, or as a property
 * of an options object), and which of the catalog's callback specs describe its parameters.
 */
import ts from 'typescript';
import type { CallbackSpec, EntityId } from './catalog/model';
import { staticName } from './syntax';

/** Where a function literal sits as a callback: the call, the argument index, and the property path inside an options object. */
export interface CallbackSite {
  readonly call: ts.CallExpression | ts.NewExpression;
  readonly argIndex: number;
  readonly path: readonly string[];
}

/** Where a function literal is passed: directly as an argument, or as a property (at any depth) of an options object argument. */
export function callbackSite(fn: ts.Node): CallbackSite | undefined {
  const path: string[] = [];
  let node: ts.Node = fn;
  for (;;) {
    const parent: ts.Node = node.parent;
    if (!parent) return undefined;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
      node = parent;
      continue;
    }
    if ((ts.isPropertyAssignment(parent) && parent.initializer === node) || (ts.isMethodDeclaration(node) && parent === node.parent && ts.isObjectLiteralExpression(parent))) {
      const named = ts.isMethodDeclaration(node) ? node : parent;
      const key = staticName((named as ts.PropertyAssignment | ts.MethodDeclaration).name);
      if (key === undefined) return undefined;
      path.unshift(key);
      node = ts.isMethodDeclaration(node) ? parent : parent.parent;
      continue;
    }
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
      return { call: parent, argIndex: parent.arguments.indexOf(node as ts.Expression), path };
    }
    return undefined;
  }
}

/** Whether a catalog callback spec describes the function at `site`. */
export function matchesCallback(spec: CallbackSpec, site: CallbackSite): boolean {
  const argMatches = spec.arg === 'any' || spec.arg === site.argIndex;
  if (!argMatches) return false;
  return spec.property === undefined ? site.path.length === 0 : site.path.length === 1 && site.path[0] === spec.property;
}

/** Whether an option path (with `*` for any key) names the property path of a callback. */
export function matchesPath(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length === path.length && pattern.every((key, i) => key === '*' || key === path[i]);
}

/** Express-style error middleware `(err, req, res, next)`: the request moves one place right. */
export function shiftForErrorHandler(spec: CallbackSpec, arity: number): readonly (EntityId | null)[] {
  if (spec.errorHandlerArity !== undefined && arity === spec.errorHandlerArity) return ['global:Error', ...spec.params];
  return spec.params;
}
