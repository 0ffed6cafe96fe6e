/**
 * Metric vectors of client_golang: where each is constructed (`prometheus.NewHistogramVec`,
 * `promauto.NewCounterVec`, `promauto.With(reg).NewGaugeVec`), its name and its label names, found
 * from the receiver of a `WithLabelValues`-style call: a variable (local, or package-level in any file
 * of the package), a struct field, or a curried vector.
 */
import { GO_CATALOGS, type InstrumentConstructorRule, type VectorConstructorRule } from './catalog';
import type { ChainResolver } from './chains';
import { callArguments, keyedElements, literalElements, type FlowTracer } from './flow';
import type { GoPackage } from './package-index';
import type { GoProgram } from './program';
import type { Scopes } from './scopes';
import type { LabelDeclaration, LabelSite, MetricDeclaration } from '../analysis/finding';
import { samplesPerSeries } from '../analysis/series-budget';
import { spanOf } from './spans';
import { descendants, fieldOf, namedChildren, stringLiteralValue, textOf, unwrapParentheses, type GoFileSyntax, type GoNode } from './syntax';

export interface MetricVector {
  /** The constructor call. */
  readonly call: GoNode;
  /** Label names in order; an entry is undefined when it is not a literal. Undefined when unknown. */
  readonly labelNames: readonly (string | undefined)[] | undefined;
  /** `Namespace_Subsystem_Name` when literal. */
  readonly metric: string | undefined;
  /** Whether its recordings may move within a request (see `VectorConstructorRule.recordsAnyTime`). */
  readonly recordsAnyTime: boolean;
}

const MAX_HOPS = 16;

/** Calls that take a vector without labelling it, by the callee's last name, from every catalog. */
const VECTOR_READERS = new Set(GO_CATALOGS.flatMap((catalog) => catalog.vectorReaders ?? []));

const INSTRUMENT_CATALOGS = GO_CATALOGS.filter((catalog) => catalog.instrumentConstructors);

export class VectorIndex {
  private readonly byField = new Map<string, GoNode[]>();
  private readonly instrumentsByField = new Map<string, GoNode[]>();
  private readonly instrumentRules: readonly InstrumentConstructorRule[];

  constructor(
    private readonly pkg: GoPackage,
    private readonly scopes: Scopes,
    private readonly chains: ChainResolver,
    private readonly tracer: FlowTracer,
    private readonly program: GoProgram,
  ) {
    this.instrumentRules = INSTRUMENT_CATALOGS.filter((catalog) => pkg.imports(catalog)).flatMap((catalog) => catalog.instrumentConstructors ?? []);
    for (const file of pkg.files) {
      for (const node of descendants(file.root)) {
        if (node.type !== 'call_expression') continue;
        const byField = this.constructorRule(node) ? this.byField : this.instrumentRule(node) ? this.instrumentsByField : undefined;
        const holder = byField && fieldHolding(node);
        if (byField && holder) push(byField, holder, node);
      }
    }
  }

  /** The client_golang constructor rule `call` matches, if it is a metric constructor. */
  constructorRule(call: GoNode): VectorConstructorRule | undefined {
    const callee = fieldOf(call, 'function');
    if (callee?.type !== 'selector_expression') return undefined;
    const name = textOf(fieldOf(callee, 'field') as GoNode);
    const operand = unwrapParentheses(fieldOf(callee, 'operand') as GoNode);
    if (operand.type === 'identifier' && this.pkg.isImportAlias(call.file, textOf(operand))) {
      const catalog = this.pkg.catalogForAlias(call.file, textOf(operand));
      return catalog?.vectorConstructors?.find((rule) => rule.function === name && rule.onType === undefined);
    }
    const match = this.chains.match(operand);
    if (match?.kind !== 'typed') return undefined;
    const type = match.frames[match.frames.length - 1].type;
    const catalog = GO_CATALOGS.find((c) => c.id === type.package);
    return catalog?.vectorConstructors?.find((rule) => rule.function === name && rule.onType === type.name);
  }

