/**
 * Finds the label arguments of metric calls in a file and names the label each one fills.
 *
 * A call is a sink when the resolver maps it to a catalog behaviour with a `sink`, a metric
 * declaration (`declares`, whose name may be built from data), or options whose properties are
 * sinks; or when the configuration lists it as a team's own wrapper. Positional values map to the
 * metric's `labelNames` (found where the metric was constructed, in whatever module), spreads map
 * element by element through the array literal they came from, objects map by key.
 */
import ts from 'typescript';
import type { CardinalConfig } from '../analysis/config-types';
import { matchesConfiguredName } from '../analysis/configured-names';
import type { FlowStep, InstrumentKind, LabelDeclaration, LabelSite, MetricDeclaration } from '../analysis/finding';
import type { LabelKey, LabelNoun, SinkSite } from '../analysis/sink-site';
import { notes } from '../analysis/step-notes';
import { METRIC_NAME, SHAPED_MEASUREMENTS } from './catalog/metric-shapes';
import type { OptionSink, SinkSpec } from './catalog/model';
import { DeclarationReader, NO_METRIC, type MetricInfo } from './declarations';
import { DerivedSinks } from './derived-sinks';
import { HandOffs } from './hand-offs';
import type { ParameterBindings, ProgramIndex } from './program-index';
import type { Resolver } from './resolver';
import { spanOf, stepAt } from './spans';
import { isStatValue, mayBeTags, statDeclaration, statName, StatsAtCall, type StatCall } from './stat-writes';
import { asFunction, returnExpressions, skipOuter, staticName, walk } from './syntax';
import { typeAt } from './type-at';


/** A place where a value becomes a label (or a metric name), still as syntax. */
export interface TsSinkSite {
  readonly kind: SinkSite['kind'];
  /** The node a finding is reported on. */
  readonly node: ts.Node;
  /** The value to trace; absent for option flags. */
  readonly value?: ts.Expression;
  readonly label?: string;
  readonly noun: LabelNoun;
  readonly metric?: string;
  /** For option flags: the option as written, e.g. `includePath: true`. */
  readonly what?: string;
  /** Steps between the value and the sink, e.g. the array a spread value sat in. */
  readonly via?: readonly FlowStep[];
  /**
   * What the value is when it is not one label's value: a whole labels object (`inc(labels)`), an array
   * of positional values (`labels(...values)`, with the metric's `labelNames`), or a single argument of
   * `labels(x)`, which is either.
   */
  readonly holds?: 'labels' | 'values' | 'value-or-labels';
  readonly labelNames?: readonly (string | undefined)[];
  readonly key?: LabelKey;
  /** The StatsD stat a tag or a stat name is written to (see `stat-writes.ts`). */
  readonly stat?: StatCall;
  /** At a stat's name: the stat this write declares, when its name is a constant. */
  readonly declares?: MetricDeclaration;
}

/** A string-literal key of a labels object, with the object's other keys. */
function labelKey(name: ts.StringLiteral, literal: ts.ObjectLiteralExpression): LabelKey {
  const properties = literal.properties;
  const index = properties.findIndex((property) => property.name === name);
  const siblings = properties.flatMap((property, i) => {
    const key = property.name && staticName(property.name);
    return key === undefined || i === index ? [] : [key];
  });
  const property = properties[index];
  const file = name.getSourceFile().fileName;
  // Up to the next property, or from the end of the previous one: the separator goes with it.
  const removal =
    index + 1 < properties.length
      ? { file, start: property.getStart(), end: properties[index + 1].getStart() }
      : index > 0
        ? { file, start: properties[index - 1].getEnd(), end: property.getEnd() }
        : { file, start: property.getStart(), end: property.getEnd() };
  return { span: spanOf(name), quote: name.getText().charAt(0), siblings, removal };
}

/** The site as the back end takes it: spans, and the anchors its suppression directives are found by. */
export function toSinkSite(site: TsSinkSite): SinkSite {
  const { node, value: _value, stat: _stat, declares: _declares, ...rest } = site;
  return { ...rest, span: spanOf(node), anchors: suppressionAnchors(node) };
}

/** The label's own position and the start of the statement holding it: a directive above either one applies. */
function suppressionAnchors(node: ts.Node): number[] {
  let statement: ts.Node = node;
  while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent)) statement = statement.parent;
  return [node.getStart(), statement.getStart()];
}

