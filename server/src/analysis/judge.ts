/**
 * Turns a sink site and the facts traced for its value into a finding (or none): picks the rule,
 * the most telling source, the flow path and the fixes.
 */
import ts from 'typescript';
import { isRawPathKind } from './source-kinds';
import { isSuspiciousLabelName } from './label-names';
import type { CardinalConfig } from './config-types';
import type { Facts, Step, Taint } from '../typescript/facts';
import type { Finding, FlowStep, RuleId, Severity } from './finding';
import { routePatternFix, suppressionFix } from '../typescript/fixes';
import { dynamicNameMessage, labelPhrase, rawPathFlagMessage, suspiciousNameMessage, unboundedLabelMessage } from './messages';
import type { SinkSite } from '../typescript/sinks';

const LOWER: Readonly<Record<Severity, Severity>> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

/** The finding for `site`, or undefined when its value is fine or its rule is off. */
export function judge(site: SinkSite, facts: Facts | undefined, config: CardinalConfig): Finding | undefined {
  if (site.kind === 'raw-path-flag') {
    const label = site.label ?? 'path';
    const message = rawPathFlagMessage(site.what ?? site.node.getText(), label);
    return build(site, 'raw-path-label', config, message, undefined, [step(site.node, `\`${site.what}\``)], []);
  }
  if (!facts) return undefined;
  const raw = facts.taints.filter((t) => isRawPathKind(t.kind));
  const chosen = raw[0] ?? facts.taints[0];
  if (!chosen) {
    if (site.kind === 'label' && facts.unknown && site.label && isSuspiciousLabelName(site.label)) {
      return build(site, 'suspicious-label-name', config, suspiciousNameMessage(site.noun, site.label), undefined, [sinkStep(site)], []);
    }
    return undefined;
  }
  const path = [...taintPath(chosen), ...(site.via ?? []).map((s) => step(s.node, s.note)), sinkStep(site)];
  if (site.kind === 'metric-name') return build(site, 'dynamic-metric-name', config, dynamicNameMessage(chosen), chosen, path, []);
  const rule: RuleId = raw.length > 0 ? 'raw-path-label' : 'unbounded-label';
  const fix = rule === 'raw-path-label' ? routePatternFix(raw) : undefined;
  const message = unboundedLabelMessage(site.noun, site.label, chosen, fix?.kind === 'route-pattern');
  return build(site, rule, config, message, chosen, path, fix ? [fix] : []);
}

function build(
  site: SinkSite,
  rule: RuleId,
  config: CardinalConfig,
  message: string,
  taint: Taint | undefined,
  path: readonly FlowStep[],
  fixes: Finding['fixes'],
): Finding | undefined {
  const configured = config.rules[rule];
  if (configured === 'off') return undefined;
  // A weak sanitizer shrinks the set of values without bounding it: still reported, one step lower.
  const severity = taint?.weak ? LOWER[configured] : configured;
  const file = site.node.getSourceFile();
  const start = site.node.getStart();
  return {
    ruleId: rule,
    severity,
    message,
    file: file.fileName,
    start,
    end: site.node.getEnd(),
    label: site.label,
    metric: site.metric,
    source: taint && {
      file: taint.node.getSourceFile().fileName,
      start: taint.node.getStart(),
      end: taint.node.getEnd(),
      text: taint.text,
      description: taint.description,
    },
    path: dedupe(path),
    weakSanitizer: taint?.weak,
    fixes: [...fixes, suppressionFix(file, start, rule)],
  };
}

function taintPath(taint: Taint): FlowStep[] {
  return [step(taint.node, `${taint.description} \`${taint.text}\``), ...taint.steps.map((s: Step) => step(s.node, s.note))];
}

function sinkStep(site: SinkSite): FlowStep {
  const metric = site.metric ? ` of metric "${site.metric}"` : '';
  const what = site.kind === 'metric-name' ? 'used as the metric name' : `used as ${labelPhrase(site.noun, site.label)}${metric}`;
  return step(site.node, what);
}

function step(node: ts.Node, note: string): FlowStep {
  return { file: node.getSourceFile().fileName, start: node.getStart(), end: node.getEnd(), note };
}

/** Drops a step that repeats the span of the one before it (a value read and immediately used). */
function dedupe(path: readonly FlowStep[]): FlowStep[] {
  const result: FlowStep[] = [];
  for (const s of path) {
    const last = result[result.length - 1];
    if (last && last.file === s.file && last.start === s.start && last.end === s.end) {
      result[result.length - 1] = { ...last, note: `${last.note}, ${s.note}` };
      continue;
    }
    result.push(s);
  }
  return result;
}
