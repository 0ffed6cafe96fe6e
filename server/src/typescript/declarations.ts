/**
 * Where metrics are declared, as a series inventory and a hover see them: the catalog's declaring
 * calls (`new Counter({ name, labelNames })`) and the program's own factories that return one
 * (`makeCounter('jobs_total', …)`, each call a metric). A name that is not a constant is listed by its
 * expression: the metric exists, but its writes cannot be told from another's.
 */
import ts from 'typescript';
import type { LabelDeclaration, MetricDeclaration } from '../analysis/finding';
import { samplesPerSeries } from '../analysis/series-budget';
import type { ArgumentOrOption, InstrumentSpec, MetricDeclarationSpec } from './catalog/model';
import { metricVocabulary } from './catalog/vocabulary';
import type { ParameterBindings, ProgramIndex } from './program-index';
import type { Resolver } from './resolver';
import { spanOf } from './spans';
import { calleeName, returnExpressions, skipOuter, walk } from './syntax';
import { typeAt } from './type-at';

type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };
type DeclaringCall = ts.CallExpression | ts.NewExpression;

/** A metric's name and label names, as far as they are constants. */
export interface MetricInfo {
  readonly name?: string;
  readonly labelNames: readonly (string | undefined)[];
}

export const NO_METRIC: MetricInfo = { labelNames: [] };

/** A declaring call a factory returns: the metric each call of the factory makes. */
interface Made {
  readonly call: DeclaringCall;
  readonly declares: MetricDeclarationSpec;
}

/** The classes and methods whose construction or call declares a metric, by name. */
const vocabulary = metricVocabulary();
const DECLARING_NAMES = new Set([...vocabulary.declaringClasses, ...vocabulary.declaringMethods]);

/**
 * Whether a call's callee is named as a catalog's declaring class or method: asking what a callee is
 * costs more than reading its name, so only such a call is asked about.
 */
export function mayDeclare(call: DeclaringCall): boolean {
  return DECLARING_NAMES.has(calleeName(call) ?? '');
}

/** Array methods that add to the array they are called on. */
const GROWING_METHODS = new Set(['push', 'unshift', 'splice']);

/** How much of a dynamic name's expression is shown. */
const SHOWN_NAME_LENGTH = 60;

export class DeclarationReader {
  private readonly factories = new Map<ts.Node, readonly Made[]>();

  constructor(
    private readonly resolver: Resolver,
    private readonly index: ProgramIndex,
  ) {}

