/**
 * Membership checks that bound a variable: after `if _, ok := allowed[x]; !ok { x = "other" }` (or
 * `return`), and inside `if allowed[x] { … }`, `x` is one of the keys of a finite map literal. The
 * same holds for `slices.Contains(list, x)` with a slice literal, and after a `switch x` whose cases
 * list fixed values and whose default replaces `x`.
 */
import type { GoPackage } from './package-index';
import type { Binding, Scopes } from './scopes';
import { descendants, fieldOf, FUNCTION_TYPES, namedChildren, operatorOf, textOf, unwrapParentheses, type GoNode } from './syntax';

type LiteralOf = (expression: GoNode) => GoNode | undefined;

const EXITS: ReadonlySet<string> = new Set(['return_statement', 'continue_statement', 'break_statement', 'goto_statement']);

/**
 * True when the `if` statement checks `binding` against a finite set, in the sense that matters for a
 * use of it: `inside` the consequence the check must be positive; after the `if`, negative, with a
 * consequence that reassigns the variable or leaves.
 */
export function isFiniteSetCheck(statement: GoNode, binding: Binding, inside: boolean, scopes: Scopes, pkg: GoPackage, literalOf: LiteralOf): boolean {
  if (statement.type === 'expression_switch_statement') return !inside && isAllowListSwitch(statement, binding, scopes, pkg);
  const condition = fieldOf(statement, 'condition');
  if (!condition) return false;
  const check = membershipTest(statement, unwrapParentheses(condition), binding, scopes, literalOf);
  if (check === undefined) return false;
  if (inside) return check === 'member';
  if (check !== 'not-member') return false;
  const consequence = fieldOf(statement, 'consequence');
  return consequence !== undefined && (leaves(consequence) || reassigns(consequence, binding, scopes));
}

/** Whether the condition holds when the variable is a member of the set, or when it is not. */
function membershipTest(statement: GoNode, condition: GoNode, binding: Binding, scopes: Scopes, literalOf: LiteralOf): 'member' | 'not-member' | undefined {
  let negated = false;
  let test = condition;
  if (test.type === 'unary_expression' && operatorOf(test) === '!') {
    negated = true;
    test = unwrapParentheses(fieldOf(test, 'operand') as GoNode);
  }
  const holds = (isMember: boolean) => (isMember !== negated ? 'member' : 'not-member');
  if (test.type === 'index_expression') return isLookupOf(test, binding, scopes, literalOf) ? holds(true) : undefined;
  if (test.type === 'identifier') {
    // `_, ok := allowed[x]` in the initializer, then `ok` or `!ok`
    const initializer = fieldOf(statement, 'initializer');
    const left = initializer && fieldOf(initializer, 'left');
    const right = initializer && fieldOf(initializer, 'right');
    const names = left ? namedChildren(left) : [];
    const lookup = right && namedChildren(right)[0];
    if (names.length === 2 && textOf(names[1]) === textOf(test) && lookup?.type === 'index_expression') {
      return isLookupOf(lookup, binding, scopes, literalOf) ? holds(true) : undefined;
    }
    return undefined;
  }
  if (test.type === 'call_expression' && /(^|\.)Contains$/.test(textOf(fieldOf(test, 'function') as GoNode))) {
    const args = namedChildren(fieldOf(test, 'arguments') as GoNode);
    const [list, value] = args;
    const literal = list && literalOf(list);
    if (args.length === 2 && literal && fieldOf(literal, 'type')?.type === 'slice_type' && refersTo(value, binding, scopes) && allConstant(literal, false)) {
      return holds(true);
    }
  }
  return undefined;
}

function isLookupOf(lookup: GoNode, binding: Binding, scopes: Scopes, literalOf: LiteralOf): boolean {
  const literal = literalOf(fieldOf(lookup, 'operand') as GoNode);
  return (
    literal !== undefined &&
    fieldOf(literal, 'type')?.type === 'map_type' &&
    refersTo(fieldOf(lookup, 'index'), binding, scopes) &&
    allConstant(literal, true)
  );
}

function refersTo(node: GoNode | undefined, binding: Binding, scopes: Scopes): boolean {
  const inner = node && unwrapParentheses(node);
  return inner?.type === 'identifier' && scopes.resolve(inner) === binding;
}

/** Every key (of a map) or element (of a slice) is a literal: the set is finite and known. */
function allConstant(literal: GoNode, keys: boolean): boolean {
  const body = fieldOf(literal, 'body');
  const elements = body ? namedChildren(body) : [];
  return elements.every((element) => {
    const part = keys ? (element.type === 'keyed_element' ? fieldOf(element, 'key') : undefined) : element;
    const value = part?.type === 'literal_element' ? namedChildren(part)[0] : part;
    return value !== undefined && (value.type === 'interpreted_string_literal' || value.type === 'raw_string_literal' || value.type === 'int_literal');
  });
}

/**
 * `switch m { case http.MethodGet, http.MethodPost: default: m = "_OTHER" }`: every case lists fixed
 * values and keeps the variable, and the default replaces it (or leaves), so after the switch the
 * variable holds one of the listed values or the default's.
 */
function isAllowListSwitch(statement: GoNode, binding: Binding, scopes: Scopes, pkg: GoPackage): boolean {
  if (!refersTo(fieldOf(statement, 'value'), binding, scopes)) return false;
  const clauses = namedChildren(statement).filter((child) => child.type === 'expression_case' || child.type === 'default_case');
  const fallback = clauses.find((clause) => clause.type === 'default_case');
  if (!fallback || !(leaves(fallback) || reassigns(fallback, binding, scopes))) return false;
  return clauses.every((clause) => {
    if (clause === fallback) return true;
    const values = namedChildren(fieldOf(clause, 'value') as GoNode);
    return values.length > 0 && values.every((value) => isFixedValue(value, scopes, pkg)) && !reassigns(clause, binding, scopes);
  });
}

