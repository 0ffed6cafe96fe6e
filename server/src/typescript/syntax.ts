/**
 * Small syntax helpers shared by the resolver, the sink finder and the flow tracer. They never ask the
 * type checker anything beyond symbols, so they behave the same with and without library types.
 */
import ts from 'typescript';
import { typeAt } from './type-at';

/** Strips wrappers that do not change a value: parentheses, casts, `!`, `satisfies`, `await`. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The static name of a property key or access: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`, `{ [B]: 1 }` with a const B. */
export function staticName(node: ts.Node, checker?: ts.TypeChecker): string | undefined {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return node.text;
  if (ts.isComputedPropertyName(node)) return staticName(node.expression, checker) ?? constantString(node.expression, checker);
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const argument = skipOuter(node.argumentExpression);
    if (ts.isStringLiteralLike(argument) || ts.isNumericLiteral(argument)) return argument.text;
    return constantString(argument, checker);
  }
  return undefined;
}

/** The value of a `const` initialised with a string literal, as in `{ [HTTP_ROUTE]: route }`. */
function constantString(node: ts.Expression, checker: ts.TypeChecker | undefined): string | undefined {
  if (!checker) return undefined;
  const type = typeAt(checker, node);
  return type?.isStringLiteral() ? type.value : undefined;
}

/** Property name node of an object literal element, when it has one. */
export function propertyKeyOf(element: ts.ObjectLiteralElementLike): ts.PropertyName | undefined {
  if (ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element) || ts.isMethodDeclaration(element)) {
    return element.name;
  }
  return undefined;
}

/** The function a node denotes, when it is a function literal or method. */
/** The name a call's callee is written with: `use` in `app.use(…)`, `Counter` in `new Counter(…)`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipOuter(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
}

export function asFunction(node: ts.Node | undefined): ts.SignatureDeclaration & { body?: ts.ConciseBody } | undefined {
  if (!node) return undefined;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) {
    return node;
  }
  return undefined;
}

/** The expressions a function returns: the concise body of an arrow, or every `return` not inside a nested function. */
export function returnExpressions(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const results: ts.Expression[] = [];
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      if (node.expression) results.push(node.expression);
      continue;
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) continue;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return results;
}

/** Visits every node of `root` without recursion, so deeply nested code cannot overflow the stack. */
export function walk(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: ts.Node[] = [];
    node.forEachChild((child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** `require('m')` → 'm'. */
export function requiredModule(node: ts.Expression): string | undefined {
  const expression = skipOuter(node);
  if (
    ts.isCallExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'require' &&
    expression.arguments.length === 1 &&
    ts.isStringLiteralLike(expression.arguments[0])
  ) {
    return expression.arguments[0].text;
  }
  return undefined;
}

/** The text of a node as written. */
export function textOf(node: ts.Node): string {
  return node.getText();
}

/** True for files that are not the program's own source: declaration files and anything under node_modules. */
export function isExternalFile(file: ts.SourceFile): boolean {
  return file.isDeclarationFile || file.fileName.includes('/node_modules/');
}

/** The package a file under node_modules belongs to (`@types/node`, `prom-client`), or 'typescript' for the default lib. */
export function packageOfFile(fileName: string): string | undefined {
  const marker = '/node_modules/';
  const index = fileName.lastIndexOf(marker);
  if (index < 0) return /\/lib\.[\w.]*\.d\.ts$/.test(fileName) ? 'typescript' : undefined;
  const parts = fileName.slice(index + marker.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The value a JavaScript assignment declaration (`X.prototype.m = …`, `this.m = …`) gives its name. */
export function assignmentDeclarationValue(declaration: ts.Declaration): ts.Expression | undefined {
  const target = ts.isBinaryExpression(declaration) ? declaration.left : declaration;
  const assignment = ts.isBinaryExpression(declaration) ? declaration : target.parent;
  if (!(ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) || !assignment || !ts.isBinaryExpression(assignment)) return undefined;
  return assignment.left === target && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken ? assignment.right : undefined;
}
