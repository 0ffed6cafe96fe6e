/**
 * Matches member chains against the catalogs: `c.Request.URL.Path` is a gin `Context` (`c`), whose
 * `Request` is a net/http `Request`, whose `URL.Path` is the raw path. Types come from declarations:
 * parameters and variables annotated with a catalogued type (`c *gin.Context`, `r *http.Request`), and
 * variables assigned from an expression of such a type (`req := c.Request`).
 */
import { GO_CATALOGS, type GoCatalog, type GoTypeName, type Transform, type ValueFact } from './catalog';
import type { GoPackage } from './package-index';
import type { Binding, Scopes } from './scopes';
import { fieldOf, namedChildren, textOf, unwrapParentheses, type GoNode } from './syntax';

/** A value of a catalogued type met on the way along a chain, outermost first. */
export interface TypedFrame {
  readonly type: GoTypeName;
  /** An expression of that type, valid where the chain is read (`c`, `c.Request`). */
  readonly node: GoNode;
}

export type ChainMatch =
  | { readonly kind: 'fact'; readonly fact: ValueFact; readonly frames: readonly TypedFrame[] }
  | { readonly kind: 'transform'; readonly transform: Transform; readonly call: GoNode }
  | { readonly kind: 'typed'; readonly frames: readonly TypedFrame[] };

interface Root {
  readonly frames: readonly TypedFrame[];
  readonly fact?: ValueFact;
  readonly transform?: { readonly transform: Transform; readonly call: GoNode };
}

const MAX_TYPE_HOPS = 8;

export class ChainResolver {
  private readonly catalogsById = new Map(GO_CATALOGS.map((catalog) => [catalog.id, catalog]));
  /** The frames a variable's declaration gives it (a Go variable keeps the type it is declared with); null: none. */
  private readonly declaredFrames = new Map<Binding, readonly TypedFrame[] | null>();

  constructor(
    private readonly pkg: GoPackage,
    private readonly scopes: Scopes,
  ) {}

  /** What the catalogs say about `expression`, or undefined when they say nothing. */
  match(expression: GoNode, hops = 0): ChainMatch | undefined {
    const segments: string[] = [];
    const nodes: GoNode[] = [];
    let current = unwrapParentheses(expression);
    let root: Root | undefined;
    for (;;) {
      if (current.type === 'selector_expression' || current.type === 'call_expression') {
        const selector = current.type === 'call_expression' ? fieldOf(current, 'function') : current;
        if (!selector || selector.type !== 'selector_expression') break;
        const operand = unwrapParentheses(fieldOf(selector, 'operand') as GoNode);
        const field = textOf(fieldOf(selector, 'field') as GoNode);
        if (operand.type === 'identifier' && this.pkg.isImportAlias(current.file, textOf(operand))) {
          root = this.packageMember(current, textOf(operand), field);
          break;
        }
        segments.unshift(current.type === 'call_expression' ? `${field}()` : field);
        nodes.unshift(current);
        current = operand;
      } else if (current.type === 'index_expression') {
        segments.unshift('[]');
        nodes.unshift(current);
        current = unwrapParentheses(fieldOf(current, 'operand') as GoNode);
      } else {
        if (current.type === 'identifier' && hops < MAX_TYPE_HOPS) {
          const frames = this.typeOfIdentifier(current, hops + 1);
          if (frames) root = { frames };
          // `s.r.URL.Path` with `s *stdReporter`: the struct's field `r` is declared `*http.Request`.
          const field = frames ? undefined : segments[0] !== undefined && this.structFieldType(current, segments[0]);
          if (field && nodes[0]?.type === 'selector_expression') {
            root = { frames: [{ type: field, node: nodes[0] }] };
            segments.shift();
            nodes.shift();
          }
        }
        break;
      }
    }
    if (!root) return undefined;
    if (root.fact) return { kind: 'fact', fact: root.fact, frames: root.frames };
    if (root.transform) {
      return segments.every((s) => s === '[]') ? { kind: 'transform', ...root.transform } : undefined;
    }
    return this.matchMembers(root.frames, segments, nodes);
  }

  /** Whether `call` is a catalogued function each of whose results carries its transform. */
  isEveryResultFunction(call: GoNode): boolean {
    const callee = call.type === 'call_expression' ? fieldOf(call, 'function') : undefined;
    const operand = callee?.type === 'selector_expression' ? fieldOf(callee, 'operand') : undefined;
    if (!operand || operand.type !== 'identifier') return false;
    const name = textOf(fieldOf(callee as GoNode, 'field') as GoNode);
    return this.pkg.catalogForAlias(call.file, textOf(operand))?.functions?.some((rule) => rule.function === name && rule.everyResult) ?? false;
  }

  private packageMember(node: GoNode, alias: string, name: string): Root | undefined {
    const catalog = this.pkg.catalogForAlias(node.file, alias);
    const rule = catalog?.functions?.find((f) => f.function === name);
    if (!rule || node.type !== 'call_expression') return undefined;
    if (rule.fact) return { frames: [], fact: rule.fact };
    if (rule.transform) return { frames: [], transform: { transform: rule.transform, call: node } };
    return rule.yields ? { frames: [{ type: rule.yields, node }] } : undefined;
  }

