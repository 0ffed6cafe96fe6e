/**
 * Name resolution and reaching definitions, enough of Go's rules for following values: block scopes,
 * `if`/`for`/`switch` initializers, parameters and results, closures seeing their enclosing function,
 * and package-level names shared by every file of the package.
 */
import type { GoPackage } from './package-index';
import {
  ancestor,
  contains,
  fieldOf,
  fieldsOf,
  FUNCTION_TYPES,
  namedChildren,
  operatorOf,
  textOf,
  type GoNode,
} from './syntax';

export type BindingKind = 'local' | 'parameter' | 'package' | 'constant' | 'function';

/** A declared name: where it is declared and the part of the package where it is visible. */
export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The declaring identifier. */
  readonly identifier: GoNode;
  /** The declaration around it: `short_var_declaration`, `var_spec`, `parameter_declaration`, … */
  readonly declaration: GoNode;
  /** The subtree the name is visible in; undefined for package-level names (every file). */
  readonly scope: GoNode | undefined;
}

/** One way a variable gets a value. */
export interface Definition {
  readonly binding: Binding;
  /** The assigned identifier (the place a flow step points at). */
  readonly target: GoNode;
  /** The statement (or parameter) doing it; what domination is judged on. */
  readonly statement: GoNode;
  /** The value expression; undefined for a zero value or a parameter. */
  readonly value: GoNode | undefined;
  /** For `a, b := f()`: which result of the call. */
  readonly resultIndex?: number;
  /** `x += y` keeps the previous value too. */
  readonly compound: boolean;
  /** `for k, v := range expr`: the value is an element (or key) of `value`. */
  readonly range: boolean;
}

const DECLARING_STATEMENTS: ReadonlySet<string> = new Set(['short_var_declaration', 'var_declaration', 'const_declaration']);

export class Scopes {
  private readonly resolved = new Map<GoNode, Binding | undefined>();
  /** One binding object per declaring identifier, so bindings compare by identity. */
  private readonly canonical = new Map<GoNode, Binding>();
  private readonly definitions = new Map<Binding, Definition[]>();

  constructor(private readonly pkg: GoPackage) {}

  /** The binding an identifier refers to, or undefined for builtins, imports and unknown names. */
  resolve(identifier: GoNode): Binding | undefined {
    if (this.resolved.has(identifier)) return this.resolved.get(identifier);
    const found = this.lookUp(identifier);
    let binding = found && this.canonical.get(found.identifier);
    if (found && !binding) {
      binding = found;
      this.canonical.set(found.identifier, found);
    }
    this.resolved.set(identifier, binding);
    return binding;
  }

  /** Every definition of `binding` anywhere in its scope, in document order. */
  definitionsOf(binding: Binding): readonly Definition[] {
    let list = this.definitions.get(binding);
    if (!list) {
      list = this.collectDefinitions(binding);
      this.definitions.set(binding, list);
    }
    return list;
  }

  private lookUp(identifier: GoNode): Binding | undefined {
    const name = textOf(identifier);
    let child = identifier;
    for (let parent = identifier.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === 'source_file') return this.packageBinding(name);
      if (FUNCTION_TYPES.has(parent.type)) {
        const parameter = findParameter(parent, name);
        if (parameter) return parameter;
        continue;
      }
      const local = this.findInPrecedingSiblings(parent, child, identifier);
      if (local) return local;
    }
    return undefined;
  }

  private findInPrecedingSiblings(parent: GoNode, child: GoNode, identifier: GoNode): Binding | undefined {
    const name = textOf(identifier);
    for (const sibling of parent.children) {
      if (sibling.start > child.start || !DECLARING_STATEMENTS.has(sibling.type)) continue;
      const found = declaredName(sibling, name);
      // The statement holding the identifier declares it only when the identifier is its declared name.
      if (found && (sibling !== child || found.identifier === identifier)) {
        return { name, kind: found.constant ? 'constant' : 'local', identifier: found.identifier, declaration: found.declaration, scope: parent };
      }
    }
    if (parent.type === 'for_statement') {
      const clause = parent.children.find((c) => c.type === 'range_clause' || c.type === 'for_clause');
      const declaration = clause?.type === 'range_clause' ? clause : clause && fieldOf(clause, 'initializer');
      if (declaration && declaration !== child) {
        const declared = leftIdentifiers(declaration).find((id) => textOf(id) === name);
        if (declared) return { name, kind: 'local', identifier: declared, declaration, scope: parent };
      }
    }
    return undefined;
  }

  private packageBinding(name: string): Binding | undefined {
    const top = this.pkg.topLevelDeclaration(name);
    if (!top) return undefined;
    const kind: BindingKind =
      top.declaration.type === 'function_declaration' ? 'function' : top.declaration.type === 'const_spec' ? 'constant' : 'package';
    return { name, kind, identifier: top.name, declaration: top.declaration, scope: undefined };
  }

  private collectDefinitions(binding: Binding): Definition[] {
    const definitions: Definition[] = [];
    const declared = definitionAt(binding, binding.identifier, binding.declaration);
    if (declared) definitions.push(declared);
    for (const target of this.pkg.assignmentTargets(binding.name)) {
      if (target === binding.identifier) continue;
      if (binding.scope && !contains(binding.scope, target)) continue;
      if (this.resolve(target) !== binding) continue;
      const statement = ancestor(target, (node) => node.type === 'assignment_statement' || node.type === 'short_var_declaration');
      const definition = statement && definitionAt(binding, target, statement);
      if (definition) definitions.push(definition);
    }
    return definitions.sort((a, b) => (a.target.file === b.target.file ? a.target.start - b.target.start : 0));
  }

  /**
   * The definitions that may give `binding` its value where `use` reads it. A definition is dropped
   * when a later one, unconditional on the way to `use` (its statement list encloses `use`), overwrites
   * it. An `if` or `switch` that `isGuard` accepts (a membership check on the variable) drops every
   * definition before it too: it is returned as `guard`, the bound it puts on the value.
   */
  reachingDefinitions(binding: Binding, use: GoNode, isGuard: (statement: GoNode, useInside: boolean) => boolean): ReachingDefinitions {
    const guard = findGuard(use, isGuard);
    // A statement does not reach the uses inside itself (`x = x + "a"` reads the previous `x`).
    const sameFileBefore = (d: Definition) => d.target.file === use.file && d.statement.start < use.start && !contains(d.statement, use);
    const before = this.definitionsOf(binding).filter((d) =>
      guard ? sameFileBefore(d) && d.statement.start > guard.start : isParameter(d) || d.target.file !== use.file || sameFileBefore(d),
    );
    const definitions = before.filter((definition, index) => {
      return !before
        .slice(index + 1)
        .some((later) => !later.compound && dominates(later.statement, use) && later.statement.start > definition.statement.start);
    });
    return { definitions, guard };
  }
}

