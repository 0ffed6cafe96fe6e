/**
 * Values stored on a library's objects by the program's own code and read back elsewhere: properties
 * an earlier middleware puts on the request (`req.sws = { api_path }`, `req.user = …`), `res.locals.*`,
 * Koa's `ctx.state.*`, Fastify's decorated request fields. A write is found by the entity of its root
 * (`req`: an Express request) and its property path (`sws.api_path`); a read of a path the catalog does
 * not describe takes the values written at it, or at a prefix of it.
 */
import ts from 'typescript';
import type { EntityId } from './catalog/model';
import type { Resolver } from './resolver';
import { isExternalFile, skipOuter, staticName, walk } from './syntax';

/** A value written at a property path of an entity, and what of the path is left to read inside it. */
export interface StoredValue {
  readonly value: ts.Expression;
  /** The keys below the write's path that the read asks for (`['api_path']` when `req.sws = {…}` was written). */
  readonly rest: readonly string[];
  /** The assignment, for the flow. */
  readonly write: ts.Node;
}

const MAX_CHAIN = 6;

export class RequestStores {
  /** Writes by the property path below their root (`sws.api_path`); roots are resolved only when asked. */
  private writes: Map<string, { left: ts.PropertyAccessExpression | ts.ElementAccessExpression; value: ts.Expression; write: ts.Node }[]> | undefined;
  private readonly rootOfWrite = new Map<ts.Node, { root: EntityId; path: string[] } | null>();

  constructor(
    private readonly program: ts.Program,
    private readonly resolver: Resolver,
  ) {}

  /** The values the program stores where `node` (a property read) reads, if its root is a library entity. */
  valuesAt(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): StoredValue[] {
    const writes = this.index();
    if (writes.size === 0) return [];
    const path = keysOf(node, this.resolver.checker);
    if (!path || !mayHaveWrites(path, writes)) return [];
    const chain = chainOf(node, this.resolver);
    if (!chain) return [];
    const found: StoredValue[] = [];
    for (let length = chain.path.length; length >= 1 && found.length === 0; length--) {
      const prefix = chain.path.slice(0, length);
      for (const candidate of writes.get(prefix.join('.')) ?? []) {
        const root = this.rootOf(candidate.left);
        if (root && root.root === chain.root && root.path.join('.') === prefix.join('.')) found.push({ value: candidate.value, write: candidate.write, rest: chain.path.slice(length) });
      }
    }
    return found;
  }

  private rootOf(left: ts.PropertyAccessExpression | ts.ElementAccessExpression): { root: EntityId; path: string[] } | undefined {
    if (!this.rootOfWrite.has(left)) this.rootOfWrite.set(left, chainOf(left, this.resolver) ?? null);
    return this.rootOfWrite.get(left) ?? undefined;
  }

  /** Every assignment to a property chain, by each suffix of its path (the root is not known yet). */
  private index() {
    if (this.writes) return this.writes;
    const writes = new Map<string, { left: ts.PropertyAccessExpression | ts.ElementAccessExpression; value: ts.Expression; write: ts.Node }[]>();
    for (const file of this.program.getSourceFiles()) {
      if (isExternalFile(file)) continue;
      walk(file, (node) => {
        if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuter(node.left);
        if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return;
        const keys = keysOf(left, this.resolver.checker);
        if (!keys) return;
        for (let length = 1; length <= keys.length; length++) {
          const key = keys.slice(-length).join('.');
          writes.set(key, [...(writes.get(key) ?? []), { left, value: node.right, write: node }]);
        }
      });
    }
    this.writes = writes;
    return writes;
  }
}

/** Whether some run of the read's keys was written (a cheap test before the read's root is resolved). */
function mayHaveWrites(keys: readonly string[], writes: ReadonlyMap<string, unknown>): boolean {
  for (let from = 0; from < keys.length; from++) {
    for (let to = from + 1; to <= keys.length; to++) if (writes.has(keys.slice(from, to).join('.'))) return true;
  }
  return false;
}

/** The static keys of a property chain, outermost last (`req.sws.api_path` → `['sws', 'api_path']`); none past a computed key. */
function keysOf(node: ts.Expression, checker: ts.TypeChecker): string[] | undefined {
  const keys: string[] = [];
  let current = skipOuter(node);
  for (let hops = 0; hops < MAX_CHAIN && (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)); hops++) {
    const key = staticName(current, checker);
    if (key === undefined) return keys.length > 0 ? keys : undefined;
    keys.unshift(key);
    current = skipOuter(current.expression);
  }
  return keys.length > 0 ? keys : undefined;
}

/** The entity at the root of a property chain and the keys read below it: `req.sws.api_path` → Express request, `['sws', 'api_path']`. */
function chainOf(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, resolver: Resolver): { root: EntityId; path: string[] } | undefined {
  const path: string[] = [];
  let current: ts.Expression = node;
  for (let hops = 0; hops < MAX_CHAIN && (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)); hops++) {
    const key = staticName(current, resolver.checker);
    if (key === undefined) return undefined;
    path.unshift(key);
    current = skipOuter(current.expression);
    // The root is the innermost expression with an entity whose catalog does not list the next key.
    if (ts.isIdentifier(current) || ts.isPropertyAccessExpression(current)) {
      const root = resolver.entityOf(current);
      if (root !== undefined && resolver.memberOf(root, path[0]) === undefined) return { root, path };
    }
  }
  return undefined;
}