  private matchMembers(initial: readonly TypedFrame[], segments: readonly string[], nodes: readonly GoNode[]): ChainMatch | undefined {
    const frames = [...initial];
    let consumed = 0;
    while (consumed < segments.length) {
      const type = frames[frames.length - 1].type;
      const rules = this.catalogsById.get(type.package)?.members?.filter((rule) => rule.type === type.name) ?? [];
      let best: { rule: (typeof rules)[number]; length: number } | undefined;
      for (const rule of rules) {
        const chain = rule.chain.split('.');
        const fits = chain.every((segment, i) => segments[consumed + i] === segment);
        if (fits && (!best || chain.length > best.length)) best = { rule, length: chain.length };
      }
      if (!best) return undefined;
      consumed += best.length;
      const { rule } = best;
      if (rule.fact) return { kind: 'fact', fact: rule.fact, frames };
      if (rule.transform) {
        const rest = segments.slice(consumed);
        return rest.every((s) => s === '[]') ? { kind: 'transform', transform: rule.transform, call: nodes[consumed - 1] } : undefined;
      }
      if (!rule.yields) return undefined;
      frames.push({ type: rule.yields, node: nodes[consumed - 1] });
    }
    return frames.length > 0 ? { kind: 'typed', frames } : undefined;
  }

  /**
   * The catalogued type of a variable, from its declared type or from the value it is declared with.
   * Later assignments cannot change a Go variable's type, so only the declaration is read, once per
   * variable: a chain of reassignments (`chain = chain.Append(h)`) costs one lookup, not one per path.
   */
  private typeOfIdentifier(identifier: GoNode, hops: number): TypedFrame[] | undefined {
    const binding = this.scopes.resolve(identifier);
    if (!binding) return undefined;
    let frames = this.declaredFrames.get(binding);
    if (frames === undefined) {
      this.declaredFrames.set(binding, null); // a declaration that reads its own variable has no type from it
      frames = this.framesOfDeclaration(binding, hops) ?? null;
      this.declaredFrames.set(binding, frames);
    }
    if (!frames) return undefined;
    return [...frames.slice(0, -1), { type: frames[frames.length - 1].type, node: identifier }];
  }

  private framesOfDeclaration(binding: Binding, hops: number): readonly TypedFrame[] | undefined {
    const declaredType = fieldOf(binding.declaration, 'type');
    if (declaredType) {
      const type = this.typeName(declaredType);
      if (!type) return undefined;
      return [{ type: binding.kind === 'parameter' ? this.parameterType(type, binding) : type, node: binding.identifier }];
    }
    const declaration = this.scopes.definitionsOf(binding).find((definition) => definition.target === binding.identifier);
    if (!declaration?.value || declaration.resultIndex || declaration.range) return undefined;
    const match = this.match(declaration.value, hops);
    return match?.kind === 'typed' ? match.frames : undefined;
  }

  /** The catalogued type of field `field` of the project struct a variable is declared as (`s *stdReporter`). */
  private structFieldType(identifier: GoNode, field: string): GoTypeName | undefined {
    const binding = this.scopes.resolve(identifier);
    let type = binding && fieldOf(binding.declaration, 'type');
    while (type && (type.type === 'pointer_type' || type.type === 'parenthesized_type')) type = type.children.find((child) => child.named);
    if (!type || type.type !== 'type_identifier') return undefined;
    const declared = this.pkg.fieldTypeOf(textOf(type), field);
    return declared && this.typeName(declared);
  }

  /** A parameter's type as its function's results qualify it (a `*http.Request` of a `RoundTrip` is sent, not received). */
  private parameterType(type: GoTypeName, binding: Binding): GoTypeName {
    const rules = this.catalogsById.get(type.package)?.parameterTypes?.filter((rule) => rule.type === type.name) ?? [];
    const results = binding.scope && fieldOf(binding.scope, 'result');
    if (rules.length === 0 || !results) return type;
    const resultTypes = results.type === 'parameter_list' ? namedChildren(results).flatMap((declaration) => fieldOf(declaration, 'type') ?? []) : [results];
    for (const rule of rules) {
      if (resultTypes.some((result) => sameType(this.typeName(result), rule.returns))) return { package: type.package, name: rule.becomes };
    }
    return type;
  }

  /** `*gin.Context`, `gin.Context`, `echo.Context` → the catalog type, honouring import aliases. */
  private typeName(typeNode: GoNode): GoTypeName | undefined {
    let node = typeNode;
    while (node.type === 'pointer_type' || node.type === 'parenthesized_type') {
      const inner = node.children.find((child) => child.named);
      if (!inner) return undefined;
      node = inner;
    }
    if (node.type !== 'qualified_type') return undefined;
    const alias = fieldOf(node, 'package');
    const name = fieldOf(node, 'name');
    const catalog: GoCatalog | undefined = alias && this.pkg.catalogForAlias(node.file, textOf(alias));
    return catalog && name ? { package: catalog.id, name: textOf(name) } : undefined;
  }
}

function sameType(a: GoTypeName | undefined, b: GoTypeName): boolean {
  return a !== undefined && a.package === b.package && a.name === b.name;
}
