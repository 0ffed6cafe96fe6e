/**
 * The one judge: turns what a frontend knows about the value at a sink into a finding (or none). It
 * picks the rule, the most telling source, the severity (one lower after a weak sanitizer), the flow
 * path, the message and the fixes. Frontends only find sinks and trace values; the words and the
 * decisions are made here, once for every language.
 */
import { isSuspiciousLabelName } from './label-names';
import { isRawUrlAttribute, ROUTE_ATTRIBUTE } from './route-attributes';
import type { CardinalConfig } from './config-types';
import type { Finding, Fix, FlowStep, Severity } from './finding';
import { boundingFix, fileSuppressionFix, routePatternFix, suppressionFix } from './fixes';
import { moveRecordingFix } from './routing-fixes';
import type { RuleId } from './rules';
import { dynamicMetricName, dynamicNameMessage } from './rules/dynamic-metric-name';
import { rawPathLabel, rawPathMessage, rawPathOptionMessage } from './rules/raw-path-label';
import { routePatternTooEarly, tooEarlyMessage } from './rules/route-pattern-too-early';
import { suspiciousLabelName, suspiciousNameMessage } from './rules/suspicious-label-name';
import { unboundedLabel, unboundedMessage } from './rules/unbounded-label';
import type { SinkSite } from './sink-site';
import { isRawPathKind } from './source-kinds';
import { notes } from './step-notes';
import type { TextLines } from './text-lines';
import type { Facts, Taint } from './value-facts';

/** A weak sanitizer shrinks the set of values without bounding it: still reported, one step lower. */
const ONE_LOWER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/** The finding for `site` (in the file whose lines are `lines`), or undefined when its value is fine or its rule is off. */
export function judge(site: SinkSite, facts: Facts | undefined, config: CardinalConfig, lines: TextLines): Finding | undefined {
  const finding = (rule: RuleId, message: string, taint: Taint | undefined, path: FlowStep[], fixes: Finding['fixes'], own?: Severity | 'off'): Finding | undefined => {
    const configured = config.rules[rule] === 'off' ? 'off' : (own ?? config.rules[rule]);
    if (configured === 'off') return undefined;
    return {
      ruleId: rule,
      severity: taint?.weak ? ONE_LOWER[configured] : configured,
      message,
      ...site.span,
      label: site.label,
      metric: site.metric,
      source: taint && { ...taint.span, text: taint.text, description: taint.description },
      path: mergeRepeatedSpans(path),
      weakSanitizer: taint?.weak,
      fixes: [...fixes, suppressionFix(site.span.file, lines, site.span.start, rule), fileSuppressionFix(site.span.file, lines, rule)],
    };
  };

  if (site.kind === 'raw-path-flag') {
    const what = site.what ?? 'the option';
    return finding(rawPathLabel.id, rawPathOptionMessage(what, site.label ?? 'path'), undefined, [{ ...site.span, note: notes.option(what) }], []);
  }
  if (!facts) return undefined;
  // A method the configuration counts as bounded is no source at all.
  const taints = config.httpMethod === 'off' ? facts.taints.filter((t) => t.kind !== 'http-method') : facts.taints;
  const raw = taints.filter((t) => isRawPathKind(t.kind));
  const chosen = raw[0] ?? taints.find((t) => t.kind !== 'http-method') ?? taints[0];
  if (!chosen) {
    const early = facts.early?.[0];
    if (early && site.kind === 'label') {
      const path = [{ ...early.span, note: notes.earlyPattern(early.text) }, ...early.steps, ...(site.via ?? []), sinkStep(site)];
      const move = moveRecordingFix(facts.early!, site.span, lines);
      return finding(routePatternTooEarly.id, tooEarlyMessage(site.noun, site.label, early), undefined, path, move ? [move] : []);
    }
    if (site.kind === 'label' && facts.unknown && site.label !== undefined && isSuspiciousLabelName(site.label)) {
      return finding(suspiciousLabelName.id, suspiciousNameMessage(site.noun, site.label), undefined, [sinkStep(site)], []);
    }
    return undefined;
  }
  const path = [sourceStep(chosen), ...chosen.steps, ...(site.via ?? []), sinkStep(site)];
  if (site.kind === 'metric-name') return finding(dynamicMetricName.id, dynamicNameMessage(chosen), chosen, path, []);
  if (raw.length === 0) {
    const bounding = boundingFix(taints);
    const methodOnly = taints.every((t) => t.kind === 'http-method');
    return finding(unboundedLabel.id, unboundedMessage(site.noun, site.label, chosen), chosen, path, bounding ? [bounding] : [], methodOnly ? config.httpMethod : undefined);
  }
  const fix = withRouteAttributeKey(routePatternFix(raw, site.span, lines), site);
  return finding(rawPathLabel.id, rawPathMessage(site.noun, site.label, chosen, fix?.kind === 'route-pattern'), chosen, path, fix ? [fix] : []);
}

/**
 * A route template put under `url.path` (or another raw-URL attribute) moves to `http.route`; when
 * the attributes already have `http.route`, the raw attribute is dropped instead.
 */
function withRouteAttributeKey(fix: Fix | undefined, site: SinkSite): Fix | undefined {
  const key = site.key;
  if (fix?.kind !== 'route-pattern' || site.noun !== 'attribute' || !key || !isRawUrlAttribute(site.label)) return fix;
  if (key.siblings.includes(ROUTE_ATTRIBUTE)) {
    return { kind: 'route-pattern', title: `Remove the attribute ${site.label}: ${ROUTE_ATTRIBUTE} already holds the route`, preferred: fix.preferred, changes: [{ ...key.removal, newText: '' }] };
  }
  return {
    ...fix,
    title: `${fix.title}, under the key ${ROUTE_ATTRIBUTE}`,
    changes: [...fix.changes, { ...key.span, newText: `${key.quote}${ROUTE_ATTRIBUTE}${key.quote}` }],
  };
}

function sourceStep(taint: Taint): FlowStep {
  return { ...taint.span, note: notes.source(taint.description, taint.text) };
}

function sinkStep(site: SinkSite): FlowStep {
  return { ...site.span, note: site.kind === 'metric-name' ? notes.usedAsMetricName() : notes.usedAs(site.noun, site.label, site.metric) };
}

/** A step on the same span as the one before it (a value read and used at once) is said in one step. */
function mergeRepeatedSpans(path: readonly FlowStep[]): FlowStep[] {
  const result: FlowStep[] = [];
  for (const step of path) {
    const last = result[result.length - 1];
    if (last && last.file === step.file && last.start === step.start && last.end === step.end) {
      result[result.length - 1] = { ...last, note: `${last.note}, ${step.note}` };
      continue;
    }
    result.push(step);
  }
  return result;
}