  /** The OpenTelemetry instrument constructor `call` is (`meter.Int64Counter("name")`), when the package imports OpenTelemetry. */
  instrumentRule(call: GoNode): InstrumentConstructorRule | undefined {
    if (this.instrumentRules.length === 0) return undefined;
    const callee = fieldOf(call, 'function');
    if (callee?.type !== 'selector_expression') return undefined;
    const name = textOf(fieldOf(callee, 'field') as GoNode);
    return this.instrumentRules.find((rule) => rule.method === name);
  }

  /** The constant name of the OpenTelemetry instrument an expression holds (a variable or a field given one). */
  instrumentName(expression: GoNode, hops = 0): string | undefined {
    const node = unwrapParentheses(expression);
    if (hops > MAX_HOPS) return undefined;
    if (node.type === 'call_expression') {
      const rule = this.instrumentRule(node);
      const name = rule && callArguments(node)[rule.nameArgument];
      return name && this.constantString(name);
    }
    const field = node.type === 'selector_expression' ? textOf(fieldOf(node, 'field') as GoNode) : undefined;
    if (field !== undefined) {
      const candidates = this.instrumentsByField.get(field) ?? [];
      return candidates.length === 1 ? this.instrumentName(candidates[0], hops + 1) : undefined;
    }
    if (node.type !== 'identifier') return undefined;
    const binding = this.scopes.resolve(node);
    if (!binding) return undefined;
    for (const definition of this.scopes.definitionsOf(binding)) {
      const name = definition.value && !definition.range && (definition.resultIndex ?? 0) === 0 ? this.instrumentName(definition.value, hops + 1) : undefined;
      if (name !== undefined) return name;
    }
    return undefined;
  }

  /** The label names the vectors constructed in `file` declare (`[]string{"route"}`), with their spans. */
  labelDeclarations(file: GoFileSyntax): LabelDeclaration[] {
    const declarations: LabelDeclaration[] = [];
    for (const call of descendants(file.root)) {
      const rule = call.type === 'call_expression' ? this.constructorRule(call) : undefined;
      if (!rule || rule.labelNamesArgument === undefined) continue;
      const labels = callArguments(call)[rule.labelNamesArgument];
      const literal = labels && this.tracer.compositeLiteralOf(labels);
      if (!literal || literal.file !== file) continue;
      const { metric } = this.describe(call, rule);
      for (const element of literalElements(literal)) {
        const label = this.constantString(element);
        if (label !== undefined) declarations.push({ ...spanOf(element), label, metric });
      }
    }
    return declarations;
  }

  /**
   * The vectors `file` declares, at the options' `Name` value; a name that is not a constant is shown
   * by its parts (`{cfg.Namespace}_requests_total`).
   */
  metricDeclarations(file: GoFileSyntax): MetricDeclaration[] {
    const declarations: MetricDeclaration[] = [];
    for (const call of descendants(file.root)) {
      const rule = call.type === 'call_expression' ? this.constructorRule(call) : undefined;
      if (!rule) continue;
      const options = callArguments(call)[rule.optionsArgument];
      const literal = options && this.tracer.compositeLiteralOf(options);
      const nameNode = literal?.file === file ? keyedElements(literal).find((element) => element.key === 'Name')?.value : undefined;
      if (!nameNode || !literal) continue;
      const { metric, labelNames } = this.describe(call, rule);
      const labels = (labelNames ?? []).filter((label) => label !== undefined);
      const listed = rule.labelNamesArgument === undefined || (labelNames !== undefined && labels.length === labelNames.length);
      const name = metric === undefined ? { metric: this.shownName(literal), dynamicName: true } : { metric };
      declarations.push({ ...spanOf(nameNode), ...name, labels, ...(listed ? {} : { unlistedLabels: true }), ...instrumentOf(literal, rule) });
    }
    return [...declarations, ...this.instrumentDeclarations(file)];
  }

