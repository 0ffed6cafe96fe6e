import ts from 'typescript';

/**
 * A class method that may be called through an interface or a base class (neither private nor
 * static): an index of calls by declaration cannot find those, so the calls it finds are not all.
 */
export function isOverridableMethod(fn: ts.Node): boolean {
  if (!ts.isMethodDeclaration(fn) || !ts.isClassLike(fn.parent) || ts.isPrivateIdentifier(fn.name)) return false;
  return (ts.getCombinedModifierFlags(fn) & (ts.ModifierFlags.Private | ts.ModifierFlags.Static)) === 0;
}
