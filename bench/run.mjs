#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --runs N]`: the benchmarks of issue 6. Generates the corpora, then
 * measures the CLI scan against `tsc --noEmit` (TypeScript 6, the server's compiler, and the native
 * TypeScript 7) in alternating runs, the language server's scan, per-edit latency and memory, the
 * Go scan, and the cold start of the server and of the editor on a small workspace. Prints the tables, writes bench/results.json, and exits 1 when a target is missed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate/index.mjs';
import { TYPESCRIPT_EDITED_FILE } from './generate/typescript-corpus.mjs';
import { measureColdStart } from './lib/cold-start.mjs';
import { measureEditorColdStart } from './lib/editor-cold-start.mjs';
import { measureLanguageServer } from './lib/lsp-session.mjs';
import { compareWithPlanted } from './lib/planted.mjs';
import { runMeasured } from './lib/run-process.mjs';
import { percentile, summarize } from './lib/stats.mjs';
import { formatTable, spread } from './lib/tables.mjs';
import { checkTargets } from './lib/targets.mjs';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const CORPORA = join(REPOSITORY, 'bench/corpus');
const CARDINAL = join(REPOSITORY, 'server/bin/cardinal.js');
const TSC6 = join(REPOSITORY, 'node_modules/typescript/bin/tsc');
const TSC7 = join(REPOSITORY, 'node_modules/tsc7/bin/tsc');
const SEED = 1;

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' } } });
const plan = values.quick
  ? { sizes: [500, 2000], runs: 3, edits: 50, goFiles: 2000, memorySize: 2000 }
  : { sizes: [500, 2000, 10000], runs: 5, edits: 200, goFiles: 10000, memorySize: 10000 };
if (values.runs !== undefined) plan.runs = Number(values.runs);

const started = Date.now();
const results = { machine: machine(), plan, scan: [], scaling: undefined, languageServer: [], go: [] };

for (const files of plan.sizes) {
  const corpus = generateCorpus({ language: 'ts', files, seed: SEED, out: join(CORPORA, `ts-${files}`) });
  progress(`TypeScript corpus of ${files} files: ${corpus.planted.length} planted findings`);
  results.scan.push(await measureScans(corpus));
}
results.scaling = scalingOf(results.scan);

for (const files of new Set([2000, plan.memorySize])) {
  const directory = join(CORPORA, `ts-${files}`);
  const planted = JSON.parse(readFileSync(join(directory, 'planted.json'), 'utf8'));
  progress(`language server on ${files} files: scan, then ${plan.edits} edits of ${TYPESCRIPT_EDITED_FILE}`);
  const session = await measureLanguageServer({ corpusDirectory: directory, editedFile: TYPESCRIPT_EDITED_FILE, edits: plan.edits, seed: SEED });
  results.languageServer.push(summarizeSession(files, session, planted, { checkLatency: files === 2000, checkMemory: files === plan.memorySize }));
}

// A typical service (a few packages reach a metric), then its worst case: every package reaches one.
for (const instrumentedPlatform of [false, true]) {
  const out = join(CORPORA, `go-${plan.goFiles}${instrumentedPlatform ? '-instrumented' : ''}`);
  const go = generateCorpus({ language: 'go', files: plan.goFiles, seed: SEED, out, instrumentedPlatform });
  progress(`Go corpus of ${go.files} files${instrumentedPlatform ? ', every package reaching a metric' : ''}: ${go.planted.length} planted findings`);
  results.go.push({ ...(await measureGoScan(go)), everyPackageReachesMetric: instrumentedPlatform });
}

// The demo's incident service: four files, one finding, no node_modules (a fresh clone's view).
progress('language server cold start on demo/incident');
results.coldStart = await measureColdStart({ workspace: join(REPOSITORY, 'demo/incident'), file: 'src/middleware/request-metrics.ts', runs: plan.runs });
progress('editor cold start in code-server (test/e2e/workspace)');
results.editorColdStart = await measureEditorColdStart({ repository: REPOSITORY, runs: plan.runs });

