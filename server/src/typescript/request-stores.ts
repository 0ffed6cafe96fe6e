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
  private writes: Map<string, { value: ts.Expression; write: ts.Node }[]> | undefined;

  constructor(
    private readonly program: ts.Program,
    private readonly resolver: Resolver,
  ) {}

  /** The values the program stores where `node` (a property read) reads, if its root is a library entity. */
  valuesAt(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): StoredValue[] {
    const chain = chainOf(node, this.resolver);
    if (!chain) return [];
    const writes = this.index();
    const found: StoredValue[] = [];
    for (let length = chain.path.length; length >= 1; length--) {
      const prefix = chain.path.slice(0, length);
      for (const { value, write } of writes.get(keyOf(chain.root, prefix)) ?? []) found.push({ value, write, rest: chain.path.slice(length) });
      if (found.length > 0) break;
    }
    return found;
  }

  private index(): Map<string, { value: ts.Expression; write: ts.Node }[]> {
    if (this.writes) return this.writes;
    const writes = new Map<string, { value: ts.Expression; write: ts.Node }[]>();
    for (const file of this.program.getSourceFiles()) {
      if (isExternalFile(file)) continue;
      walk(file, (node) => {
        if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const left = skipOuter(node.left);
        if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return;
        const chain = chainOf(left, this.resolver);
        if (!chain) return;
        const key = keyOf(chain.root, chain.path);
        writes.set(key, [...(writes.get(key) ?? []), { value: node.right, write: node }]);
      });
    }
    this.writes = writes;
    return writes;
  }
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

function keyOf(root: EntityId, path: readonly string[]): string {
  return `${root}|${path.join('.')}`;
}
