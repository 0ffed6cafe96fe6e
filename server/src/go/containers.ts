/**
 * What a slice or map variable holds, element by element: the literal it starts from, `append`s
 * (`lvs = append(lvs, x)`), index writes after `make` (`vals[0] = p`) and key writes after the
 * literal (`labels["path"] = r.URL.Path`). Positions and keys that are constants are kept apart, so
 * `WithLabelValues(vals...)` maps each element to its label name; the rest (a computed index, an
 * append in a loop, a slice returned by a call) may sit anywhere.
 */
import type { GoPackage } from './package-index';
import type { Binding, Scopes } from './scopes';
import { ancestor, contains, fieldOf, namedChildren, stringLiteralValue, textOf, unwrapParentheses, type GoNode } from './syntax';

/** One element value and the expression that put it there (the append, the index write). */
export interface Element {
  readonly value: GoNode;
  /** The container as written where the element was put, for the flow step. */
  readonly holder: string;
}

export interface Contents {
  /** Elements at a constant position (slices) or key (maps). */
  readonly at: ReadonlyMap<number | string, readonly Element[]>;
  /** Elements whose position is not known; a slice-valued expression here stands for all its elements. */
  readonly anywhere: readonly Element[];
}

const MAX_HOPS = 8;

interface Builder {
  at: Map<number | string, Element[]>;
  anywhere: Element[];
  /** The number of elements, while every one of them has a known position. */
  length: number | undefined;
}

export class Containers {
  private readonly memo = new Map<GoNode, Contents>();

  constructor(
    private readonly pkg: GoPackage,
    private readonly scopes: Scopes,
  ) {}

  /** The contents of the slice or map `expression` evaluates to. */
  contentsOf(expression: GoNode, hops = 0): Contents {
    const node = unwrapParentheses(expression);
    const known = this.memo.get(node);
    if (known) return known;
    const builder: Builder = { at: new Map(), anywhere: [], length: 0 };
    this.memo.set(node, builder); // a container defined from itself adds nothing more
    this.addValue(builder, node, hops);
    return builder;
  }

  /** Adds what `node` holds; `holder` names the container in flow steps (the variable, when there is one). */
  private addValue(builder: Builder, node: GoNode, hops: number, holder = textOf(node)): void {
    if (hops > MAX_HOPS) {
      builder.anywhere.push({ value: node, holder });
      builder.length = undefined;
      return;
    }
    if (node.type === 'composite_literal') return this.addLiteral(builder, node, holder);
    if (node.type === 'call_expression' && this.isBuiltin(node, 'make')) return this.addMake(builder, node);
    if (node.type === 'call_expression' && this.isBuiltin(node, 'append')) return this.addAppend(builder, node, hops, false, holder);
    if (node.type === 'identifier') return this.addVariable(builder, node, hops);
    builder.anywhere.push({ value: node, holder });
    builder.length = undefined;
  }

  private addLiteral(builder: Builder, literal: GoNode, holder: string): void {
    const body = fieldOf(literal, 'body');
    for (const element of body ? namedChildren(body) : []) {
      if (element.type === 'keyed_element') {
        const key = unwrapElement(fieldOf(element, 'key'));
        const value = unwrapElement(fieldOf(element, 'value'));
        if (!value) continue;
        const constant = key && this.constantKey(key);
        if (constant !== undefined) push(builder.at, constant, { value, holder });
        else builder.anywhere.push({ value, holder });
        continue;
      }
      const value = unwrapElement(element);
      if (!value) continue;
      if (builder.length !== undefined) push(builder.at, builder.length++, { value, holder });
      else builder.anywhere.push({ value, holder });
    }
  }

  /** `make([]T, n)` holds n zero values; later appends start after them. */
  private addMake(builder: Builder, call: GoNode): void {
    const size = namedChildren(fieldOf(call, 'arguments') as GoNode)[1];
    if (size === undefined) return; // a map, or `make([]T)` (not valid Go, but harmless)
    const literal = size.type === 'int_literal' ? Number(textOf(size)) : NaN;
    builder.length = builder.length !== undefined && Number.isInteger(literal) ? builder.length + literal : undefined;
  }

  private addAppend(builder: Builder, call: GoNode, hops: number, baseDone: boolean, holder: string): void {
    const args = namedChildren(fieldOf(call, 'arguments') as GoNode);
    const [base, ...added] = args;
    if (!baseDone && base) this.addValue(builder, unwrapParentheses(base), hops + 1);
    for (const arg of added) {
      if (arg.type === 'variadic_argument') {
        const spread = namedChildren(arg)[0];
        if (spread) this.addSpread(builder, this.contentsOf(spread, hops + 1), holder);
        continue;
      }
      if (builder.length !== undefined) push(builder.at, builder.length++, { value: arg, holder });
      else builder.anywhere.push({ value: arg, holder });
    }
  }