  /** A name built at run time, by its parts: each constant's value, each other part's expression in braces. */
  private shownName(options: GoNode): string {
    const fields = new Map(keyedElements(options).map((element) => [element.key, element.value]));
    return ['Namespace', 'Subsystem', 'Name']
      .flatMap((key) => {
        const value = fields.get(key);
        if (!value) return [];
        const constant = this.constantString(value);
        return constant === '' ? [] : [constant ?? `{${textOf(value)}}`];
      })
      .join('_');
  }

  /** The OpenTelemetry instruments `file` creates with a constant name; their attributes are declared nowhere. */
  private instrumentDeclarations(file: GoFileSyntax): MetricDeclaration[] {
    const declarations: MetricDeclaration[] = [];
    for (const call of descendants(file.root)) {
      const rule = call.type === 'call_expression' ? this.instrumentRule(call) : undefined;
      const nameNode = rule && callArguments(call)[rule.nameArgument];
      const metric = nameNode && this.constantString(nameNode);
      if (!rule || !nameNode || metric === undefined) continue;
      const explicit = callArguments(call).find((arg) => arg.type === 'call_expression' && textOf(fieldOf(arg, 'function') as GoNode).endsWith('WithExplicitBucketBoundaries'));
      const boundaries = explicit ? callArguments(explicit).length : rule.instrument.defaultBoundaries ?? 0;
      const samples = samplesPerSeries(rule.instrument.kind, boundaries, explicit !== undefined);
      declarations.push({ ...spanOf(nameNode), metric, labels: [], instrument: rule.instrument.kind, ...(samples ? { samplesPerSeries: samples } : {}) });
    }
    return declarations;
  }

  /**
   * The calls of the package that are handed a vector with a constant name (`promhttp.InstrumentHandlerCounter(cnt, h)`,
   * `newMiddleware(vec)`), but for the readers of the catalogs: each may write its labels out of sight,
   * so each is a write of every label whose values are unknown.
   */
  handOffs(): LabelSite[] {
    const holders = new Set<string>();
    for (const file of this.pkg.files) {
      for (const node of descendants(file.root)) if (node.type === 'call_expression' && this.constructorRule(node)) for (const name of holderNames(node)) holders.add(name);
    }
    if (holders.size === 0) return [];
    const handOffs: LabelSite[] = [];
    for (const file of this.pkg.files) {
      for (const call of descendants(file.root)) {
        if (call.type !== 'call_expression') continue;
        const callee = fieldOf(call, 'function') as GoNode;
        const name = callee.type === 'selector_expression' ? textOf(fieldOf(callee, 'field') as GoNode) : textOf(callee);
        if (VECTOR_READERS.has(name) || this.constructorRule(call)) continue;
        for (const argument of callArguments(call)) {
          const value = unwrapParentheses(argument.type === 'unary_expression' ? (fieldOf(argument, 'operand') as GoNode) : argument);
          const named = value.type === 'identifier' ? textOf(value) : value.type === 'selector_expression' ? textOf(fieldOf(value, 'field') as GoNode) : undefined;
          if (named === undefined || !holders.has(named)) continue;
          const vector = this.resolve(value);
          if (vector?.metric === undefined) continue;
          const why = `the metric is handed to \`${textOf(callee)}()\`, which may write it`;
          for (const label of vector.labelNames ?? []) if (label !== undefined) handOffs.push({ ...spanOf(call), label, metric: vector.metric, values: { kind: 'unknown', why } });
        }
      }
    }
    return handOffs;
  }

