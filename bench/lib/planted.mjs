/**
 * Compares a scan's JSON report with the findings the generator planted: a fast wrong answer does not
 * count, so every benchmark run of the scan is checked.
 */
import { relative, resolve } from 'node:path';

/** `{ missing: string[], unexpected: string[] }`, each entry `file:line rule label`. */
export function compareWithPlanted(report, corpusDirectory, planted) {
  const key = (file, line, ruleId, label) => `${file}:${line} ${ruleId} ${label}`;
  const found = new Set(
    report.findings.map((finding) => key(relative(corpusDirectory, resolve(report.root, finding.file)), finding.start.line, finding.ruleId, finding.label)),
  );
  const expected = new Set(planted.map((finding) => key(finding.file, finding.line, finding.ruleId, finding.label)));
  return {
    missing: [...expected].filter((entry) => !found.has(entry)),
    unexpected: [...found].filter((entry) => !expected.has(entry)),
  };
}
