/**
 * Metrics handed to calls Cardinal does not follow (`promhttp`-style `instrument(app, histogram)`, a
 * library's middleware): each such call may write the metric's labels out of sight, so for a series
 * budget it is a write of every label whose values are unknown. The readers the catalogs name
 * (`register.registerMetric(h)`) and the program's own functions, which are followed, are no such call.
 */
import ts from 'typescript';
import type { LabelSite } from '../analysis/finding';
import { TABLES } from './catalog';
import { mayDeclare, NO_METRIC, type DeclarationReader, type MetricInfo } from './declarations';
import type { ProgramIndex } from './program-index';
import type { Resolver } from './resolver';
import { spanOf } from './spans';
import { calleeName, skipOuter, walk } from './syntax';

/** Calls that take a metric object without labelling it, by the callee's name, from every catalog. */
const METRIC_READERS = new Set(TABLES.flatMap((table) => table.metricReaders ?? []));

export class HandOffs {
  constructor(
    private readonly resolver: Resolver,
    private readonly index: ProgramIndex,
    private readonly declarations: DeclarationReader,
  ) {}

  /**
   * The calls of `file` that are handed a metric with a constant name (`instrument(app, histogram)`,
   * `new Plugin({ histogram })` is not followed), but for the readers the catalogs name: each may write
   * its labels out of sight, so each is a write of every label whose values are unknown.
   */
  in(file: ts.SourceFile): LabelSite[] {
    const sites: LabelSite[] = [];
    walk(file, (node) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      const callee = skipOuter(node.expression);
      const name = calleeName(node);
      if (name === undefined || METRIC_READERS.has(name)) return;
      // The metrics first, the callee last: asking what a callee is costs more than most arguments.
      const metrics = (node.arguments ?? []).flatMap((argument) => {
        const value = skipOuter(argument);
        const metric = ts.isIdentifier(value) || ts.isPropertyAccessExpression(value) ? this.heldMetric(value) : NO_METRIC;
        return metric.name === undefined ? [] : [metric];
      });
      // The program's own functions and classes are followed where they label what they are given.
      if (metrics.length === 0 || this.resolver.behaviourOf(node) || this.isProgramCallee(node, callee)) return;
      const why = `the metric is handed to \`${callee.getText()}()\`, which may write it`;
      for (const metric of metrics) for (const label of metric.labelNames) if (label !== undefined) sites.push({ ...spanOf(node), label, metric: metric.name, values: { kind: 'unknown', why } });
    });
    return sites;
  }

  /**
   * The metric a variable or property holds when it is initialised with the metric's constructor
   * (`const h = new Histogram(…)`): a hand-off passes the metric itself, so no call is followed.
   */
  private heldMetric(value: ts.Identifier | ts.PropertyAccessExpression): MetricInfo {
    let initializer: ts.Expression | undefined;
    if (ts.isIdentifier(value)) {
      const declaration = this.index.declarationOf(value);
      if (declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration))) initializer = declaration.initializer;
    } else if (this.mayHoldMetrics(value.expression)) {
      initializer = this.index.propertyDeclarationOf(value)?.initializer;
    }
    const constructor = initializer && skipOuter(initializer);
    if (!constructor || (!ts.isNewExpression(constructor) && !ts.isCallExpression(constructor))) return NO_METRIC;
    if (!mayDeclare(constructor)) return NO_METRIC;
    const declares = this.resolver.behaviourOf(constructor)?.declares;
    return declares ? this.declarations.describe(constructor, declares.name, declares.labelNames) : NO_METRIC;
  }

  /**
   * Whether properties of `receiver` may be metrics the program keeps: `this`, a module's namespace, a
   * required module or an object literal. A request's or a response's properties are never asked about,
   * which would mean resolving the framework's types.
   */
  private mayHoldMetrics(receiver: ts.Expression): boolean {
    const node = skipOuter(receiver);
    if (node.kind === ts.SyntaxKind.ThisKeyword) return true;
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.index.declarationOf(node);
    if (!declaration) return false;
    if (ts.isNamespaceImport(declaration) || ts.isImportClause(declaration)) return true;
    const initializer = ts.isVariableDeclaration(declaration) && declaration.initializer && skipOuter(declaration.initializer);
    return !!initializer && (ts.isObjectLiteralExpression(initializer) || (ts.isCallExpression(initializer) && initializer.expression.getText() === 'require'));
  }

  /** Whether a call's callee is a function or class of the program itself, not of a library. */
  private isProgramCallee(call: ts.CallExpression | ts.NewExpression, callee: ts.Expression): boolean {
    if (ts.isCallExpression(call) && this.resolver.functionDeclarationOf(call.expression)) return true;
    const checker = this.resolver.checker;
    let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.some((declaration) => isProgramFile(declaration.getSourceFile())) ?? false;
  }
}

/** A file of the program's own code: neither a declaration file nor a package's. */
function isProgramFile(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
}
