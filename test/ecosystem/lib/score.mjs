/**
 * Scoring one entry: the findings of a scan against the entry's hand-made expectations.
 */

const UNSCORED_RULES = new Set(['suspicious-label-name']);

/**
 * Matches `findings` (the CLI's JSON findings, files relative to the snapshot) to `entry`. Each
 * expectation takes at most one finding on its file and line with its rule (and label, when both
 * name one).
 */
export function scoreEntry(entry, findings) {
  const read = new Set(entry.read);
  const negatives = new Set((entry.negatives ?? []).map((n) => `${n.file}:${n.line}`));
  const open = findings.filter((f) => !UNSCORED_RULES.has(f.ruleId));
  const found = [];
  const missed = [];
  for (const expected of entry.expected ?? []) {
    const index = open.findIndex((f) => matches(expected, f));
    if (index < 0) missed.push(expected);
    else found.push({ expected, finding: open.splice(index, 1)[0] });
  }
  const falsePositives = open.filter((f) => read.has(f.file) || negatives.has(`${f.file}:${f.start.line}`));
  const unjudged = open.filter((f) => !falsePositives.includes(f));
  const hints = findings.filter((f) => UNSCORED_RULES.has(f.ruleId));
  return { found, missed, falsePositives, unjudged, hints };
}

function matches(expected, finding) {
  if (finding.file !== expected.file || finding.start.line !== expected.line || finding.ruleId !== expected.rule) return false;
  return expected.label === undefined || finding.label === undefined || expected.label === finding.label;
}

/** Recall and precision over a set of scores; undefined where the denominator is zero. */
export function totals(scores) {
  const sum = (key) => scores.reduce((n, s) => n + s[key].length, 0);
  const found = sum('found');
  const missed = sum('missed');
  const falsePositives = sum('falsePositives');
  return {
    expected: found + missed,
    found,
    missed,
    falsePositives,
    unjudged: sum('unjudged'),
    recall: found + missed === 0 ? undefined : found / (found + missed),
    precision: found + falsePositives === 0 ? undefined : found / (found + falsePositives),
  };
}
