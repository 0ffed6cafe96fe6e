/**
 * Bounded by declaration: a value whose type is a union of literals, an enum or a boolean can take
 * only the values the type lists, whatever flows into it at run time through a cast.
 */
import * as ts from 'typescript';

const LITERAL_FLAGS =
  ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.EnumLiteral |
  ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.BigIntLiteral;

/** Why the type of `node` bounds it, or undefined when it does not. */
export function boundedByType(checker: ts.TypeChecker, node: ts.Node): string | undefined {
  let type: ts.Type;
  try {
    type = checker.getTypeAtLocation(node);
  } catch {
    return undefined;
  }
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
  if (type.flags & ts.TypeFlags.BooleanLike) return 'a boolean';
  if (type.flags & ts.TypeFlags.EnumLike) return `an enum (${checker.typeToString(type)})`;
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((part) => part.flags & LITERAL_FLAGS)) return undefined;
  if (parts.every((part) => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))) return undefined;
  return `one of ${checker.typeToString(type)}`;
}
