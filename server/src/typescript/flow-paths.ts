/**
 * Reading a part of a value: destructuring (`const { params: { id } } = req`, `const [first] = list`)
 * and property reads (`summary.route`) followed to where the part is written, through object and
 * array literals, variables, parameters (to their arguments), conditionals and helper returns.
 */
import ts from 'typescript';
import { entity as entityById } from './catalog';
import type { Member } from './catalog/model';
import type { SourceKind } from '../analysis/source-kinds';
import { notes } from '../analysis/step-notes';
import { bounded, choice, type Facts, type Taint, tainted, through, union, UNKNOWN } from '../analysis/value-facts';
import { KNOWN_SETS } from '../analysis/known-sets';
import { mapHeldBy } from './containers';
import { type Frame, frameFor, onStack } from './flow-frames';
import { iteratedByLoop } from './iteration';
import type { ProgramIndex, PropertyWrite } from './program-index';
import type { Resolver } from './resolver';
import { stepAt } from './spans';
import { returnExpressions, skipOuter, staticName } from './syntax';

/** What a path reader needs from the tracer that owns it. */
export interface TraceOperations {
  /** The facts of a whole value. */
  value(node: ts.Expression, frame: Frame | undefined, depth: number): Facts;
  /** Spends one step of the trace's budgets; false when spent out (the result is then incomplete). */
  spend(depth: number): boolean;
  /** The facts of reading a catalogued member. */
  memberFacts(member: Member, node: ts.Expression, receiver: ts.Expression | undefined): Facts;
  /** A fresh taint of `kind` read at `node`. */
  taint(kind: SourceKind, node: ts.Node, text?: string): Taint;
  /** A map's keys or values, as `reader` gets them. */
  mapFacts(map: ts.VariableDeclaration, part: 'key' | 'value', reader: ts.Node, frame: Frame | undefined, depth: number): Facts;
}

export class PathReader {
  constructor(
    private readonly trace: TraceOperations,
    private readonly resolver: Resolver,
    private readonly index: ProgramIndex,
  ) {}

  /** `const { path } = req`, `const [first] = list`, and destructured parameters. */
  bindingFacts(element: ts.BindingElement, frame: Frame | undefined, depth: number): Facts {
    if (element.dotDotDotToken) return UNKNOWN;
    const path = this.bindingPath(element);
    if (!path) return UNKNOWN;
    const { root: node, keys } = path;
    const name = element.name.getText();
    const owner = this.resolver.entityOf(element.name as ts.Identifier);
    if (owner !== undefined) {
      const asValue = entityById(owner)?.asValue;
      return asValue ? tainted(this.trace.taint(asValue, element.name)) : UNKNOWN;
    }
    const viaCatalog = this.bindingFromCatalog(node, keys, element);
    if (viaCatalog) return viaCatalog;
    let root: Facts;
    if (ts.isVariableDeclaration(node) && node.initializer) {
      root = this.readPath(node.initializer, keys, frame, depth);
    } else if (ts.isParameter(node)) {
      root = this.parameterPathFacts(node, keys, frame, depth);
    } else {
      // `for (const [key, value] of map)`: each entry's key, then its value.
      const looped = ts.isVariableDeclaration(node) && keys.length === 1 && (keys[0] === 0 || keys[0] === 1) ? iteratedByLoop(node) : undefined;
      const map = looped && mapHeldBy(looped, this.index);
      if (!map) return UNKNOWN;
      root = this.trace.mapFacts(map, keys[0] === 0 ? 'key' : 'value', element.name, frame, depth);
    }
    const withDefault = element.initializer ? choice([root, this.trace.value(element.initializer, frame, depth)]) : root;
    return through(withDefault, stepAt(element.name, notes.destructuredInto(name)));
  }

