/**
 * The targets of issue 6, checked against the results of one run. Each check says what was measured,
 * against what, and whether it passed; stretch goals are reported and never fail the run.
 */

export function checkTargets(results) {
  const checks = [];
  const check = (name, passed, detail, stretch = false) => checks.push({ name, passed, detail, stretch });
  // A mismatch lists every finding; the table shows its start, results.json all of it.
  const brief = (text) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

  for (const row of results.scan) {
    check(`scan ≤ 0.25 × tsc 6 (${row.files} files)`, row.ratioTsc6 <= 0.25, `${row.ratioTsc6.toFixed(3)} × tsc 6`);
    check(`scan faster than tsc 7 (${row.files} files)`, row.ratioTsc7 < 1, `${row.ratioTsc7.toFixed(3)} × tsc 7`, true);
    check(`findings equal the planted ones (${row.files} files)`, row.correct, row.correct ? 'every run' : brief(row.mismatch));
  }
  const scaling = results.scaling;
  if (scaling) check(`scaling ${scaling.from} → ${scaling.to} files close to linear`, scaling.timePerFileGrowth <= 1.5, `time per file × ${scaling.timePerFileGrowth.toFixed(2)}`);
  for (const session of results.languageServer) {
    if (session.checkLatency) {
      check(`per-edit p95 ≤ 50 ms (${session.files} files)`, session.latency.p95 <= 50, `${session.latency.p95.toFixed(0)} ms`);
      check(`per-edit max ≤ 250 ms (${session.files} files)`, session.latency.max <= 250, `${session.latency.max.toFixed(0)} ms`);
    }
    if (session.checkMemory) {
      // The peak is the process's own high-water mark (the scan included); flatness compares the server
      // at rest before and after the edits.
      const peak = session.memory.afterEdits.peakRssMb;
      check(`server RSS ≤ 1.5 GB (${session.files} files)`, peak <= 1536, `${peak.toFixed(0)} MB`);
      check(`server RSS flat ±10 % across the edits (${session.files} files)`, Math.abs(session.rssGrowth) <= 0.1, `${(session.rssGrowth * 100).toFixed(1)} %`);
    }
    check(`language server scan finds the planted findings (${session.files} files)`, session.correct, session.correct ? 'yes' : brief(session.mismatch));
  }
  for (const row of results.go) {
    // The target is the typical service's; the worst case (every package parsed) is reported beside it.
    const corpus = row.everyPackageReachesMetric ? ', every package reaching a metric' : '';
    check(`Go scan ≥ 2,000 files/s (${row.files} files${corpus})`, row.filesPerSecond >= 2000, `${row.filesPerSecond.toFixed(0)} files/s`, row.everyPackageReachesMetric);
    check(`Go findings equal the planted ones (${row.files} files${corpus})`, row.correct, row.correct ? 'every run' : brief(row.mismatch));
  }
  const cold = results.coldStart;
  if (cold) {
    check('server cold start ≤ 0.8 s to the first squiggle (small workspace)', cold.totalMs.median <= 800 && cold.findings > 0, `${(cold.totalMs.median / 1000).toFixed(2)} s, ${cold.findings} findings`);
  }
  const editor = results.editorColdStart;
  if (editor) {
    const median = editor.openToSquiggleMs?.median;
    check('editor cold start ≤ 1.5 s from opening a file to its squiggle', median !== undefined && median <= 1500, median === undefined ? `not measured: ${editor.unavailable}` : `${(median / 1000).toFixed(2)} s`);
  }
  return checks;
}