export interface ReachingDefinitions {
  readonly definitions: readonly Definition[];
  /** The membership check bounding every value the variable had before it. */
  readonly guard?: GoNode;
}

/** The last guard (`if` or `switch`) before `use` that always runs before it, or the innermost `if` holding it. */
function findGuard(use: GoNode, isGuard: (statement: GoNode, useInside: boolean) => boolean): GoNode | undefined {
  for (let child = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'if_statement' && fieldOf(parent, 'consequence') === child && isGuard(parent, true)) return parent;
    const earlier = parent.children.filter((s) => GUARD_STATEMENTS.has(s.type) && s.end <= child.start);
    for (let i = earlier.length - 1; i >= 0; i--) {
      if (isGuard(earlier[i], false)) return earlier[i];
    }
    if (FUNCTION_TYPES.has(parent.type)) return undefined;
  }
  return undefined;
}

const GUARD_STATEMENTS: ReadonlySet<string> = new Set(['if_statement', 'expression_switch_statement']);

function isParameter(definition: Definition): boolean {
  return definition.statement.type === 'parameter_declaration' || definition.statement.type === 'variadic_parameter_declaration';
}

/** True when `statement` always runs before `use`: it sits in a statement list that also holds `use`. */
export function dominates(statement: GoNode, use: GoNode): boolean {
  const list = statement.parent;
  return list !== undefined && list.file === use.file && statement.end <= use.start && contains(list, use);
}

function findParameter(fn: GoNode, name: string): Binding | undefined {
  for (const field of ['receiver', 'parameters', 'result']) {
    const list = fieldOf(fn, field);
    if (!list || list.type !== 'parameter_list') continue;
    for (const parameter of namedChildren(list)) {
      const identifier = fieldsOf(parameter, 'name').find((id) => textOf(id) === name);
      if (identifier) return { name, kind: 'parameter', identifier, declaration: parameter, scope: fn };
    }
  }
  return undefined;
}

function declaredName(statement: GoNode, name: string): { identifier: GoNode; declaration: GoNode; constant: boolean } | undefined {
  if (statement.type === 'short_var_declaration') {
    const identifier = leftIdentifiers(statement).find((id) => textOf(id) === name);
    return identifier && { identifier, declaration: statement, constant: false };
  }
  const constant = statement.type === 'const_declaration';
  const specs = namedChildren(statement).flatMap((child) => (child.type.endsWith('_spec_list') ? namedChildren(child) : [child]));
  for (const spec of specs) {
    const identifier = fieldsOf(spec, 'name').find((id) => textOf(id) === name);
    if (identifier) return { identifier, declaration: spec, constant };
  }
  return undefined;
}

function leftIdentifiers(statement: GoNode): GoNode[] {
  const left = fieldOf(statement, 'left');
  return left ? namedChildren(left).filter((node) => node.type === 'identifier') : [];
}

/** How `target` (declared or assigned in `statement`) gets its value there. */
function definitionAt(binding: Binding, target: GoNode, statement: GoNode): Definition | undefined {
  const base = { binding, target, statement, compound: false, range: false };
  switch (statement.type) {
    case 'parameter_declaration':
    case 'variadic_parameter_declaration':
      return { ...base, value: undefined };
    case 'var_spec':
    case 'const_spec': {
      const valueList = fieldOf(statement, 'value');
      return pickValue(base, fieldsOf(statement, 'name'), target, valueList ? namedChildren(valueList) : []);
    }
    case 'range_clause':
      return { ...base, value: fieldOf(statement, 'right'), range: true };
    case 'short_var_declaration':
    case 'assignment_statement': {
      const names = namedChildren(fieldOf(statement, 'left') ?? statement);
      const picked = pickValue(base, names, target, namedChildren(fieldOf(statement, 'right') ?? statement));
      const operator = operatorOf(statement);
      return operator && operator !== '=' && operator !== ':=' ? { ...picked, compound: true } : picked;
    }
    default:
      return undefined;
  }
}

function pickValue(base: Omit<Definition, 'value'>, names: readonly GoNode[], target: GoNode, values: readonly GoNode[]): Definition {
  const index = names.indexOf(target);
  if (values.length === 0) return { ...base, value: undefined };
  if (values.length === 1 && names.length > 1) return { ...base, value: values[0], resultIndex: index };
  return { ...base, value: values[index] };
}
