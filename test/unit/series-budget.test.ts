/**
 * The series budget's arithmetic, on hand-made label sites (no frontend): how writers of one label
 * join, how routes are counted in, what an estimate proves, and when the worst case is unknown.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LabelSite, LabelValues, MetricDeclaration } from '../../server/src/analysis';
import type * as BudgetModule from '../../server/src/analysis/series-budget';
import type * as KnownSetsModule from '../../server/src/analysis/known-sets';
import type * as SetsModule from '../../server/src/analysis/value-sets';
import { loadServerModule } from '../support/server-module';

const { metricBudgets, describeWorstCase } = loadServerModule<typeof BudgetModule>('analysis/series-budget');
const { KNOWN_SETS } = loadServerModule<typeof KnownSetsModule>('analysis/known-sets');
const { joinSets, listedSet, ROUTE_PATTERNS } = loadServerModule<typeof SetsModule>('analysis/value-sets');

const DECLARATION: MetricDeclaration = { file: '/p/metrics.ts', start: 0, end: 10, metric: 'm', labels: ['a', 'b'] };

function site(label: string, values: LabelValues, at = 100): LabelSite {
  return { file: '/p/app.ts', start: at, end: at + 1, label, metric: 'm', values };
}

const bounded = (set: SetsModule.ValueSet): LabelValues => ({ kind: 'bounded', why: 'test', set });

function worstCase(sites: readonly LabelSite[], routes?: SetsModule.RouteCount): string {
  return describeWorstCase(metricBudgets([DECLARATION], sites, () => routes)[0]);
}

describe('value sets', () => {
  test('listed members merge; a counted set reached twice counts once', () => {
    const joined = joinSets([listedSet(['GET', 'POST']), listedSet(['POST', 'PUT']), KNOWN_SETS['status-code'], KNOWN_SETS['status-code']]);
    assert.equal(joined.size, 3 + 63);
    assert.equal(joined.estimate, true);
    assert.equal(joined.members, undefined);
  });

  test('literals among the methods Node accepts are no new values', () => {
    const joined = joinSets([listedSet(['GET', 'POST']), KNOWN_SETS['http-method']]);
    assert.equal(joined.size, 35);
    assert.equal(joined.origin, "the methods Node's HTTP parser accepts (http.METHODS)");
  });

  test('a join joined again still counts each counted set once', () => {
    const fallback = joinSets([KNOWN_SETS['http-method'], listedSet(['UNKNOWN'])]);
    assert.equal(joinSets([fallback, KNOWN_SETS['http-method'], listedSet(['UNKNOWN', 'OTHER'])]).size, 35 + 2);
  });
});

describe('metric budgets', () => {
  test('the product of the labels, each joined over its writers', () => {
    const sites = [site('a', bounded(listedSet(['x', 'y']))), site('a', bounded(listedSet(['z'])), 200), site('b', bounded(KNOWN_SETS.boolean))];
    assert.equal(worstCase(sites), 'a (3) × b (2) = ≤ 6 series');
  });

  test('an estimate is marked, and what the bounded labels prove is kept apart', () => {
    const budget = metricBudgets([DECLARATION], [site('a', bounded(KNOWN_SETS['http-method'])), site('b', bounded(KNOWN_SETS['status-code']))])[0];
    assert.equal(describeWorstCase(budget), 'a (35) × b (≈ 63) = ≈ 2,205 series');
    assert.deepEqual(budget.worstCase, { kind: 'counted', series: 2205, samples: 2205, estimate: true, proven: 35 });
  });

  test('one unbounded writer makes the metric unbounded; one uncounted makes it unknown', () => {
    const unbounded: LabelValues = { kind: 'unbounded', source: { file: '/p/app.ts', start: 1, end: 2, text: 'req.path', description: 'the raw request path' } };
    assert.equal(worstCase([site('a', bounded(listedSet(['x']))), site('a', unbounded, 200), site('b', { kind: 'unknown' })]), 'a (unbounded) × b (?) = unbounded');
    assert.equal(worstCase([site('a', bounded(listedSet(['x']))), site('b', { kind: 'bounded', why: 'a number' })]), 'a (1) × b (?) = unknown');
    assert.equal(worstCase([site('a', bounded(listedSet(['x'])))]), 'a (1) × b (?) = unknown');
  });

  test('a route pattern counts the registered routes, one more for unmatched requests unless a fallback is there', () => {
    const routes = { registered: 12, dynamic: 0, files: 3 };
    const pattern = site('a', bounded(ROUTE_PATTERNS));
    const b = site('b', bounded(KNOWN_SETS.boolean));
    assert.equal(worstCase([pattern, b], routes), 'a (13) × b (2) = ≤ 26 series');
    const withFallback = site('a', bounded(joinSets([ROUTE_PATTERNS, listedSet(['unmatched'])])));
    assert.equal(worstCase([withFallback, b], routes), 'a (13) × b (2) = ≤ 26 series');
    assert.equal(worstCase([pattern, b], { registered: 12, dynamic: 1, files: 3 }), 'a (?) × b (2) = unknown');
    assert.equal(worstCase([pattern, b], { registered: 0, dynamic: 0, files: 0 }), 'a (?) × b (2) = unknown');
    assert.equal(worstCase([pattern, b], undefined), 'a (?) × b (2) = unknown');
  });

  test('a histogram multiplies by its samples per series', () => {
    const histogram: MetricDeclaration = { ...DECLARATION, labels: ['a'], instrument: 'histogram', samplesPerSeries: { count: 14, why: '12 buckets by default + _sum + _count' } };
    const [budget] = metricBudgets([histogram], [site('a', bounded(listedSet(['x', 'y', 'z'])))]);
    assert.equal(describeWorstCase(budget), 'a (3) = ≤ 3 series, ≤ 42 samples (12 buckets by default + _sum + _count)');
  });
});