const MAX_HOPS = 16;

/** Constants and conditionals followed from a tag list back to the object it is made from. */
const MAX_TAG_LIST_HOPS = 4;

export class SinkFinder {
  private readonly derived: DerivedSinks;
  private readonly declared: DeclarationReader;
  private readonly handedOff: HandOffs;

  constructor(
    private readonly resolver: Resolver,
    private readonly index: ProgramIndex,
    private readonly config: CardinalConfig,
  ) {
    this.derived = new DerivedSinks(index, (fn) => (fn.body ? this.sitesUnder(fn.body) : []));
    this.declared = new DeclarationReader(resolver, index);
    this.handedOff = new HandOffs(resolver, index, this.declared);
  }

  /**
   * Every sink site in `file`, in source order. A label a wrapper's callers fill is theirs, not the
   * wrapper's: `delegated` hears the files of those callers, which must be analysed for it, and
   * `unjudged` the sites whose callers may not all be found (a method's).
   */
  find(file: ts.SourceFile, delegated: (callerFiles: readonly string[]) => void = () => undefined, unjudged: (site: TsSinkSite) => void = () => undefined): TsSinkSite[] {
    return this.sitesUnder(file)
      .filter((site) => {
        const callers = this.derived.judgedAtCallers(site);
        if (callers) delegated(callers);
        // Its findings are at the calls found; what the calls not found pass is not known.
        if (callers && this.derived.mayMissCallers(site)) unjudged(site);
        return callers === undefined;
      })
      .sort((a, b) => a.node.getStart() - b.node.getStart());
  }

