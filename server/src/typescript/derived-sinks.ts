/**
 * The program's own functions that are sinks: a function whose parameter goes straight into a label
 * (`recordHit(route)` → `hits.labels(route)`), or whose parameter is the labels or tags object a metric
 * takes (`metrics.increment(stat, tags)` → `statsd.increment(stat, 1, tags)`), or a wrapper a factory
 * returns (`{ increment: (labels, v) => metric.labels(labels).inc(v) }`). Its callers' arguments are
 * judged where they are written, with the label names of the metric inside, as a configured sink's
 * are; the label inside the function is then judged at those calls, not again inside it.
 */
import ts from 'typescript';
import type { LabelNoun } from '../analysis/sink-site';
import type { ProgramIndex } from './program-index';
import { isOverridableMethod } from './methods';
import type { TsSinkSite } from './sinks';
import type { StatCall } from './stat-writes';
import { asFunction, skipOuter } from './syntax';

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

/** One parameter of a function that reaches a sink unchanged. */
export interface DerivedSink {
  readonly param: number;
  /** As `TsSinkSite.holds`; `value` when the parameter is one label's value. */
  readonly holds: NonNullable<TsSinkSite['holds']> | 'value';
  readonly label?: string;
  readonly noun: LabelNoun;
  readonly metric?: string;
  readonly labelNames?: readonly (string | undefined)[];
  /** The label inside the function, shown in the flow. */
  readonly inner: ts.Node;
  /** The function's name as its callers write it, for the flow. */
  readonly name: string;
  /** A StatsD tag whose stat is named by a parameter too: the stat's parameter, prefix and kind. */
  readonly stat?: DerivedStat;
}

/** A parameter of a function that names the StatsD stat a call inside writes (`increment(key, tags)`). */
export interface DerivedStat extends Omit<StatCall, 'arg'> {
  readonly param: number;
  /** The call inside gives tags of its own that are not constants: its callers cannot list them. */
  readonly unlistedInside: boolean;
}

interface DerivedOf {
  readonly sinks: readonly DerivedSink[];
  readonly stats: readonly DerivedStat[];
}

const MAX_ALIAS_HOPS = 6;

const NOTHING_DERIVED: DerivedOf = { sinks: [], stats: [] };

export class DerivedSinks {
  private readonly memo = new Map<ts.Node, DerivedOf>();

  constructor(
    private readonly index: ProgramIndex,
    /** The sink sites inside a function's body (its nested functions included). */
    private readonly sitesIn: (fn: FunctionNode) => readonly TsSinkSite[],
  ) {}

  /** The parameters of `fn` that reach a sink unchanged. */
  of(fn: FunctionNode): readonly DerivedSink[] {
    return this.derive(fn).sinks;
  }

  /** The parameters of `fn` that name a StatsD stat a call inside writes. */
  statsOf(fn: FunctionNode): readonly DerivedStat[] {
    return this.derive(fn).stats;
  }

  private derive(fn: FunctionNode): DerivedOf {
    const known = this.memo.get(fn);
    if (known) return known;
    this.memo.set(fn, NOTHING_DERIVED); // a recursive wrapper adds nothing to itself
    const sites = this.sitesIn(fn);
    const derived: DerivedSink[] = [];
    const stats: DerivedStat[] = [];
    for (const site of sites) {
      // Metric names stay where the metric is made: a factory's `name` parameter is judged there. A
      // stat's name given by a parameter is written by each caller, which declares the stat.
      if (site.kind === 'metric-name' && site.stat) {
        const stat = this.statOf(fn, site.stat, sites);
        if (stat) stats.push(stat);
      }
      if (site.kind !== 'label') continue;
      const param = site.value && this.passedThrough(site.value);
      if (!param || param.parent !== fn) continue;
      const stat = site.stat && this.statOf(fn, site.stat, sites);
      derived.push({
        param: fn.parameters.indexOf(param),
        holds: site.holds ?? 'value',
        label: site.label,
        noun: site.noun,
        metric: site.metric,
        labelNames: site.labelNames,
        inner: site.node,
        name: nameOf(fn),
        ...(stat ? { stat } : {}),
      });
    }
    const result = { sinks: derived, stats };
    this.memo.set(fn, result);
    return result;
  }

  /** The stat a parameter of `fn` names, when it names the one `call` writes. */
  private statOf(fn: FunctionNode, call: StatCall, sites: readonly TsSinkSite[]): DerivedStat | undefined {
    const param = this.passedThrough(call.arg);
    if (!param || param.parent !== fn) return undefined;
    const inside = sites.filter((site) => site.stat === call && site.kind === 'label' && !this.passedThrough(site.value!));
    const unlistedInside = inside.some((site) => !site.value || !ts.isStringLiteralLike(skipOuter(site.value)));
    return { param: fn.parameters.indexOf(param), prefix: call.prefix, instrument: call.instrument, unlistedInside };
  }

  /**
   * The files of the calls that judge a site inside a function instead of the site itself: its value
   * is a parameter passed through, and the program calls the function (an exported function nobody
   * calls is judged where it is, as far as it can be). Undefined when the site is judged where it is.
   */
  judgedAtCallers(site: TsSinkSite): readonly string[] | undefined {
    const param = site.value && this.passedThrough(site.value);
    if (!param) return undefined;
    const fn = param.parent;
    if (!this.of(fn).some((derived) => derived.inner === site.node)) return undefined;
    const calls = this.index.callSitesOf(fn);
    return calls.length > 0 ? [...new Set(calls.map((call) => call.getSourceFile().fileName))] : undefined;
  }

  /**
   * Whether the callers that judge a site (see `judgedAtCallers`) may not be all of them: the site is
   * in a method, which can also be called through an interface or a base class.
   */
  mayMissCallers(site: TsSinkSite): boolean {
    const param = site.value && this.passedThrough(site.value);
    return param !== undefined && isOverridableMethod(param.parent);
  }

  /** The parameter a value is, unchanged: itself, or a constant initialised with it. */
  private passedThrough(value: ts.Expression): ts.ParameterDeclaration | undefined {
    let node = skipOuter(value);
    for (let hops = 0; hops < MAX_ALIAS_HOPS && ts.isIdentifier(node); hops++) {
      const declaration = this.index.declarationOf(node);
      if (!declaration) return undefined;
      if (ts.isParameter(declaration)) {
        const reassigned = this.index.assignmentsTo(declaration).length > 0;
        return ts.isIdentifier(declaration.name) && !declaration.dotDotDotToken && !reassigned && asFunction(declaration.parent) ? declaration : undefined;
      }
      if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
      node = skipOuter(declaration.initializer);
    }
    return undefined;
  }
}

function nameOf(fn: FunctionNode): string {
  if (fn.name) return fn.name.getText();
  const parent = fn.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText();
  return 'the function';
}
