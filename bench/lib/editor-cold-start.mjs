/**
 * Measurement 8: the editor's cold start, as a user meets it. In a real VS Code (code-server and
 * headless Chromium, as the end-to-end suite runs it), from opening the first file of a workspace,
 * which activates the extension and starts the server, to Cardinal's first diagnostic in it. Each run
 * is a new code-server and a new browser profile. Where the editor cannot be installed, the result
 * says why instead of a figure.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { summarize } from './stats.mjs';

/** The suite's line with the figure (test/e2e/suite/activation.test.ts). */
const MEASURE = /cardinal-e2e:measure cold-start-ms (\d+)/;

export async function measureEditorColdStart({ repository, runs }) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const { code, output } = await runColdStartTest(repository);
    const figure = MEASURE.exec(output)?.[1];
    if (code !== 0 || figure === undefined) return { unavailable: `the end-to-end run exited with ${code}: ${output.trim().split('\n').slice(-3).join(' / ')}` };
    times.push(Number(figure));
  }
  return { openToSquiggleMs: summarize(times) };
}

function runColdStartTest(repository) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repository, 'scripts/e2e.mjs')], {
      cwd: repository,
      env: { ...process.env, CARDINAL_E2E_GREP: 'cold start' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}