results.checks = checkTargets(results);
results.durationSeconds = (Date.now() - started) / 1000;
writeFileSync(join(REPOSITORY, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
const missed = results.checks.filter((check) => !check.passed && !check.stretch);
process.exitCode = missed.length > 0 ? 1 : 0;

/** Measurements 1 and 2: the scan, tsc 6 and tsc 7 on one corpus, in rotating order, `plan.runs` times. */
async function measureScans(corpus) {
  const output = join(tmpdir(), `cardinal-bench-${process.pid}.json`);
  const tools = {
    scan: () => runMeasured(process.execPath, [CARDINAL, 'scan', corpus.directory, '--format', 'json', '--output', output]),
    tsc6: () => runMeasured(process.execPath, [TSC6, '--noEmit', '-p', corpus.directory]),
    tsc7: () => runMeasured(process.execPath, [TSC7, '--noEmit', '-p', corpus.directory]),
  };
  const order = Object.keys(tools);
  const samples = { scan: [], tsc6: [], tsc7: [] };
  const mismatches = [];
  for (let run = 0; run < plan.runs; run++) {
    for (let i = 0; i < order.length; i++) {
      const tool = order[(run + i) % order.length];
      const result = await tools[tool]();
      if (tool === 'scan') {
        // Exit 1 means errors were found, which the corpus plants; 2 is a failure.
        if (result.exitCode === 2) throw new Error(`cardinal scan failed:\n${result.stderr}`);
        const { missing, unexpected } = compareWithPlanted(JSON.parse(readFileSync(output, 'utf8')), corpus.directory, corpus.planted);
        if (missing.length + unexpected.length > 0) mismatches.push(`run ${run + 1}: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(unexpected)}`);
      } else if (result.exitCode !== 0) {
        throw new Error(`${tool} reported errors on the corpus (it must compile cleanly):\n${result.stdout.slice(0, 2000)}`);
      }
      samples[tool].push(result);
      progress(`  ${corpus.files} files, run ${run + 1}/${plan.runs}: ${tool} ${(result.wallMs / 1000).toFixed(2)} s, ${result.peakRssMb.toFixed(0)} MB`);
    }
  }
  rmSync(output, { force: true });
  const wall = (tool) => summarize(samples[tool].map((sample) => sample.wallMs));
  const rss = (tool) => summarize(samples[tool].map((sample) => sample.peakRssMb));
  // Ratios run by run: the machine is noisy, and a run's tools share its conditions.
  const ratio = (baseline) => summarize(samples.scan.map((sample, run) => sample.wallMs / samples[baseline][run].wallMs)).median;
  return {
    files: corpus.files,
    planted: corpus.planted.length,
    scanMs: wall('scan'),
    scanRssMb: rss('scan'),
    filesPerSecond: corpus.files / (wall('scan').median / 1000),
    tsc6Ms: wall('tsc6'),
    tsc6RssMb: rss('tsc6'),
    tsc7Ms: wall('tsc7'),
    tsc7RssMb: rss('tsc7'),
    ratioTsc6: ratio('tsc6'),
    ratioTsc7: ratio('tsc7'),
    correct: mismatches.length === 0,
    mismatch: mismatches.join('; '),
  };
}

/** Measurement 3: time per file at the largest size against 2,000 files (1.0 is perfectly linear). */
function scalingOf(rows) {
  const from = rows.find((row) => row.files === 2000);
  const to = rows.at(-1);
  if (!from || !to || to === from) return undefined;
  return {
    from: from.files,
    to: to.files,
    timePerFileGrowth: to.scanMs.median / to.files / (from.scanMs.median / from.files),
    memoryGrowth: to.scanRssMb.median / from.scanRssMb.median,
  };
}

function summarizeSession(files, session, planted, checks) {
  const sorted = [...session.latenciesMs].sort((a, b) => a - b);
  const latency = { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1), edits: sorted.length };
  const byRule = {};
  for (const finding of planted) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  const correct = session.scan.findings === planted.length && JSON.stringify(sortKeys(session.scan.byRule)) === JSON.stringify(sortKeys(byRule));
  return {
    files,
    ...checks,
    scanMs: session.scanMs,
    scan: session.scan,
    latency,
    memory: session.memory,
    rssGrowth: session.memory.afterEdits.rssMb / session.memory.afterOpen.rssMb - 1,
    correct,
    mismatch: correct ? '' : `scan reported ${JSON.stringify(session.scan.byRule)}, planted ${JSON.stringify(byRule)}`,
  };
}

/** Measurement 6: the Go scan, `plan.runs` times. */
async function measureGoScan(corpus) {
  const output = join(tmpdir(), `cardinal-bench-go-${process.pid}.json`);
  const samples = [];
  const mismatches = [];
  for (let run = 0; run < plan.runs; run++) {
    const result = await runMeasured(process.execPath, [CARDINAL, 'scan', corpus.directory, '--format', 'json', '--output', output]);
    if (result.exitCode === 2) throw new Error(`cardinal scan failed on Go:\n${result.stderr}`);
    const { missing, unexpected } = compareWithPlanted(JSON.parse(readFileSync(output, 'utf8')), corpus.directory, corpus.planted);
    if (missing.length + unexpected.length > 0) mismatches.push(`run ${run + 1}: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(unexpected)}`);
    samples.push(result);
    progress(`  Go ${corpus.files} files, run ${run + 1}/${plan.runs}: ${(result.wallMs / 1000).toFixed(2)} s`);
  }
  rmSync(output, { force: true });
  const wall = summarize(samples.map((sample) => sample.wallMs));
  return {
    files: corpus.files,
    planted: corpus.planted.length,
    scanMs: wall,
    scanRssMb: summarize(samples.map((sample) => sample.peakRssMb)),
    filesPerSecond: corpus.files / (wall.median / 1000),
    correct: mismatches.length === 0,
    mismatch: mismatches.join('; '),
  };
}

function printReport(r) {
  const s = (ms) => spread({ median: ms.median / 1000, min: ms.min / 1000, max: ms.max / 1000 }, 2, ' s');
  const out = [
    `Cardinal benchmarks: ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GiB, Node ${r.machine.node}; median (min–max) of ${r.plan.runs} runs\n`,
    formatTable(
      '1–2. Cold workspace scan (CLI) against tsc --noEmit, same runs',
      ['files', 'scan', 'scan RSS', 'files/s', 'tsc 6', 'tsc 7', 'scan/tsc6', 'scan/tsc7', 'findings'],
      r.scan.map((row) => [
        row.files, s(row.scanMs), `${row.scanRssMb.median.toFixed(0)} MB`, row.filesPerSecond.toFixed(0), s(row.tsc6Ms), s(row.tsc7Ms),
        row.ratioTsc6.toFixed(3), row.ratioTsc7.toFixed(3), row.correct ? `${row.planted} = planted` : 'WRONG',
      ]),
    ),
    formatTable('   Peak memory of the baselines', ['files', 'tsc 6 RSS', 'tsc 7 RSS'], r.scan.map((row) => [row.files, `${row.tsc6RssMb.median.toFixed(0)} MB`, `${row.tsc7RssMb.median.toFixed(0)} MB`])),
  ];
  if (r.scaling) {
    out.push(formatTable('3. Scaling of the scan', ['from', 'to', 'time per file ×', 'peak RSS ×'], [[r.scaling.from, r.scaling.to, r.scaling.timePerFileGrowth.toFixed(2), r.scaling.memoryGrowth.toFixed(2)]]));
  }
  out.push(
    formatTable(
      '4. Per-edit latency, didChange → publishDiagnostics of that version',
      ['files', 'edits', 'p50', 'p95', 'max'],
      r.languageServer.map((x) => [x.files, x.latency.edits, `${x.latency.p50.toFixed(0)} ms`, `${x.latency.p95.toFixed(0)} ms`, `${x.latency.max.toFixed(0)} ms`]),
    ),
    formatTable(
      '5. Language server: workspace scan, and memory once idle (after GC; "busy" is sampled right after the edits)',
      ['files', 'scan', 'findings', 'peak RSS', 'RSS after scan', 'RSS after open', 'RSS after edits', 'heap after open', 'heap after edits', 'busy RSS after edits'],
      r.languageServer.map((x) => [
        x.files, `${(x.scanMs / 1000).toFixed(2)} s`, x.correct ? `${x.scan.findings} = planted` : 'WRONG', `${x.memory.afterEdits.peakRssMb.toFixed(0)} MB`,
        `${x.memory.afterScan.rssMb.toFixed(0)} MB`, `${x.memory.afterOpen.rssMb.toFixed(0)} MB`, `${x.memory.afterEdits.rssMb.toFixed(0)} MB`,
        `${x.memory.afterOpen.heapUsedMb.toFixed(0)} MB`, `${x.memory.afterEdits.heapUsedMb.toFixed(0)} MB`, `${x.memory.afterEdits.busy.rssMb.toFixed(0)} MB`,
      ]),
    ),
    formatTable(
      '6. Go scan (CLI; packages that cannot reach a metric are skipped unparsed)',
      ['corpus', 'files', 'scan', 'files/s', 'peak RSS', 'findings'],
      r.go.map((row) => [row.everyPackageReachesMetric ? 'every package reaches a metric' : 'typical', row.files, s(row.scanMs), row.filesPerSecond.toFixed(0), `${row.scanRssMb.median.toFixed(0)} MB`, row.correct ? `${row.planted} = planted` : 'WRONG']),
    ),
    formatTable(
      '7. Language server cold start (a new process each run; the editor\'s own start-up not included)',
      ['workspace', 'spawn → first squiggle', 'didOpen → first squiggle', 'findings'],
      [[`${r.coldStart.workspace.split('/').slice(-2).join('/')}/${r.coldStart.file}`, s(r.coldStart.totalMs), s(r.coldStart.fromOpenMs), r.coldStart.findings]],
    ),
    formatTable(
      '8. Editor cold start in code-server (a new editor each run; test/e2e/workspace, src/middleware.ts)',
      ['open → first squiggle'],
      [[r.editorColdStart.unavailable ?? s(r.editorColdStart.openToSquiggleMs)]],
    ),
    formatTable('Targets', ['', 'target', 'measured'], r.checks.map((check) => [check.passed ? 'pass' : check.stretch ? 'stretch, not met' : 'MISSED', check.name, check.detail])),
    `Finished in ${(r.durationSeconds / 60).toFixed(1)} min; results in bench/results.json.`,
  );
  console.log(out.join('\n'));
  for (const check of r.checks.filter((c) => !c.passed && !c.stretch)) console.error(`target missed: ${check.name}: ${check.detail}`);
}

function machine() {
  const cores = cpus();
  return { cpus: cores.length, cpuModel: cores[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.versions.node };
}

function sortKeys(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function progress(message) {
  process.stderr.write(`${message}\n`);
}
