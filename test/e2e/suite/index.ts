/**
 * The end-to-end suite's entry, as the editor's test runner expects it (the `@vscode/test-electron`
 * contract): the extension host loads this module and awaits `run()`; a rejection fails the run.
 * It runs here under code-server (scripts/e2e.mjs) and unchanged under `@vscode/test-electron`.
 */
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { waitFor } from './wait-for';

/**
 * Set by scripts/e2e.mjs: the file its browser writes a screenshot of the workbench to when this
 * suite logs `cardinal-e2e:screenshot`. Unset under other runners, which take no screenshot.
 */
const SCREENSHOT_FILE = process.env.CARDINAL_E2E_SCREENSHOT;

/** Runs every `*.test.js` beside this file, in name order, inside the extension host. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
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
  if (SCREENSHOT_FILE !== undefined) await requestScreenshot(SCREENSHOT_FILE);
  if (stats.failures > 0) throw new Error(`${stats.failures} end-to-end test(s) failed`);
}

/**
 * Asks the runner for a screenshot while the extension host, and so Cardinal's diagnostics, are
 * still alive: they vanish from the workbench once `run()` returns.
 */
async function requestScreenshot(file: string): Promise<void> {
  console.log(`cardinal-e2e:screenshot ${file}`);
  await waitFor(`the screenshot ${file}`, () => (existsSync(file) ? true : undefined), 30_000);
}
