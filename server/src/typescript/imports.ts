/**
 * Import bindings: which module and export an import declaration names, in every import form
 * (named, default, namespace, `import x = require(...)`).
 */
import ts from 'typescript';

export interface ImportedName {
  readonly module: string;
  readonly name: string;
}

export function isImportDeclaration(declaration: ts.Declaration): boolean {
  return importedName(declaration) !== undefined;
}

/** For an import binding: the module and the export it names (`*` for namespaces, `default` for default imports). */
export function importedName(declaration: ts.Declaration): ImportedName | undefined {
  if (ts.isImportSpecifier(declaration)) {
    const module = declaration.parent.parent.parent.moduleSpecifier;
    return ts.isStringLiteral(module) ? { module: module.text, name: (declaration.propertyName ?? declaration.name).text } : undefined;
  }
  if (ts.isImportClause(declaration)) {
    const module = declaration.parent.moduleSpecifier;
    return ts.isStringLiteral(module) ? { module: module.text, name: 'default' } : undefined;
  }
  if (ts.isNamespaceImport(declaration)) {
    const module = declaration.parent.parent.moduleSpecifier;
    return ts.isStringLiteral(module) ? { module: module.text, name: '*' } : undefined;
  }
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
    const module = declaration.moduleReference.expression;
    return ts.isStringLiteral(module) ? { module: module.text, name: '*' } : undefined;
  }
  return undefined;
}
