/**
 * StatsD stats as a series inventory lists them. A stat is not declared anywhere: each call that
 * writes one with a constant name (`statsd.increment('jobs.done', 1, ['queue:' + q])`, or a wrapper
 * of the program's own given that name) declares it, with the tags that call gives as its labels.
 * The client's prefix, when it is a constant, is part of the name. The client's global tags are the
 * same for every stat of a process; a global tag that is not is a finding where the client is made.
 */
import ts from 'typescript';
import type { InstrumentKind, MetricDeclaration } from '../analysis/finding';
import type { DerivedStat } from './derived-sinks';
import type { TsSinkSite } from './sinks';
import { spanOf } from './spans';
import { skipOuter } from './syntax';
import { typeAt } from './type-at';

/** The stat a StatsD call writes: the argument naming it, the client's prefix and the kind of stat. */
export interface StatCall {
  readonly arg: ts.Expression;
  readonly prefix?: string;
  readonly instrument: InstrumentKind;
}

/** A tag a stat write gives, as far as a declaration needs it: its name, and its value when that is a constant. */
interface WrittenTag {
  readonly label?: string;
  readonly value?: ts.Expression;
}

/** The stat's full name: the client's prefix and the stat. */
export function statName(call: Pick<StatCall, 'prefix'>, stat: string): string {
  return `${call.prefix ?? ''}${stat}`;
}

/**
 * The declaration one write of a stat makes, at its name. `unlisted` when some tags of the call are
 * not a literal list (or not all of them could be named): then its tags cannot be counted.
 */
export function statDeclaration(nameNode: ts.Node, name: string, instrument: InstrumentKind, tags: readonly WrittenTag[], unlisted: boolean): MetricDeclaration {
  const labels = [...new Set(tags.flatMap((tag) => (tag.label === undefined ? [] : [tag.label])))];
  // A tag without a name may be a constant bare tag (`'canary'`): one value, no dimension.
  const unnamed = tags.some((tag) => tag.label === undefined && !(tag.value && ts.isStringLiteralLike(skipOuter(tag.value))));
  return { ...spanOf(nameNode), metric: name, labels, instrument, statsd: true, ...(unlisted || unnamed ? { unlistedLabels: true } : {}) };
}

/**
 * Whether the argument right after the stat, when not a literal list, is the stat's value: always for
 * a timer, gauge, histogram or distribution; for a counter, whose value may be left out, unless it is
 * its only argument and typed as tags (`increment(stat, tags)`).
 */
export function isStatValue(arg: ts.Expression, instrument: InstrumentKind, argumentsAfterStat: number, checker: ts.TypeChecker): boolean {
  if (instrument !== 'counter' || argumentsAfterStat > 1) return true;
  const type = typeAt(checker, skipOuter(arg));
  return !type || !(type.flags & ts.TypeFlags.Object) || type.getCallSignatures().length > 0;
}

/**
 * Whether an argument after a stat's value may be its tags: anything but a number, a callback or
 * nothing (`increment(stat, 1, 0.5, tags, callback)`).
 */
export function mayBeTags(arg: ts.Expression, checker: ts.TypeChecker): boolean {
  const node = skipOuter(arg);
  if (ts.isNumericLiteral(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return false;
  const type = typeAt(checker, node);
  return !type || !(type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.Undefined | ts.TypeFlags.Null) || type.getCallSignatures().length > 0);
}

/**
 * The stats one call of a wrapper writes through the wrapper's parameters (`metrics.increment('jobs.done',
 * { queue })`): their names, the tags the call gives them, and the declarations they make there.
 */
export class StatsAtCall {
  private readonly tags = new Map<number, TsSinkSite[]>();
  private readonly unlistedParams = new Set<number>();

  constructor(
    private readonly call: ts.CallExpression,
    private readonly constantOf: (arg: ts.Expression) => string | undefined,
  ) {}

  /** The stat's full name, when the call names it with a constant. */
  nameOf(stat: DerivedStat): string | undefined {
    const arg = this.call.arguments[stat.param];
    const written = arg && !ts.isSpreadElement(arg) ? this.constantOf(arg) : undefined;
    return written === undefined ? undefined : statName(stat, written);
  }

  tagged(stat: DerivedStat, sites: readonly TsSinkSite[]): void {
    const known = this.tags.get(stat.param);
    if (known) known.push(...sites);
    else this.tags.set(stat.param, [...sites]);
  }

  /** The call gives the stat tags that are not a list Cardinal can read. */
  unlisted(stat: DerivedStat): void {
    this.unlistedParams.add(stat.param);
  }

  /** A site at each stat name the call gives as a constant, declaring the stat with the tags it was given. */
  declarations(stats: readonly DerivedStat[]): TsSinkSite[] {
    return stats.flatMap((stat) => {
      const name = this.nameOf(stat);
      const arg = this.call.arguments[stat.param];
      if (name === undefined || !arg) return [];
      const unlisted = stat.unlistedInside || this.unlistedParams.has(stat.param);
      const declares = statDeclaration(arg, name, stat.instrument, this.tags.get(stat.param) ?? [], unlisted);
      return [{ kind: 'metric-name', node: arg, value: arg, noun: 'tag', declares } as const];
    });
  }
}
