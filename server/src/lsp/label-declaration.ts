import ts from 'typescript';

/** A label name declared in a metric's options: `labelNames: ['route', 'status']`. */
export interface LabelDeclaration {
  readonly label: string;
  /** The metric's `name`, when it is a literal in the same options object. */
  readonly metric?: string;
  readonly start: number;
  readonly end: number;
}

/** The `labelNames` entry under `offset`, if the offset is inside one. */
export function findLabelDeclarationAt(sourceFile: ts.SourceFile, offset: number): LabelDeclaration | undefined {
  const literal = findStringLiteralAt(sourceFile, offset);
  const array = literal?.parent;
  const property = array?.parent;
  if (!literal || !array || !ts.isArrayLiteralExpression(array) || !property || !ts.isPropertyAssignment(property)) return undefined;
  if (propertyName(property) !== 'labelNames' || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  const nameProperty = property.parent.properties.find((p) => ts.isPropertyAssignment(p) && propertyName(p) === 'name');
  const metric = nameProperty && ts.isPropertyAssignment(nameProperty) && ts.isStringLiteralLike(nameProperty.initializer) ? nameProperty.initializer.text : undefined;
  return { label: literal.text, metric, start: literal.getStart(sourceFile), end: literal.end };
}

function findStringLiteralAt(node: ts.Node, offset: number): ts.StringLiteralLike | undefined {
  const sourceFile = node.getSourceFile();
  let current: ts.Node | undefined = node;
  while (current) {
    if (ts.isStringLiteralLike(current)) return current;
    current = current.getChildren(sourceFile).find((child) => child.getStart(sourceFile) <= offset && offset < child.end);
  }
  return undefined;
}

function propertyName(property: ts.PropertyAssignment): string | undefined {
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}
