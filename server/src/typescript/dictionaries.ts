/**
 * Objects the program fills under computed keys and reads by name. A factory loops over definitions,
 * writes `all[id] = new Counter(…)` and returns `all`; its caller keeps the result
 * (`this.metrics = makeMetrics(defs)`) and calls `this.metrics.requests_total.labels(…)`. Any name
 * read from such an object may be any value written into it, so the read takes their entity.
 */
import ts from 'typescript';
import { assignmentDeclarationValue, isExternalFile, returnExpressions, skipOuter, staticName, walk } from './syntax';

/** How many holders (variables, fields, factory returns) one read is followed through. */
const MAX_HOPS = 5;

type FunctionOf = (callee: ts.Expression) => (ts.SignatureDeclaration & { body?: ts.ConciseBody }) | undefined;
type AssignmentsTo = (declaration: ts.Declaration) => readonly ts.Expression[];

export class Dictionaries {
  private readonly writesByFile = new Map<ts.SourceFile, Map<ts.Symbol, ts.Expression[]>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly functionOf: FunctionOf,
    private readonly assignmentsTo: AssignmentsTo,
  ) {}

  /** The values written under computed keys into the object `holder` evaluates to. */
  valuesIn(holder: ts.Expression): ts.Expression[] {
    const found: ts.Expression[] = [];
    this.collect(holder, found, new Set(), 0);
    return found;
  }

  private collect(holder: ts.Expression, found: ts.Expression[], seen: Set<ts.Node>, hops: number): void {
    const node = skipOuter(holder);
    if (hops > MAX_HOPS || seen.has(node)) return;
    seen.add(node);
    if (ts.isCallExpression(node)) {
      const fn = this.functionOf(node.expression);
      for (const returned of fn ? returnExpressions(fn) : []) this.collect(returned, found, seen, hops + 1);
      return;
    }
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return;
    const symbol = this.symbolOf(ts.isIdentifier(node) ? node : node.name);
    for (const declaration of symbol?.declarations ?? []) {
      if (isExternalFile(declaration.getSourceFile())) continue;
      if (ts.isIdentifier(node) && symbol) found.push(...(this.writesIn(declaration.getSourceFile()).get(symbol) ?? []));
      for (const value of valuesOf(declaration)) this.collect(value, found, seen, hops + 1);
      for (const value of this.assignmentsTo(declaration)) this.collect(value, found, seen, hops + 1);
    }
  }

  /** Every `x[key] = value` with a key that is not a constant, by the symbol of `x`. */
  private writesIn(file: ts.SourceFile): Map<ts.Symbol, ts.Expression[]> {
    const cached = this.writesByFile.get(file);
    if (cached) return cached;
    const writes = new Map<ts.Symbol, ts.Expression[]>();
    walk(file, (node) => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const left = skipOuter(node.left);
      if (!ts.isElementAccessExpression(left) || !ts.isIdentifier(left.expression) || staticName(left, this.checker) !== undefined) return;
      const symbol = this.symbolOf(left.expression);
      if (symbol) writes.set(symbol, [...(writes.get(symbol) ?? []), node.right]);
    });
    this.writesByFile.set(file, writes);
    return writes;
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    try {
      return this.checker.getSymbolAtLocation(node);
    } catch {
      return undefined;
    }
  }
}

/** What a declaration gives its name: an initializer, or the right side of `this.x = …` in JavaScript. */
function valuesOf(declaration: ts.Declaration): ts.Expression[] {
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    return [declaration.initializer];
  }
  const assigned = assignmentDeclarationValue(declaration);
  return assigned ? [assigned] : [];
}