  /**
   * Where a destructured name comes from: the declaration or parameter the pattern destructures, and
   * the keys down to the name. An object rest element (`...rest`) stands for its pattern's object.
   */
  private bindingPath(element: ts.BindingElement): { root: ts.Node; keys: (string | number)[] } | undefined {
    const keys: (string | number)[] = [];
    let node: ts.Node = element;
    while (ts.isBindingElement(node)) {
      const pattern: ts.BindingPattern = node.parent;
      const isRest = node.dotDotDotToken !== undefined && ts.isObjectBindingPattern(pattern);
      const key = ts.isArrayBindingPattern(pattern) ? pattern.elements.indexOf(node) : isRest ? undefined : staticName(node.propertyName ?? node.name, this.resolver.checker);
      if (key === undefined && !isRest) return undefined;
      if (key !== undefined) keys.unshift(key);
      node = pattern.parent;
    }
    return { root: node, keys };
  }

  /** Walks the catalog along a destructuring path rooted at a known entity (`const { params: { id } } = req`). */
  private bindingFromCatalog(root: ts.Node, keys: readonly (string | number)[], element: ts.BindingElement): Facts | undefined {
    let owner: string | undefined;
    if (ts.isVariableDeclaration(root) && root.initializer) owner = this.resolver.entityOf(root.initializer);
    else if (ts.isParameter(root)) {
      const member = this.resolver.parameterMember(root);
      owner = member && 'entity' in member ? member.entity : undefined;
    }
    if (owner === undefined) return undefined;
    for (const key of keys) {
      const member = this.resolver.memberOf(owner, String(key));
      if (!member) return UNKNOWN;
      if ('entity' in member) {
        owner = member.entity;
        continue;
      }
      if ('source' in member) return tainted(this.trace.taint(member.source, element.name, element.dotDotDotToken ? element.name.getText() : element.getText()));
      return this.trace.memberFacts(member, element.name as ts.Identifier, undefined);
    }
    const asValue = entityById(owner)?.asValue;
    return asValue ? tainted(this.trace.taint(asValue, element.name)) : UNKNOWN;
  }

