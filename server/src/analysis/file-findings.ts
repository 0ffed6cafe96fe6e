/**
 * The findings of one file, from the sink sites a frontend found in it and the facts it traced for
 * each: judged, filtered by the file's suppression directives, de-duplicated, and followed by the
 * directives that suppressed nothing. The same for every language.
 */
import type { CardinalConfig } from './config-types';
import type { Finding } from './finding';
import { judge } from './judge';
import type { SinkSite } from './sink-site';
import { Suppressions } from './suppression';
import { TextLines } from './text-lines';
import type { Facts } from './value-facts';

/** A sink site with the facts traced for its value (none for sites without a value, such as option flags). */
export interface JudgedSite {
  readonly site: SinkSite;
  readonly facts: Facts | undefined;
}

export interface FileFindingsOptions {
  /** Every site of the file was judged (no deadline or cancellation cut the analysis short). */
  readonly complete: boolean;
}

/** The findings of the file `fileName` with text `text`, in source order. */
export function findingsOfFile(fileName: string, text: string, judged: Iterable<JudgedSite>, config: CardinalConfig, options: FileFindingsOptions): Finding[] {
  const lines = new TextLines(text);
  const suppressions = new Suppressions(fileName, text);
  const findings: Finding[] = [];
  for (const { site, facts } of judged) {
    const finding = judge(site, facts, config, lines);
    if (!finding || suppressions.suppresses(site.anchors, finding.ruleId)) continue;
    if (!findings.some((other) => isSameFinding(other, finding))) findings.push(finding);
  }
  if (options.complete) findings.push(...suppressions.problems(config));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function isSameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.file === b.file && a.start === b.start && a.end === b.end && a.label === b.label && a.message === b.message;
}