  /** The vector a receiver expression holds, with curried labels removed from its positions. */
  resolve(receiver: GoNode, hops = 0): MetricVector | undefined {
    const node = unwrapParentheses(receiver);
    if (hops > MAX_HOPS) return undefined;
    if (node.type === 'call_expression') {
      const rule = this.constructorRule(node);
      if (rule) return this.describe(node, rule);
      return this.resolveCurried(node, hops);
    }
    if (node.type === 'identifier') {
      const binding = this.scopes.resolve(node);
      if (!binding) return undefined;
      const { definitions } = this.scopes.reachingDefinitions(binding, node, () => false);
      const all = definitions.length > 0 ? definitions : this.scopes.definitionsOf(binding);
      for (const definition of all) {
        const vector = definition.value && !definition.range && (definition.resultIndex ?? 0) === 0 ? this.resolve(definition.value, hops + 1) : undefined;
        if (vector) return vector;
      }
      return this.byFieldName(textOf(node), hops);
    }
    if (node.type === 'selector_expression') {
      const operand = unwrapParentheses(fieldOf(node, 'operand') as GoNode);
      const name = textOf(fieldOf(node, 'field') as GoNode);
      if (operand.type === 'identifier' && this.pkg.isImportAlias(node.file, textOf(operand))) return this.importedVector(node, textOf(operand), name, hops);
      return this.byFieldName(name, hops) ?? this.importedField(node.file, name, hops);
    }
    return undefined;
  }

  /**
   * Whether the statement's expression records into a vector whose recordings may move within a
   * request (`hits.WithLabelValues(…).Inc()`): the first vector on the way from the outermost call decides.
   */
  recordsAnyTime(expression: GoNode): boolean {
    let node = unwrapParentheses(expression);
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      if (node.type === 'call_expression') {
        node = unwrapParentheses(fieldOf(node, 'function') as GoNode);
        continue;
      }
      if (node.type !== 'selector_expression') return false;
      const operand = unwrapParentheses(fieldOf(node, 'operand') as GoNode);
      const vector = this.resolve(operand);
      if (vector) return vector.recordsAnyTime;
      node = operand;
    }
    return false;
  }

  /** The vector a field holds when one struct field of that name, in this package, is given one. */
  byFieldName(name: string, hops: number): MetricVector | undefined {
    const candidates = this.byField.get(name) ?? [];
    if (candidates.length !== 1) return undefined;
    return this.resolve(candidates[0], hops + 1);
  }

  /** `metrics.RequestSeconds`: a package-level vector of another package of the project. */
  private importedVector(selector: GoNode, alias: string, name: string, hops: number): MetricVector | undefined {
    const other = this.program.imported(selector.file, alias);
    const declaration = other?.pkg.topLevelDeclaration(name);
    return declaration && other?.vectors.resolve(declaration.name, hops + 1);
  }

  /** `m.metrics.Requests` where the struct holding vectors is declared in an imported package of the project. */
  private importedField(file: GoFileSyntax, name: string, hops: number): MetricVector | undefined {
    for (const other of this.program.importedBy(file)) {
      const vector = other.vectors.byFieldName(name, hops);
      if (vector) return vector;
    }
    return undefined;
  }

  /** `vec.MustCurryWith(prometheus.Labels{"a": x})`: the same vector without label `a`. */
  private resolveCurried(call: GoNode, hops: number): MetricVector | undefined {
    const callee = fieldOf(call, 'function');
    if (callee?.type !== 'selector_expression') return undefined;
    const method = textOf(fieldOf(callee, 'field') as GoNode);
    const rule = GO_CATALOGS.flatMap((c) => c.vectorMethods ?? []).find((m) => m.method === method && m.curries);
    if (!rule) return undefined;
    const base = this.resolve(fieldOf(callee, 'operand') as GoNode, hops + 1);
    const labels = callArguments(call)[0];
    const literal = labels && this.tracer.compositeLiteralOf(labels);
    if (!base || !literal || !base.labelNames) return base;
    const curried = new Set(keyedElements(literal).map((element) => this.constantString(element.keyNode) ?? element.key));
    return { ...base, labelNames: base.labelNames.filter((name) => name === undefined || !curried.has(name)) };
  }

  private describe(call: GoNode, rule: VectorConstructorRule): MetricVector {
    const args = callArguments(call);
    const labelsArgument = rule.labelNamesArgument === undefined ? undefined : args[rule.labelNamesArgument];
    const labelsLiteral = labelsArgument && this.tracer.compositeLiteralOf(labelsArgument);
    const labelNames = labelsLiteral ? literalElements(labelsLiteral).map((element) => this.constantString(element)) : undefined;
    const options = args[rule.optionsArgument] && this.tracer.compositeLiteralOf(args[rule.optionsArgument]);
    return { call, labelNames, metric: options ? this.metricName(options) : undefined, recordsAnyTime: rule.recordsAnyTime };
  }

  /** `Namespace_Subsystem_Name` of an options literal, when all present parts are constant. */
  private metricName(options: GoNode): string | undefined {
    const fields = new Map(keyedElements(options).map((element) => [element.key, element.value]));
    const parts = ['Namespace', 'Subsystem', 'Name'].filter((key) => fields.has(key)).map((key) => this.constantString(fields.get(key) as GoNode));
    return parts.length > 0 && parts.every((part) => part !== undefined) ? parts.filter((part) => part !== '').join('_') : undefined;
  }

  /** The value of a string literal or of a constant declared with one. */
  constantString(expression: GoNode): string | undefined {
    const node = unwrapParentheses(expression);
    const literal = stringLiteralValue(node);
    if (literal !== undefined || node.type !== 'identifier') return literal;
    const binding = this.scopes.resolve(node);
    if (binding?.kind !== 'constant') return undefined;
    const value = this.scopes.definitionsOf(binding)[0]?.value;
    return value && stringLiteralValue(unwrapParentheses(value));
  }
}