  /**
   * The value at `keys` inside what `base` evaluates to: through object and array literals, variables,
   * parameters (to their arguments), conditionals and helper returns. Where the object cannot be seen,
   * an unbounded whole (a tainted object) taints every part of it.
   */
  readPath(base: ts.Expression, keys: readonly (string | number)[], frame: Frame | undefined, depth: number): Facts {
    if (keys.length === 0) return this.trace.value(base, frame, depth);
    if (!this.trace.spend(depth)) return UNKNOWN;
    const node = skipOuter(base);
    const [key, ...rest] = keys;
    const next = depth + 1;
    if (ts.isObjectLiteralExpression(node)) {
      const property = this.index.propertyValue(node, String(key));
      return property ? this.readPath(property, rest, frameFor(property, frame), next) : UNKNOWN;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const element = typeof key === 'number' ? node.elements[key] : undefined;
      return element && !ts.isSpreadElement(element) && !ts.isOmittedExpression(element) ? this.readPath(element, rest, frame, next) : UNKNOWN;
    }
    if (ts.isConditionalExpression(node)) return choice([this.readPath(node.whenTrue, keys, frame, next), this.readPath(node.whenFalse, keys, frame, next)]);
    if (ts.isIdentifier(node)) {
      const declaration = this.index.declarationOf(node);
      if (declaration && ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
        const sources = [...(declaration.initializer ? [declaration.initializer] : []), ...this.index.assignmentsTo(declaration)];
        const initial = sources.length > 0 ? choice(sources.map((source) => this.readPath(source, keys, frameFor(source, frame), next))) : undefined;
        const writes = this.index.propertyWritesTo(node).filter((write) => write.name === String(key));
        if (writes.length === 0) return initial ?? UNKNOWN;
        const written = writes.map((write) => through(this.readPath(write.value, rest, frameFor(write.value, frame), next), stepAt(write.target, notes.storedAs(write.target.getText()))));
        // `value.environment = …` on its own line after the declaration replaces what the initializer held there.
        const replaced = writes.some((write) => isUnconditionalAfter(write, declaration));
        return choice(replaced || initial === undefined ? written : [initial, ...written]);
      }
      if (declaration && ts.isParameter(declaration) && !this.resolver.parameterMember(declaration)) {
        return this.parameterPathFacts(declaration, keys, frame, next);
      }
      // `const { metadata } = event; metadata.platformName` reads `event.metadata.platformName`.
      const path = declaration && ts.isBindingElement(declaration) ? this.bindingPath(declaration) : undefined;
      // `const { id, ...rest } = body`: `rest.id` is not there.
      if (path && declaration && ts.isBindingElement(declaration) && declaration.dotDotDotToken && siblingNames(declaration).has(String(key))) return bounded('undefined', false, KNOWN_SETS.undefined);
      const viaCatalog = path && this.bindingFromCatalog(path.root, [...path.keys, ...keys], declaration as ts.BindingElement);
      if (viaCatalog) return viaCatalog;
      if (path && ts.isVariableDeclaration(path.root) && path.root.initializer && !this.resolver.entityOf(path.root.initializer)) {
        return this.readPath(path.root.initializer, [...path.keys, ...keys], frameFor(path.root.initializer, frame), next);
      }
      if (path && ts.isParameter(path.root) && !this.resolver.parameterMember(path.root)) {
        return this.parameterPathFacts(path.root, [...path.keys, ...keys], frame, next);
      }
    }
    if (ts.isCallExpression(node)) {
      const fn = this.resolver.functionDeclarationOf(node.expression);
      if (fn && !onStack(fn, frame)) {
        const inner: Frame = { fn, args: node.arguments, caller: frame };
        const returns = returnExpressions(fn);
        if (returns.length > 0) return choice(returns.map((r) => this.readPath(r, keys, inner, next)));
      }
    }
    // A part of a library value that is unbounded only as a whole (an error, a date) is not that whole.
    const owner = this.resolver.entityOf(node);
    if (owner !== undefined && entityById(owner)?.asValue) return UNKNOWN;
    const whole = this.trace.value(base, frame, next);
    if (whole.taints.length > 0) return through(whole, stepAt(base, notes.propertyOf(String(key))));
    // `event.metadata.platformName`, where `event` is an object literal somewhere: the whole path from `event`.
    if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return UNKNOWN;
    const outer = staticName(node, this.resolver.checker);
    return outer === undefined ? UNKNOWN : this.readPath(node.expression, [pathKey(outer), ...keys], frame, next);
  }

  private parameterPathFacts(param: ts.ParameterDeclaration, keys: readonly (string | number)[], frame: Frame | undefined, depth: number): Facts {
    const fn = param.parent;
    const index = fn.parameters.indexOf(param);
    for (let f = frame; f; f = f.caller) {
      if (f.fn === fn) return f.args[index] ? this.readPath(f.args[index], keys, f.caller, depth) : UNKNOWN;
    }
    const invocations = this.index.invocationsOf(fn);
    if (invocations.length === 0) return UNKNOWN;
    return union(invocations.map(({ args }) => (args[index] ? this.readPath(args[index], keys, undefined, depth) : UNKNOWN)));
  }
}

/** A property write that is a statement of the block declaring the variable, after the declaration: it always runs. */
function isUnconditionalAfter(write: PropertyWrite, declaration: ts.VariableDeclaration): boolean {
  const statement = write.target.parent?.parent;
  const declaring = declaration.parent?.parent;
  return statement !== undefined && ts.isExpressionStatement(statement) && ts.isVariableStatement(declaring) && statement.parent === declaring.parent && statement.pos > declaring.pos;
}

/** A path step as `readPath` keys it: array positions are numbers. */
function pathKey(name: string): string | number {
  return /^\d+$/.test(name) ? Number(name) : name;
}

/** The names an object rest element's siblings take out of the object. */
function siblingNames(rest: ts.BindingElement): ReadonlySet<string> {
  const names = new Set<string>();
  if (!ts.isObjectBindingPattern(rest.parent)) return names;
  for (const sibling of rest.parent.elements) {
    if (sibling === rest) continue;
    const name = staticName(sibling.propertyName ?? sibling.name);
    if (name !== undefined) names.add(name);
  }
  return names;
}