  private sitesUnder(root: ts.Node): TsSinkSite[] {
    const sites: TsSinkSite[] = [];
    walk(root, (node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) sites.push(...this.sitesOfCall(node));
    });
    return sites;
  }

  labelDeclarations(file: ts.SourceFile): LabelDeclaration[] {
    return this.declared.labelDeclarations(file);
  }

  metricDeclarations(file: ts.SourceFile): MetricDeclaration[] {
    return this.declared.metricDeclarations(file);
  }

  /** The calls of `file` handed a metric they may write out of sight (see `hand-offs.ts`). */
  handOffs(file: ts.SourceFile): LabelSite[] {
    return this.handedOff.in(file);
  }

  private sitesOfCall(call: ts.CallExpression | ts.NewExpression): TsSinkSite[] {
    const sites: TsSinkSite[] = [];
    const behaviour = this.resolver.behaviourOf(call);
    if (behaviour?.sink) sites.push(...this.sinkSites(call, behaviour.sink));
    if (behaviour?.declares) {
      const metric = this.metricInfo(call);
      const name = this.declared.argumentOrOption(call, behaviour.declares.name);
      if (name) sites.push({ kind: 'metric-name', node: name, value: name, noun: 'label', metric: metric.name });
      const tags = this.declared.argumentOrOption(call, behaviour.declares.globalTags);
      if (tags) sites.push(...this.tagSites(tags, metric.name));
    }
    (call.arguments ?? []).forEach((arg, index) => {
      // Option sinks first: following an argument to its literal may take the type checker.
      const optionSinks = this.resolver.optionSinksOf(call, index);
      if (optionSinks.length === 0) return;
      const options = this.index.literalOf(arg);
      if (!options || !ts.isObjectLiteralExpression(options)) return;
      for (const sink of optionSinks) sites.push(...this.optionSites(options, sink));
    });
    if (ts.isCallExpression(call)) sites.push(...this.customSinkSites(call));
    if (ts.isCallExpression(call) && !behaviour) sites.push(...this.derivedSites(call));
    if (ts.isCallExpression(call) && !behaviour && sites.length === 0) sites.push(...this.shapedSites(call));
    return sites;
  }

  /** `service.counter('name', …).inc(1, { route })` on an API no table describes (see `metric-shapes.ts`). */
  private shapedSites(call: ts.CallExpression): TsSinkSite[] {
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return [];
    const creation = this.creationOf(callee.expression);
    if (!creation || !ts.isPropertyAccessExpression(creation.expression)) return [];
    if (!SHAPED_MEASUREMENTS.get(creation.expression.name.text)?.includes(callee.name.text)) return [];
    const name = creation.arguments[0] && this.index.literalStringOf(creation.arguments[0]);
    if (name === undefined || !METRIC_NAME.test(name) || this.resolver.behaviourOf(creation)) return [];
    return call.arguments.flatMap((arg) => {
      const literal = this.index.literalOf(arg);
      return literal && ts.isObjectLiteralExpression(literal) ? this.labelObjectSites(arg, literal, 'label', name) : [];
    });
  }

  /** The call that made the instrument `node` holds: itself, or a constant's initializer. */
  private creationOf(node: ts.Expression): ts.CallExpression | undefined {
    const expression = skipOuter(node);
    if (ts.isCallExpression(expression)) return expression;
    if (!ts.isIdentifier(expression)) return undefined;
    const declaration = this.index.declarationOf(expression);
    const initializer = declaration && ts.isVariableDeclaration(declaration) && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? declaration.initializer : undefined;
    return initializer && ts.isCallExpression(skipOuter(initializer)) ? (skipOuter(initializer) as ts.CallExpression) : undefined;
  }

  /** A call of one of the program's own functions that is a sink (see `derived-sinks.ts`): its arguments are labels. */
  private derivedSites(call: ts.CallExpression): TsSinkSite[] {
    const fn = this.resolver.functionDeclarationOf(call.expression);
    if (!fn) return [];
    const sites: TsSinkSite[] = [];
    const stats = new StatsAtCall(call, (arg) => this.index.literalStringOf(arg));
    for (const derived of this.derived.of(fn)) {
      const arg = call.arguments[derived.param];
      if (!arg || ts.isSpreadElement(arg)) continue;
      const via = [stepAt(derived.inner, notes.becomesLabelIn(derived.noun, derived.label, derived.name))];
      const literal = derived.holds === 'value' ? undefined : this.index.literalOf(arg);
      const metric = derived.stat ? stats.nameOf(derived.stat) : derived.metric;
      let found: TsSinkSite[];
      if (literal && ts.isObjectLiteralExpression(literal)) {
        found = derived.noun === 'tag' ? this.tagSites(arg, metric) : this.labelObjectSites(arg, literal, derived.noun, metric);
      } else if (literal && derived.holds === 'values') {
        found = this.positionalSites(literal.elements, { name: metric, labelNames: derived.labelNames ?? [] });
      } else if (derived.noun === 'tag' && derived.holds !== 'value') {
        // Anything but a literal may be a StatsD value rather than tags: only a wrapper's own parameter is passed on.
        found = this.tagSites(arg, metric);
        if (found.length === 0 && derived.stat && mayBeTags(arg, this.resolver.checker)) stats.unlisted(derived.stat);
      } else {
        const one = derived.holds === 'value' || derived.holds === 'value-or-labels';
        const holds = derived.holds === 'value' ? undefined : derived.holds;
        found = [{ kind: 'label', node: arg, value: arg, label: one ? derived.label : undefined, noun: derived.noun, metric, holds, labelNames: derived.labelNames }];
      }
      const placed = found.map((site) => ({ ...site, via: [...(site.via ?? []), ...via] }));
      if (derived.stat) stats.tagged(derived.stat, placed);
      sites.push(...placed);
    }
    return [...sites, ...stats.declarations(this.derived.statsOf(fn))];
  }

  private sinkSites(call: ts.CallExpression | ts.NewExpression, sink: SinkSpec): TsSinkSite[] {
    const args = call.arguments ?? [];
    const callee = skipOuter(call.expression);
    const metric = ts.isPropertyAccessExpression(callee) ? this.metricInfo(callee.expression) : this.metricInfo(callee);
    switch (sink.kind) {
      case 'positional-labels': {
        const alone = args.length === 1 && !ts.isSpreadElement(args[0]);
        const single = alone ? this.index.literalOf(args[0]) : undefined;
        if (single && ts.isObjectLiteralExpression(single)) return this.labelObjectSites(args[0], single, 'label', metric.name);
        const sites = this.positionalSites(args, metric);
        return alone && !single && sites.length === 1 ? [{ ...sites[0], holds: 'value-or-labels' }] : sites;
      }
      case 'labels-object': {
        const arg = args[sink.arg];
        if (!arg) return [];
        const literal = this.index.literalOf(arg);
        if (literal && ts.isObjectLiteralExpression(literal)) {
          if (sink.wrapped && isLabelsWrapper(literal)) {
            const labels = this.index.propertyValue(literal, 'labels');
            const inner = labels && this.index.literalOf(labels);
            if (!labels) return [];
            if (inner && ts.isObjectLiteralExpression(inner)) return this.labelObjectSites(labels, inner, sink.noun, metric.name);
            return [{ kind: 'label', node: labels, value: labels, noun: sink.noun, metric: metric.name }];
          }
          return this.labelObjectSites(arg, literal, sink.noun, metric.name);
        }
        if (literal) return [];
        const isLabels = sink.arg > 0 || args.length > sink.arg + 1 || this.hasObjectType(arg);
        return isLabels ? [{ kind: 'label', node: arg, value: arg, noun: sink.noun, metric: metric.name, holds: 'labels' }] : [];
      }
      case 'statsd': {
        const stat = args[sink.stat];
        if (!stat) return [];
        // The client's own declaration names its prefix.
        const call: StatCall = { arg: stat, prefix: metric.name, instrument: sink.instrument };
        const written = this.index.literalStringOf(stat);
        const name = written === undefined ? undefined : statName(call, written);
        const tags = this.statTags(args.slice(sink.stat + 1), name, sink.instrument);
        const declares = name === undefined ? undefined : statDeclaration(stat, name, sink.instrument, tags.declared, tags.unlisted);
        return [{ kind: 'metric-name', node: stat, value: stat, noun: 'tag', stat: call, declares }, ...tags.sites.map((site) => ({ ...site, stat: call }))];
      }
    }
  }

  /** `labels(a, b, ...rest)`: each value at its position in `labelNames`; a spread array maps element by element. */
  private positionalSites(args: readonly ts.Expression[], metric: MetricInfo): TsSinkSite[] {
    const sites: TsSinkSite[] = [];
    let position: number | undefined = 0;
    const place = (span: ts.Node, value: ts.Expression, via: readonly FlowStep[], hops: number): void => {
      if (ts.isSpreadElement(value)) {
        const array = hops < MAX_HOPS ? this.index.literalOf(value.expression) : undefined;
        const added = this.addedAfter(value.expression);
        if (array && ts.isArrayLiteralExpression(array) && added !== undefined) {
          const holder = value.expression.getText();
          array.elements.forEach((element, i) => place(span, element, [stepAt(element, notes.element(holder, i)), ...via], hops + 1));
          // Values pushed after the literal come after its elements, in order when pushed unconditionally.
          for (const { call, value: pushed, inOrder } of added) {
            if (!inOrder) position = undefined;
            place(span, pushed, [stepAt(call, notes.addedTo(holder)), ...via], hops + 1);
          }
        } else {
          const at = position;
          sites.push({ kind: 'label', node: span, value: value.expression, noun: 'label', metric: metric.name, via, holds: 'values', labelNames: at === undefined ? [] : metric.labelNames.slice(at) });
          position = undefined;
        }
        return;
      }
      const label = position === undefined ? undefined : metric.labelNames[position];
      sites.push({ kind: 'label', node: span, value, label, noun: 'label', metric: metric.name, via });
      if (position !== undefined) position++;
    };
    for (const arg of args) place(arg, arg, [], 0);
    return sites;
  }

  /**
   * The values pushed onto the array a variable holds after it was made, each `inOrder` when pushed
   * by a statement of the block that declares it (so its position follows); undefined when values
   * were put anywhere else in it (`unshift`, `splice`), which leaves no position known.
   */
  private addedAfter(holder: ts.Expression): { call: ts.CallExpression; value: ts.Expression; inOrder: boolean }[] | undefined {
    const node = skipOuter(holder);
    const declaration = ts.isIdentifier(node) ? this.index.declarationOf(node) : undefined;
    if (!declaration || !ts.isVariableDeclaration(declaration)) return [];
    const added = this.index.insertionsInto(declaration);
    if (added.some(({ call }) => !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'push')) return undefined;
    const block = declaration.parent.parent?.parent;
    return added.map(({ call, value }) => ({ call, value, inOrder: ts.isExpressionStatement(call.parent) && call.parent.parent === block }));
  }

  /** One site per property of a labels object, plus properties written onto it later (`labels.route = …`). */
  private labelObjectSites(expression: ts.Expression, literal: ts.ObjectLiteralExpression, noun: LabelNoun, metric: string | undefined, hops = 0): TsSinkSite[] {
    const sites: TsSinkSite[] = [];
    for (const property of literal.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = ts.isStringLiteral(property.name) ? labelKey(property.name, literal) : undefined;
        sites.push({ kind: 'label', node: property.initializer, value: property.initializer, label: staticName(property.name, this.resolver.checker), noun, metric, key });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        sites.push({ kind: 'label', node: property.name, value: property.name, label: property.name.text, noun, metric });
      } else if (ts.isSpreadAssignment(property)) {
        const spread = hops < MAX_HOPS ? this.index.literalOf(property.expression) : undefined;
        if (spread && ts.isObjectLiteralExpression(spread)) sites.push(...this.labelObjectSites(property.expression, spread, noun, metric, hops + 1));
        else sites.push({ kind: 'label', node: property, value: property.expression, noun, metric, holds: 'labels' });
      }
    }
    const holder = skipOuter(expression);
    if (ts.isIdentifier(holder)) {
      for (const write of this.index.propertyWritesTo(holder)) {
        sites.push({ kind: 'label', node: write.value, value: write.value, label: write.name, noun, metric });
      }
    }
    return sites;
  }

  /**
   * The tags of a stat write, from the arguments after the stat. Every site is judged (a wrapper's
   * parameter may be its tags); `declared` are those the stat is declared with, without the argument
   * that is its value. `unlisted` when an argument that may be tags is not a list Cardinal can read.
   */
  private statTags(rest: readonly ts.Expression[], metric: string | undefined, instrument: InstrumentKind): { sites: TsSinkSite[]; declared: TsSinkSite[]; unlisted: boolean } {
    const sites: TsSinkSite[] = [];
    const declared: TsSinkSite[] = [];
    let unlisted = false;
    rest.forEach((arg, i) => {
      const found = this.tagSites(arg, metric);
      sites.push(...found);
      const literal = this.index.literalOf(arg);
      if (i === 0 && !literal && isStatValue(arg, instrument, rest.length, this.resolver.checker)) return;
      declared.push(...found);
      if (found.length === 0 && !literal && mayBeTags(arg, this.resolver.checker)) unlisted = true;
    });
    return { sites, declared, unlisted };
  }

  /** StatsD tags: `['route:' + x]` (the label is the part before ':') or `{ route: x }`. */
  private tagSites(expression: ts.Expression, metric: string | undefined): TsSinkSite[] {
    const literal = this.index.literalOf(expression);
    // Tags a wrapper is given (its parameter): judged where the wrapper is called (see `derived-sinks.ts`).
    if (!literal) {
      const tags = this.isParameter(expression) ? expression : this.listedTagsParameter(expression);
      return tags ? [{ kind: 'label', node: tags, value: tags, noun: 'tag', metric, holds: 'labels' }] : [];
    }
    if (ts.isObjectLiteralExpression(literal)) return this.labelObjectSites(expression, literal, 'tag', metric);
    return literal.elements
      .filter((element) => !ts.isSpreadElement(element) && !ts.isOmittedExpression(element))
      .map((element) => ({ kind: 'label', node: element, value: element, label: tagName(element), noun: 'tag', metric }) as const);
  }

  private optionSites(options: ts.ObjectLiteralExpression, sink: OptionSink): TsSinkSite[] {
    const sites: TsSinkSite[] = [];
    for (const { property, keys } of this.propertiesAt(options, sink.path)) {
      if (sink.kind === 'raw-path-flag') {
        const value = ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
        if (value?.kind === ts.SyntaxKind.TrueKeyword && (sink.unless === undefined || !this.index.propertyValue(options, sink.unless))) {
          sites.push({ kind: 'raw-path-flag', node: property, label: sink.label, noun: 'label', what: sink.what });
        }
        continue;
      }
      const fn = this.functionAt(property);
      if (!fn) continue;
      const label = sink.kind === 'returns-value' ? sink.label ?? keys[keys.length - 1] : undefined;
      if (sink.kind === 'returns-value') {
        for (const returned of returnExpressions(fn)) sites.push({ kind: 'label', node: returned, value: returned, label, noun: 'label' });
      } else if (sink.kind === 'returns-labels') {
        for (const returned of returnExpressions(fn)) {
          const literal = this.index.literalOf(returned);
          if (literal && ts.isObjectLiteralExpression(literal)) sites.push(...this.labelObjectSites(returned, literal, 'label', undefined));
        }
      } else {
        sites.push(...this.assignedLabelSites(fn));
      }
    }
    return sites;
  }

  /** `transformLabels(labels, req) { labels.user = … }`: every property written onto the first parameter. */
  private assignedLabelSites(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }): TsSinkSite[] {
    const target = fn.parameters[0]?.name;
    if (!target || !ts.isIdentifier(target) || !fn.body) return [];
    const symbol = this.resolver.checker.getSymbolAtLocation(target);
    const sites: TsSinkSite[] = [];
    walk(fn.body, (node) => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      const left = skipOuter(node.left);
      if (!(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) || !ts.isIdentifier(left.expression)) return;
      if (this.resolver.checker.getSymbolAtLocation(left.expression) !== symbol) return;
      sites.push({ kind: 'label', node: node.right, value: node.right, label: staticName(left, this.resolver.checker), noun: 'label' });
    });
    return sites;
  }

  /** Properties of an options object along `path`, where `*` matches every key. */
  private propertiesAt(literal: ts.ObjectLiteralExpression, path: readonly string[]): { property: ts.ObjectLiteralElementLike; keys: string[] }[] {
    const [head, ...rest] = path;
    const found: { property: ts.ObjectLiteralElementLike; keys: string[] }[] = [];
    for (const property of literal.properties) {
      const key = property.name ? staticName(property.name, this.resolver.checker) : undefined;
      if (key === undefined || (head !== '*' && key !== head)) continue;
      const keys = head === '*' ? [key] : [];
      if (rest.length === 0) {
        found.push({ property, keys });
        continue;
      }
      const value = ts.isPropertyAssignment(property) ? this.index.literalOf(property.initializer) : ts.isShorthandPropertyAssignment(property) ? this.index.literalOf(property.name) : undefined;
      if (value && ts.isObjectLiteralExpression(value)) {
        for (const inner of this.propertiesAt(value, rest)) found.push({ property: inner.property, keys: [...keys, ...inner.keys] });
      }
    }
    return found;
  }

  private functionAt(property: ts.ObjectLiteralElementLike): (ts.SignatureDeclaration & { body?: ts.ConciseBody }) | undefined {
    if (ts.isMethodDeclaration(property)) return property;
    const value = ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    if (!value) return undefined;
    return asFunction(value) ?? this.resolver.functionDeclarationOf(value);
  }

  /** Calls of the team's own wrappers listed in the configuration (`recordRequest(route, status)`). */
  private customSinkSites(call: ts.CallExpression): TsSinkSite[] {
    if (this.config.sinks.length === 0) return [];
    const callee = skipOuter(call.expression);
    const text = callee.getText();
    const sites: TsSinkSite[] = [];
    for (const sink of this.config.sinks) {
      if (!matchesConfiguredName(text, sink.function)) continue;
      for (const [label, index] of Object.entries(sink.labels)) {
        const arg = call.arguments[index];
        if (arg) sites.push({ kind: 'label', node: arg, value: arg, label, noun: 'label', metric: sink.function });
      }
    }
    return sites;
  }

  /**
   * The metric a receiver refers to: where it was declared, with its name and label names. Calls of
   * the program's own functions are followed into their returns (`makeCounter(name, help, labelNames)`),
   * with their parameters standing for the call's arguments.
   */
  private metricInfo(receiver: ts.Expression, bound: ParameterBindings = new Map(), hops = 0): MetricInfo {
    let current: ts.Expression | undefined = receiver;
    for (; current && hops < MAX_HOPS; hops++) {
      const expression: ts.Expression = skipOuter(current);
      if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) {
        const declares = this.resolver.behaviourOf(expression)?.declares;
        if (declares) return this.declared.describe(expression, declares.name, declares.labelNames, bound);
        const fn = ts.isCallExpression(expression) ? this.resolver.functionDeclarationOf(expression.expression) : undefined;
        if (fn) return this.metricInfoOfReturns(fn, expression as ts.CallExpression, hops);
        const callee = skipOuter(expression.expression);
        current = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
      } else if (ts.isIdentifier(expression)) {
        const declaration = this.index.declarationOf(expression);
        if (declaration && ts.isParameter(declaration)) current = bound.get(declaration);
        else if (declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration))) {
          current = declaration.initializer ?? this.index.assignmentsTo(declaration)[0];
        } else current = undefined;
      } else if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) {
        const declared = this.index.propertyDeclarationOf(expression);
        current = declared?.initializer ?? (declared ? this.index.assignmentsTo(declared.declaration)[0] : undefined);
      } else {
        current = undefined;
      }
    }
    return NO_METRIC;
  }

  /** The metric a call of the program's own function returns, with its parameters bound to the call's arguments. */
  private metricInfoOfReturns(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, call: ts.CallExpression, hops: number): MetricInfo {
    const bound = new Map(fn.parameters.map((param, i) => [param, call.arguments[i]] as const).filter(([, arg]) => arg !== undefined));
    for (const returned of returnExpressions(fn)) {
      const found = this.metricInfo(returned, bound, hops + 1);
      if (found !== NO_METRIC) return found;
    }
    return NO_METRIC;
  }

  /**
   * The parameter a wrapper turns into a StatsD tag list, `Object.entries(tags).map(([k, v]) => `${k}:${v}`)`
   * (through constants, and `tags ? … : undefined`): its callers' objects are the tags.
   */
  private listedTagsParameter(node: ts.Expression, hops = 0): ts.Expression | undefined {
    const expression = skipOuter(node);
    if (hops > MAX_TAG_LIST_HOPS) return undefined;
    if (ts.isIdentifier(expression)) {
      const declaration = this.index.declarationOf(expression);
      const constant = declaration && ts.isVariableDeclaration(declaration) && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const ? declaration.initializer : undefined;
      return constant ? this.listedTagsParameter(constant, hops + 1) : undefined;
    }
    if (ts.isConditionalExpression(expression)) {
      const other = [expression.whenTrue, expression.whenFalse].map(skipOuter);
      const absent = other.findIndex((branch) => ts.isIdentifier(branch) && branch.text === 'undefined');
      return absent < 0 ? undefined : this.listedTagsParameter(other[1 - absent], hops + 1);
    }
    // `Object.entries(tags).map(…)` / `Object.keys(tags).map(…)`
    if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression) || expression.expression.name.text !== 'map') return undefined;
    const listed = skipOuter(expression.expression.expression);
    if (!ts.isCallExpression(listed) || !ts.isPropertyAccessExpression(listed.expression) || listed.arguments.length !== 1) return undefined;
    const { expression: owner, name } = listed.expression;
    if (!ts.isIdentifier(owner) || owner.text !== 'Object' || (name.text !== 'entries' && name.text !== 'keys')) return undefined;
    return this.isParameter(listed.arguments[0]) ? listed.arguments[0] : undefined;
  }

  private isParameter(node: ts.Expression): boolean {
    const expression = skipOuter(node);
    if (!ts.isIdentifier(expression)) return false;
    const declaration = this.index.declarationOf(expression);
    return declaration !== undefined && ts.isParameter(declaration);
  }

  private hasObjectType(node: ts.Expression): boolean {
    const type = typeAt(this.resolver.checker, node);
    return type !== undefined && (type.flags & ts.TypeFlags.Object) !== 0 && type.getCallSignatures().length === 0;
  }
}

/** `{ labels, value }` or `{ labels, value, exemplarLabels }`: prom-client's exemplar form, where only `labels` is a sink. */
function isLabelsWrapper(literal: ts.ObjectLiteralExpression): boolean {
  const keys = literal.properties.map((p) => (p.name ? staticName(p.name) : undefined));
  return keys.includes('labels') && keys.every((key) => key === 'labels' || key === 'value' || key === 'exemplarLabels');
}

/** The tag name of a DogStatsD tag string: the literal text before ':'. */
function tagName(element: ts.Expression): string | undefined {
  let head: ts.Expression = skipOuter(element);
  while (ts.isBinaryExpression(head) && head.operatorToken.kind === ts.SyntaxKind.PlusToken) head = skipOuter(head.left);
  const text = ts.isStringLiteralLike(head) ? head.text : ts.isTemplateExpression(head) ? head.head.text : undefined;
  const colon = text?.indexOf(':') ?? -1;
  return text !== undefined && colon > 0 ? text.slice(0, colon) : undefined;
}
