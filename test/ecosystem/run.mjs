#!/usr/bin/env node
/**
 * `npm run ecosystem`: scans every corpus entry's snapshot with the CLI and prints recall, precision,
 * every miss, every false positive and every finding nobody has judged yet. See README.md.
 *
 * Environment: CARDINAL_ECOSYSTEM_DIR (the snapshots; the run is skipped without it), CARDINAL_CLI
 * (the CLI to run, default server/bin/cardinal.js, which `npm run build` produces).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusRoot, readEntries, snapshotDir } from './lib/entries.mjs';
import { scoreEntry, totals } from './lib/score.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.resolve(process.env.CARDINAL_CLI ?? path.join(repoRoot, 'server', 'bin', 'cardinal.js'));
const { values } = parseArgs({ options: { only: { type: 'string', multiple: true }, language: { type: 'string' }, json: { type: 'boolean' } } });

const root = corpusRoot();
if (!root) {
  console.log('ecosystem: skipped (set CARDINAL_ECOSYSTEM_DIR to a folder of snapshots; see test/ecosystem/README.md)');
  process.exit(0);
}
const entries = readEntries().filter((e) => (!values.only || values.only.includes(e.id)) && (!values.language || e.language === values.language));
const results = [];
for (const entry of entries) {
  const dir = snapshotDir(root, entry);
  if (!existsSync(dir)) {
    console.log(`${entry.id}: no snapshot in ${dir} (run extract.mjs)`);
    continue;
  }
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, 'scan', ...entry.paths, '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) {
    console.log(`${entry.id}: the scan failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    results.push({ entry, seconds, failed: true, score: scoreEntry(entry, []) });
    continue;
  }
  const report = JSON.parse(run.stdout);
  results.push({ entry, seconds, files: report.summary.files, score: scoreEntry(entry, report.findings) });
}

if (values.json) {
  console.log(JSON.stringify(results.map(({ entry, seconds, files, score, failed }) => ({ id: entry.id, seconds, files, failed, ...summaryOf([score]) })), null, 2));
} else {
  printReport(results);
}

function summaryOf(scores) {
  const t = totals(scores);
  return { ...t, recall: t.recall, precision: t.precision };
}

function printReport(results) {
  const percent = (x) => (x === undefined ? '—' : x.toFixed(2));
  console.log('\n| entry | lang | kind | files | s | expected | found | missed | FP | unjudged |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { entry, seconds, files, score, failed } of results) {
    const t = totals([score]);
    console.log(`| ${entry.id}${failed ? ' (failed)' : ''} | ${entry.language} | ${entry.kind} | ${files ?? '—'} | ${seconds.toFixed(1)} | ${t.expected} | ${t.found} | ${t.missed} | ${t.falsePositives} | ${t.unjudged} |`);
  }
  for (const language of ['typescript', 'go']) {
    const scores = results.filter((r) => r.entry.language === language).map((r) => r.score);
    if (scores.length === 0) continue;
    const t = totals(scores);
    console.log(`\n${language}: ${scores.length} entries, recall ${percent(t.recall)} (${t.found}/${t.expected}), precision ${percent(t.precision)} (${t.falsePositives} false positives), ${t.unjudged} unjudged`);
  }
  for (const { entry, score } of results) {
    for (const m of score.missed) console.log(`  MISS ${entry.id} ${m.file}:${m.line} ${m.rule}${m.label ? ` "${m.label}"` : ''} — ${m.why}`);
    for (const f of score.falsePositives) console.log(`  FP   ${entry.id} ${f.file}:${f.start.line} ${f.ruleId} — ${f.message}`);
    for (const f of score.unjudged) console.log(`  ???  ${entry.id} ${f.file}:${f.start.line} ${f.ruleId} — ${f.message}`);
  }
}
