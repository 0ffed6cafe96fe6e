/**
 * The end-to-end suite's entry, as the editor's test runner expects it (the `@vscode/test-electron`
 * contract): the extension host loads this module and awaits `run()`; a rejection fails the run.
 * It runs here under code-server (scripts/e2e.mjs) and unchanged under `@vscode/test-electron`.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { screenshot } from './screenshot';

/** Runs every `*.test.js` beside this file, in name order, inside the extension host. */
export async function run(): Promise<void> {
  // CARDINAL_E2E_GREP runs only the tests whose titles match it, while working on one of them.
  const grep = process.env.CARDINAL_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, ...(grep ? { grep } : {}) });
  const testFiles = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of testFiles) mocha.addFile(path.join(__dirname, name));
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats as Mocha.Stats));
  });
  // The plain summary line CI logs recognise, whatever the runner.
  console.log(`${stats.passes} passed, ${stats.failures} failed`);
  // The workbench as the run leaves it, while the extension host (and so the diagnostics) is alive.
  await screenshot('editor');
  if (stats.failures > 0) throw new Error(`${stats.failures} end-to-end test(s) failed`);
}