  /** `append(a, b...)`: b's elements follow a's, at known positions only when both are fully known. */
  private addSpread(builder: Builder, contents: Contents, holder: string): void {
    const positions = [...contents.at.keys()].filter((key): key is number => typeof key === 'number');
    const dense = contents.anywhere.length === 0 && positions.every((position, i) => position === i);
    for (const [position, elements] of contents.at) {
      for (const element of elements) {
        if (dense && builder.length !== undefined && typeof position === 'number') push(builder.at, builder.length + position, { ...element, holder });
        else builder.anywhere.push({ ...element, holder });
      }
    }
    builder.anywhere.push(...contents.anywhere);
    builder.length = dense && builder.length !== undefined ? builder.length + positions.length : undefined;
  }

  /** A variable: its definitions in order (appends to itself extend it), then its index writes. */
  private addVariable(builder: Builder, identifier: GoNode, hops: number): void {
    const binding = this.scopes.resolve(identifier);
    if (!binding || binding.kind === 'function' || binding.kind === 'constant') {
      builder.anywhere.push({ value: identifier, holder: textOf(identifier) });
      builder.length = undefined;
      return;
    }
    let first = true;
    for (const definition of this.scopes.definitionsOf(binding)) {
      const value = definition.value && unwrapParentheses(definition.value);
      if (!value || definition.range || definition.resultIndex !== undefined || definition.compound) {
        if (value || binding.kind === 'parameter') {
          builder.anywhere.push({ value: definition.target, holder: binding.name });
          builder.length = undefined;
        }
        first = false;
        continue;
      }
      const repeated = this.inLoop(definition.statement, binding.scope);
      if (repeated) builder.length = undefined;
      if (value.type === 'call_expression' && this.isBuiltin(value, 'append') && this.isSelf(namedChildren(fieldOf(value, 'arguments') as GoNode)[0], binding)) {
        this.addAppend(builder, value, hops, true, binding.name);
      } else {
        // A redefinition in a branch keeps the earlier contents as alternatives: positions are merged.
        if (!first) builder.length = undefined;
        this.addValue(builder, value, hops + 1, binding.name);
      }
      first = false;
    }
    for (const { key, element } of this.indexWrites(binding)) {
      if (key !== undefined) push(builder.at, key, element);
      else builder.anywhere.push(element);
    }
  }

  /** `v[k] = x` statements writing into the container `binding`, with the key when it is a constant. */
  indexWrites(binding: Binding): { key: number | string | undefined; element: Element }[] {
    const writes: { key: number | string | undefined; element: Element }[] = [];
    for (const target of this.pkg.indexWritesTo(binding.name)) {
      const operand = unwrapParentheses(fieldOf(target, 'operand') as GoNode);
      if (this.scopes.resolve(operand) !== binding) continue;
      const value = this.assignedValue(target);
      const index = fieldOf(target, 'index');
      if (value) writes.push({ key: index && this.constantKey(index), element: { value, holder: binding.name } });
    }
    return writes;
  }

  private isSelf(node: GoNode | undefined, binding: Binding): boolean {
    const base = node && unwrapParentheses(node);
    return base?.type === 'identifier' && this.scopes.resolve(base) === binding;
  }

  /** The value an assignment statement gives to its target `target`. */
  private assignedValue(target: GoNode): GoNode | undefined {
    const list = target.parent;
    const statement = list?.parent;
    if (!list || statement?.type !== 'assignment_statement' || list.field !== 'left') return undefined;
    const targets = namedChildren(list);
    const values = namedChildren(fieldOf(statement, 'right') as GoNode);
    return values.length === targets.length ? values[targets.indexOf(target)] : undefined;
  }

  /** An int literal, a string literal, or a constant declared with one: a key that tells elements apart. */
  constantKey(node: GoNode): number | string | undefined {
    const expression = unwrapParentheses(node);
    if (expression.type === 'int_literal') return Number(textOf(expression));
    const literal = stringLiteralValue(expression);
    if (literal !== undefined || expression.type !== 'identifier') return literal;
    const binding = this.scopes.resolve(expression);
    if (binding?.kind !== 'constant') return undefined;
    const value = this.scopes.definitionsOf(binding)[0]?.value;
    return value && (value.type === 'int_literal' || value.type.endsWith('string_literal')) ? this.constantKey(value) : undefined;
  }

  /** Whether `call` calls the builtin `name` (`append`, `make`), not a function of that name. */
  isBuiltin(call: GoNode, name: string): boolean {
    const callee = fieldOf(call, 'function');
    return callee?.type === 'identifier' && textOf(callee) === name && this.scopes.resolve(callee) === undefined;
  }

  /** True when `statement` may run several times for one definition of the variable (a loop between them). */
  private inLoop(statement: GoNode, scope: GoNode | undefined): boolean {
    const loop = ancestor(statement, (node) => node.type === 'for_statement' || node.type === 'func_literal');
    return loop !== undefined && loop.type === 'for_statement' && (scope === undefined || (contains(scope, loop) && scope !== loop));
  }
}

function unwrapElement(node: GoNode | undefined): GoNode | undefined {
  return node?.type === 'literal_element' ? namedChildren(node)[0] : node;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
