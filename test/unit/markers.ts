/**
 * Reads the inline expectations of a fixture (see test/fixtures/README.md) and compares them with
 * findings. Shared by the TypeScript and Go fixture runners.
 */
import type { Finding, TextChange, TextSpan } from '../../server/src/analysis';

export interface Expectation {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  /** 1-based line of the code the carets point at, for messages. */
  readonly line: number;
  readonly label?: string;
  readonly source?: string;
  readonly weak: boolean;
  readonly typedOnly: boolean;
  /** Everything after the `:`, as written. */
  readonly details: string;
}

/** The marker of a metric's worst case, at its declaration; not a finding. */
export const WORST_CASE = 'worst-case';

/** `// ^^^ rule: details` points up at the nearest code line above; `// vvv rule: details` down at the nearest one below. */
const MARKER = /^(\s*)\/\/(\s*)(\^+|v+)\s+([a-z-]+)(\s*\[typed-only\])?\s*(?::\s*(.*))?$/;

/** Finds every marker line in `text` and turns it into an expectation on the code line it points at. */
export function parseExpectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const isCode = (line: string) => line.trim() !== '' && !MARKER.test(line);
  const expectations: Expectation[] = [];
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return;
    const down = match[3].startsWith('v');
    let codeLine = index;
    do codeLine += down ? 1 : -1;
    while (codeLine >= 0 && codeLine < lines.length && !isCode(lines[codeLine]));
    if (codeLine < 0 || codeLine >= lines.length) throw new Error(`marker on line ${index + 1} has no code line ${down ? 'below' : 'above'} it`);
    const column = match[1].length + 2 + match[2].length;
    const details = match[6] ?? '';
    expectations.push({
      ruleId: match[4],
      start: lineStarts[codeLine] + column,
      end: lineStarts[codeLine] + column + match[3].length,
      line: codeLine + 1,
      label: /label "([^"]*)"/.exec(details)?.[1],
      source: /←\s*(.+?)\s*$/.exec(details)?.[1],
      weak: /\bweak\b/.test(details.replace(/←.*$/, '')),
      typedOnly: match[5] !== undefined,
      details: details.trim(),
    });
  });
  return expectations;
}

/** Human-readable differences between expected and actual findings of one file; empty when they agree. */
export function compareFindings(
  text: string,
  expectations: readonly Expectation[],
  findings: readonly Finding[],
  typed: boolean,
): string[] {
  const problems: string[] = [];
  const unmatched = [...findings];
  for (const expected of expectations) {
    if (expected.ruleId === WORST_CASE || (expected.typedOnly && !typed)) continue;
    const index = unmatched.findIndex((f) => matches(expected, f));
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const near = findings.filter((f) => f.start === expected.start && f.end === expected.end);
    problems.push(
      `line ${expected.line}: expected ${describeExpectation(expected)}` +
        (near.length ? `; at that span found ${near.map((f) => describeFinding(text, f)).join(', ')}` : ''),
    );
  }
  for (const finding of unmatched) {
    problems.push(`line ${lineOf(text, finding.start)}: unexpected ${describeFinding(text, finding)}`);
  }
  return problems;
}

/**
 * Differences between the `worst-case` markers of one file and the worst cases of the metrics it
 * declares; with `everyMetric`, a metric declared without a marker is one too.
 */
export function compareWorstCases(
  text: string,
  expectations: readonly Expectation[],
  worstCases: readonly (TextSpan & { text: string })[],
  typed: boolean,
  everyMetric: boolean,
): string[] {
  const problems: string[] = [];
  const unmatched = [...worstCases];
  for (const expected of expectations.filter((e) => e.ruleId === WORST_CASE)) {
    const index = unmatched.findIndex((w) => w.start === expected.start && w.end === expected.end);
    if (expected.typedOnly && !typed) {
      if (index >= 0) unmatched.splice(index, 1);
      continue;
    }
    if (index < 0) {
      problems.push(`line ${expected.line}: expected a metric declared here, worst case ${expected.details}`);
      continue;
    }
    const [actual] = unmatched.splice(index, 1);
    if (actual.text !== expected.details) problems.push(`line ${expected.line}: worst case ${actual.text}, expected ${expected.details}`);
  }
  if (everyMetric) for (const missed of unmatched) problems.push(`line ${lineOf(text, missed.start)}: metric \`${text.slice(missed.start, missed.end)}\` has no worst-case marker (${missed.text})`);
  return problems;
}

function matches(expected: Expectation, finding: Finding): boolean {
  return (
    finding.ruleId === expected.ruleId &&
    finding.start === expected.start &&
    finding.end === expected.end &&
    (expected.label === undefined || finding.label === expected.label) &&
    (expected.source === undefined || finding.source?.text === expected.source) &&
    expected.weak === (finding.weakSanitizer !== undefined)
  );
}

function describeExpectation(e: Expectation): string {
  const parts = [e.ruleId];
  if (e.label !== undefined) parts.push(`label "${e.label}"`);
  if (e.source !== undefined) parts.push(`← ${e.source}`);
  if (e.weak) parts.push('weak');
  return parts.join(' ');
}

function describeFinding(text: string, f: Finding): string {
  const parts = [`${f.ruleId} on \`${text.slice(f.start, f.end)}\``];
  if (f.label !== undefined) parts.push(`label "${f.label}"`);
  if (f.source) parts.push(`← ${f.source.text}`);
  if (f.weakSanitizer) parts.push('weak');
  return parts.join(' ');
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Applies non-overlapping changes to `text` (changes for other files are the caller's to filter). */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = [...changes].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const change of sorted) {
    if (change.end > lastStart) continue; // overlapping edits: keep the later one, as editors do
    result = result.slice(0, change.start) + change.newText + result.slice(change.end);
    lastStart = change.start;
  }
  return result;
}