/** The names a constructed vector is kept under: the variable or field it is assigned or keyed to. */
function holderNames(call: GoNode): string[] {
  const field = fieldHolding(call);
  if (field) return [field];
  const parent = call.parent;
  const statement = parent?.parent;
  if (parent?.type !== 'expression_list' || !statement) return [];
  const index = namedChildren(parent).indexOf(call);
  const left =
    statement.type === 'short_var_declaration' || statement.type === 'assignment_statement'
      ? namedChildren(fieldOf(statement, 'left') as GoNode)[index]
      : statement.type === 'var_spec'
        ? namedChildren(statement).filter((child) => child.type === 'identifier')[index]
        : undefined;
  return left?.type === 'identifier' ? [textOf(left)] : [];
}

/** The struct field a constructor's result is stored in: `reqs: promauto.NewCounterVec(…)` or `m.reqs = …`. */
function fieldHolding(call: GoNode): string | undefined {
  const parent = call.parent;
  if (parent?.type === 'literal_element' && parent.parent?.type === 'keyed_element' && parent.field === 'value') {
    const key = fieldOf(parent.parent, 'key');
    return key ? textOf(key) : undefined;
  }
  const statement = parent?.parent;
  if (parent?.type === 'expression_list' && statement?.type === 'assignment_statement') {
    const index = namedChildren(parent).indexOf(call);
    const target = namedChildren(fieldOf(statement, 'left') as GoNode)[index];
    if (target?.type === 'selector_expression') return textOf(fieldOf(target, 'field') as GoNode);
  }
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The instrument a constructor makes, with its samples per series from the options' buckets or quantiles (else the default). */
function instrumentOf(options: GoNode, rule: VectorConstructorRule): Pick<MetricDeclaration, 'instrument' | 'samplesPerSeries'> {
  const { kind, boundariesField, defaultBoundaries } = rule.instrument;
  const field = boundariesField === undefined ? undefined : keyedElements(options).find((element) => element.key === boundariesField)?.value;
  const listed = field && elementCount(field);
  if (field && listed === undefined) return { instrument: kind };
  const samples = samplesPerSeries(kind, listed ?? defaultBoundaries ?? 0, listed !== undefined);
  return { instrument: kind, ...(samples ? { samplesPerSeries: samples } : {}) };
}

/** How many elements a composite literal (`[]float64{…}`, `map[float64]float64{…}`) lists, or undefined for anything else. */
function elementCount(node: GoNode): number | undefined {
  if (node.type !== 'composite_literal') return undefined;
  const body = node.children.find((child) => child.type === 'literal_value');
  return body ? body.children.filter((child) => child.named && child.type !== 'comment').length : undefined;
}