function leaves(block: GoNode): boolean {
  const statements = namedChildren(block).flatMap((child) => (child.type === 'statement_list' ? namedChildren(child) : [child]));
  const last = statements[statements.length - 1];
  return last !== undefined && (EXITS.has(last.type) || (last.type === 'expression_statement' && /^panic\(/.test(textOf(last))));
}

function reassigns(block: GoNode, binding: Binding, scopes: Scopes): boolean {
  for (const node of descendants(block)) {
    if (node.type !== 'assignment_statement') continue;
    const left = fieldOf(node, 'left');
    if (left && namedChildren(left).some((target) => target.type === 'identifier' && scopes.resolve(target) === binding)) return true;
  }
  return false;
}

const LITERAL_TYPES: ReadonlySet<string> = new Set(['interpreted_string_literal', 'raw_string_literal', 'int_literal', 'rune_literal']);

/**
 * True when `use` sits in a `case` of a `switch` on the same value (`switch method {` for the variable
 * `method`, `switch r.Method {` for the read `r.Method`) whose values are all fixed: literals,
 * constants, package-level names (`http.MethodGet`). There the value is one of them.
 */
export function isInsideFixedCase(use: GoNode, scopes: Scopes, pkg: GoPackage): boolean {
  const binding = use.type === 'identifier' ? scopes.resolve(use) : undefined;
  const sameValue = (value: GoNode | undefined): boolean => {
    const inner = value && unwrapParentheses(value);
    if (!inner) return false;
    if (binding) return refersTo(inner, binding, scopes);
    return inner.type === use.type && textOf(inner) === textOf(use) && sameRoot(inner, use, scopes);
  };
  for (let child = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (FUNCTION_TYPES.has(parent.type)) return false;
    if (parent.type !== 'expression_case' || fieldOf(parent, 'value') === child) continue;
    const switchStatement = parent.parent;
    if (switchStatement?.type !== 'expression_switch_statement' || !sameValue(fieldOf(switchStatement, 'value'))) continue;
    if (binding && reassigns(parent, binding, scopes)) return false;
    const values = namedChildren(fieldOf(parent, 'value') as GoNode);
    return values.length > 0 && values.every((value) => isFixedValue(value, scopes, pkg));
  }
  return false;
}

function isFixedValue(node: GoNode, scopes: Scopes, pkg: GoPackage): boolean {
  const value = unwrapParentheses(node);
  if (LITERAL_TYPES.has(value.type)) return true;
  if (value.type === 'identifier') {
    const kind = scopes.resolve(value)?.kind;
    return kind === 'constant' || kind === 'package';
  }
  if (value.type !== 'selector_expression') return false;
  const operand = fieldOf(value, 'operand');
  return operand?.type === 'identifier' && pkg.isImportAlias(value.file, textOf(operand));
}

/** Two reads of the same chain text start from the same variable. */
function sameRoot(a: GoNode, b: GoNode, scopes: Scopes): boolean {
  const root = (node: GoNode): GoNode => {
    let current = node;
    for (;;) {
      const inner = current.type === 'call_expression' ? fieldOf(current, 'function') : current.type === 'selector_expression' ? fieldOf(current, 'operand') : undefined;
      if (!inner) return current;
      current = unwrapParentheses(inner);
    }
  };
  const ra = root(a);
  const rb = root(b);
  return ra.type === 'identifier' && rb.type === 'identifier' && scopes.resolve(ra) === scopes.resolve(rb);
}

/**
 * The other side of an equality the variable is checked by around `use`: inside
 * `if m == v { … }` or `if strings.EqualFold(m, v) { … }` (also one operand of `&&`), `m` holds what
 * `v` holds (up to case), so the value is traced through `v`.
 */
export function equalityPartner(use: GoNode, binding: Binding, scopes: Scopes): GoNode | undefined {
  for (let child = use, parent = use.parent; parent; child = parent, parent = parent.parent) {
    if (FUNCTION_TYPES.has(parent.type)) return undefined;
    if (parent.type !== 'if_statement' || fieldOf(parent, 'consequence') !== child) continue;
    if (reassigns(child, binding, scopes)) return undefined;
    const partner = partnerIn(unwrapParentheses(fieldOf(parent, 'condition') as GoNode), binding, scopes);
    if (partner) return partner;
  }
  return undefined;
}

function partnerIn(condition: GoNode, binding: Binding, scopes: Scopes): GoNode | undefined {
  if (condition.type === 'binary_expression') {
    const operator = operatorOf(condition);
    const left = fieldOf(condition, 'left') as GoNode;
    const right = fieldOf(condition, 'right') as GoNode;
    if (operator === '&&') return partnerIn(unwrapParentheses(left), binding, scopes) ?? partnerIn(unwrapParentheses(right), binding, scopes);
    if (operator !== '==') return undefined;
    if (refersTo(left, binding, scopes)) return right;
    return refersTo(right, binding, scopes) ? left : undefined;
  }
  if (condition.type === 'call_expression' && /(^|\.)EqualFold$/.test(textOf(fieldOf(condition, 'function') as GoNode))) {
    const [a, b] = namedChildren(fieldOf(condition, 'arguments') as GoNode);
    if (a && b && refersTo(a, binding, scopes)) return b;
    if (a && b && refersTo(b, binding, scopes)) return a;
  }
  return undefined;
}
