/**
 * Bounded by declaration: a value whose type is a union of literals, an enum or a boolean can take
 * only the values the type lists, whatever flows into it at run time through a cast.
 */
import ts from 'typescript';
import { listedSet, type ValueSet } from '../analysis/value-sets';

const LITERAL_FLAGS =
  ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral |
  ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.BigIntLiteral;

/** Why the type of `node` bounds it, and its values when the type lists them; undefined when it does not. */
export function boundedByType(checker: ts.TypeChecker, node: ts.Node): { why: string; set?: ValueSet } | undefined {
  let type: ts.Type;
  try {
    type = declaredResultType(checker, node) ?? checker.getTypeAtLocation(node);
  } catch {
    return undefined;
  }
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  const set = parts.every((part) => part.flags & LITERAL_FLAGS) ? listedSet(parts.map((part) => literalText(checker, part))) : undefined;
  if (type.flags & ts.TypeFlags.BooleanLike) return { why: 'a boolean', set };
  if (type.flags & ts.TypeFlags.EnumLike) return { why: `an enum (${checker.typeToString(type)})`, set };
  if (!set) return undefined;
  if (parts.every((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))) return undefined;
  return { why: `one of ${checker.typeToString(type)}`, set };
}

/** A literal type's value as code: `"GET"`, `404`, `true`, `Color.Red`, `undefined`. */
function literalText(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.isStringLiteral()) return JSON.stringify(type.value);
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return 'undefined';
  return checker.typeToString(type);
}

/**
 * The type of a call to a function declared once, without type parameters (nor a generic class around
 * it), with its return type written out: that annotation, read without checking the arguments. Checking them can be the most
 * expensive question of a file (a route handler's `req` is typed by resolving the framework's
 * overloads for the whole handler) and cannot change such a call's type.
 */
function declaredResultType(checker: ts.TypeChecker, node: ts.Node): ts.Type | undefined {
  if (!ts.isCallExpression(node) || node.questionDotToken || node.typeArguments) return undefined;
  const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
  let symbol = checker.getSymbolAtLocation(callee);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declarations = symbol?.declarations ?? [];
  const declaration = declarations.length === 1 ? declarations[0] : undefined;
  if (!declaration || !(ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration))) return undefined;
  if (!declaration.type || declaration.typeParameters || (ts.isPropertyAccessExpression(node.expression) && node.expression.questionDotToken)) return undefined;
  // A method of a generic class may return the class's type parameter, which only the receiver fixes.
  const owner = declaration.parent;
  if ((ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) && owner.typeParameters) return undefined;
  return checker.getTypeFromTypeNode(declaration.type);
}