  /** The label names the metrics declared in `file` list (`labelNames: ['route']`), as the catalog places them. */
  labelDeclarations(file: ts.SourceFile): LabelDeclaration[] {
    const declarations: LabelDeclaration[] = [];
    walk(file, (node) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      const declares = this.resolver.behaviourOf(node)?.declares;
      const namesNode = declares && this.argumentOrOption(node, declares.labelNames);
      const names = namesNode && this.index.literalOf(namesNode);
      if (!names || !ts.isArrayLiteralExpression(names) || names.getSourceFile() !== file) return;
      const { name: metric } = this.describe(node, declares.name, declares.labelNames);
      for (const element of names.elements) {
        if (ts.isStringLiteralLike(element)) declarations.push({ ...spanOf(element), label: element.text, metric });
      }
    });
    return declarations;
  }

  /**
   * The metrics declared in `file`, at the name's argument or option: by a declaring call, or by a
   * call of a factory of the program's own. A declaring call a factory returns is declared by the
   * factory's calls instead.
   */
  metricDeclarations(file: ts.SourceFile): MetricDeclaration[] {
    const declarations: MetricDeclaration[] = [];
    walk(file, (node) => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
      const behaviour = this.resolver.behaviourOf(node);
      if (behaviour?.declares) {
        const made = { call: node, declares: behaviour.declares };
        const declaration = this.declarationAt(node, made, new Map());
        if (declaration && !this.isNamedByItsFactory(made)) declarations.push(declaration);
        return;
      }
      // A call a catalog describes is a library's, no factory of the program's own.
      const made = ts.isCallExpression(node) && !behaviour ? this.factoryCall(node) : undefined;
      const declaration = made && this.declarationAt(node, made.made, made.bound);
      if (declaration) declarations.push(declaration);
    });
    return declarations;
  }

  /** A metric's name and label names from its declaring call, with the parameters `bound` stands for. */
  describe(call: DeclaringCall, name: ArgumentOrOption | undefined, labelNames: ArgumentOrOption | undefined, bound: ParameterBindings = new Map()): MetricInfo {
    const nameNode = this.argumentOrOption(call, name, bound);
    const namesNode = this.argumentOrOption(call, labelNames, bound);
    const names = namesNode ? this.index.literalOf(namesNode, bound) : undefined;
    return {
      name: nameNode && this.index.literalStringOf(nameNode, bound),
      labelNames: names && ts.isArrayLiteralExpression(names) ? names.elements.map((e) => this.constantText(e)) : [],
    };
  }

  argumentOrOption(call: DeclaringCall, where: ArgumentOrOption | undefined, bound?: ParameterBindings): ts.Expression | undefined {
    if (where === undefined) return undefined;
    const args = call.arguments ?? [];
    if (typeof where === 'number') return args[where];
    const options = args[0] && this.index.literalOf(args[0], bound);
    if (options && ts.isObjectLiteralExpression(options)) return this.index.propertyValue(options, where.option, 0, bound);
    const positional = where.positional !== undefined && args[0] && (isStringExpression(args[0]) || this.index.literalStringOf(args[0], bound) !== undefined);
    return positional ? args[where.positional!] : undefined;
  }

  /** The declaration `made` makes, shown at `at` (itself, or the factory's call) where its name is written. */
  private declarationAt(at: DeclaringCall, made: Made, bound: ParameterBindings): MetricDeclaration | undefined {
    const file = at.getSourceFile();
    // A factory's call is shown at the name it passes.
    const nameNode = this.argumentOrOption(made.call, made.declares.name, bound);
    const { name, labelNames } = this.describe(made.call, made.declares.name, made.declares.labelNames, bound);
    const namesNode = this.argumentOrOption(made.call, made.declares.labelNames, bound);
    const shownAt = at === made.call ? (nameNode?.getSourceFile() === file ? nameNode : undefined) : this.passedName(at, nameNode, bound);
    if (!shownAt) return undefined;
    const labels = labelNames.filter((label) => label !== undefined);
    const unlisted = namesNode !== undefined && (labels.length < labelNames.length || !this.index.literalOf(namesNode, bound) || this.isGrown(namesNode));
    const known = { labels, ...(unlisted ? { unlistedLabels: true } : {}), ...(made.declares.instrument && this.instrumentOf(made.call, made.declares.instrument, bound)) };
    if (name !== undefined) return { ...spanOf(shownAt), metric: name, ...known };
    return { ...spanOf(shownAt), metric: shownName(shownAt), dynamicName: true, ...known };
  }

  /** Where a factory's call passes the name: the argument its name parameter is bound to, else its first argument. */
  private passedName(call: DeclaringCall, nameNode: ts.Expression | undefined, bound: ParameterBindings): ts.Node {
    let node = nameNode && skipOuter(nameNode);
    for (let hops = 0; node && ts.isIdentifier(node) && hops < bound.size + 1; hops++) {
      const declaration = this.index.declarationOf(node);
      const passed = declaration && ts.isParameter(declaration) ? bound.get(declaration) : undefined;
      if (!passed) break;
      node = skipOuter(passed);
    }
    const inside = node && node.getSourceFile() === call.getSourceFile() && node.getStart() >= call.getStart() && node.getEnd() <= call.getEnd();
    return inside ? node! : (call.arguments?.[0] ?? call);
  }

  /**
   * A call of the program's own function that returns a metric it names by a parameter, with the
   * parameters bound to the call's arguments: the call names the metric.
   */
  private factoryCall(call: ts.CallExpression): { made: Made; bound: ParameterBindings } | undefined {
    const fn = this.resolver.functionDeclarationOf(call.expression);
    const made = fn && this.factoryOf(fn).find((candidate) => this.isNamedByParameter(candidate, fn));
    if (!fn || !made) return undefined;
    const bound = new Map(fn.parameters.map((param, i) => [param, call.arguments[i]] as const).filter(([, arg]) => arg !== undefined));
    return { made, bound };
  }

  /** The declaring calls `fn` returns (one or another: `opts.summary ? new Summary(…) : new Histogram(…)`), directly or through a constant. */
  private factoryOf(fn: FunctionNode): readonly Made[] {
    const known = this.factories.get(fn);
    if (known) return known;
    const made: Made[] = [];
    for (const returned of returnExpressions(fn)) {
      let expression = skipOuter(returned);
      if (ts.isIdentifier(expression)) {
        const declaration = this.index.declarationOf(expression);
        const initializer = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : undefined;
        if (initializer) expression = skipOuter(initializer);
      }
      if (!(ts.isNewExpression(expression) || ts.isCallExpression(expression)) || !mayDeclare(expression)) continue;
      const declares = this.resolver.behaviourOf(expression)?.declares;
      if (declares) made.push({ call: expression, declares });
    }
    this.factories.set(fn, made);
    return made;
  }

  /** Whether a declaring call is returned by the function holding it, which names it by a parameter: its callers declare it. */
  private isNamedByItsFactory(made: Made): boolean {
    for (let node: ts.Node | undefined = made.call.parent; node; node = node.parent) {
      if (!ts.isFunctionLike(node)) continue;
      const fn = node as FunctionNode;
      return this.factoryOf(fn).some((candidate) => candidate.call === made.call) && this.isNamedByParameter(made, fn);
    }
    return false;
  }

  /**
   * Whether a list of label names kept in a variable is added to after it is made (`labels.push('path')`,
   * `labels.push.apply(labels, extra)`, `labels[n] = …`): its literal is not all its names.
   */
  private isGrown(namesNode: ts.Expression): boolean {
    const holder = skipOuter(namesNode);
    if (!ts.isIdentifier(holder)) return false;
    const declaration = this.index.declarationOf(holder);
    if (!declaration || !ts.isVariableDeclaration(declaration)) return false;
    const scope = ts.findAncestor(declaration, (node) => ts.isBlock(node) || ts.isSourceFile(node)) ?? declaration.getSourceFile();
    const isHolder = (node: ts.Expression) => {
      const expression = skipOuter(node);
      return ts.isIdentifier(expression) && expression.text === holder.text && this.index.declarationOf(expression) === declaration;
    };
    let grown = false;
    walk(scope, (node) => {
      if (grown) return;
      if (ts.isPropertyAccessExpression(node) && GROWING_METHODS.has(node.name.text) && isHolder(node.expression)) grown = true;
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left) && isHolder(node.left.expression)) grown = true;
    });
    return grown;
  }

  /** Whether the name of what `made` declares is built from a parameter of `fn` (`name`, `opts.name`, `` `${prefix}_total` ``). */
  private isNamedByParameter(made: Made, fn: FunctionNode): boolean {
    const nameNode = this.argumentOrOption(made.call, made.declares.name);
    if (!nameNode || this.index.literalStringOf(nameNode) !== undefined) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node)) {
        const declaration = this.index.declarationOf(node);
        if (declaration && ts.isParameter(declaration) && declaration.parent === fn) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(nameNode);
    return found;
  }

  /** The instrument a declaration makes, with its samples per series from the boundaries it is given (else the library's default). */
  private instrumentOf(call: DeclaringCall, spec: InstrumentSpec, bound: ParameterBindings): Pick<MetricDeclaration, 'instrument' | 'samplesPerSeries'> {
    const given = this.argumentOrOption(call, spec.boundaries, bound);
    const list = given && this.index.literalOf(given, bound);
    const boundaries = list && ts.isArrayLiteralExpression(list) && !list.elements.some(ts.isSpreadElement) ? list.elements.length : undefined;
    if (given && boundaries === undefined) return { instrument: spec.kind };
    const samples = samplesPerSeries(spec.kind, boundaries ?? spec.defaultBoundaries ?? 0, boundaries !== undefined);
    return { instrument: spec.kind, ...(samples ? { samplesPerSeries: samples } : {}) };
  }

  private constantText(node: ts.Expression): string | undefined {
    const expression = skipOuter(node);
    if (ts.isStringLiteralLike(expression)) return expression.text;
    const type = typeAt(this.resolver.checker, expression);
    return type?.isStringLiteral() ? type.value : undefined;
  }
}

/** A string as written: a literal, a template, or a concatenation with one. */
function isStringExpression(node: ts.Expression): boolean {
  const expression = skipOuter(node);
  if (ts.isStringLiteralLike(expression) || ts.isTemplateExpression(expression)) return true;
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken && (isStringExpression(expression.left) || isStringExpression(expression.right));
}

/** A name's expression on one line, cut short: `opts.prefix + 'requests_total'`. */
function shownName(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > SHOWN_NAME_LENGTH ? `${text.slice(0, SHOWN_NAME_LENGTH - 1)}…` : text;
}
