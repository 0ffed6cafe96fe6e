/**
 * `npm run test:e2e`: runs the end-to-end suite (test/e2e/suite) inside a real VS Code, the
 * code-server build, driven by headless chromium; see shared/E2E.md for the recipe and why.
 * Installs what it needs on first use (cached under .cache/e2e/), expects `tsc -b` and the bundles
 * to be built, and exits with the suite's exit code.
 *
 *   node scripts/e2e.mjs                  the extension from this folder (extensionDevelopmentPath)
 *   node scripts/e2e.mjs --vsix FILE      the extension installed from a packaged .vsix
 *
 * The workbench runs a test suite only for an extension under development, so an installed .vsix
 * is run as one from the folder it was installed to: exactly the files the package holds.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runSuiteInWorkbench } from './e2e/browser.mjs';
import { logTail, startCodeServer } from './e2e/code-server.mjs';
import { ensureTools } from './e2e/install-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(root, 'test', 'e2e', 'workspace');
const testsPath = path.join(root, 'test', 'out', 'e2e', 'suite', 'index.js');
const SUITE_TIMEOUT_MS = 5 * 60_000;

const { values: options } = parseArgs({ options: { vsix: { type: 'string' } } });
const vsix = options.vsix === undefined ? undefined : path.resolve(options.vsix);
// The packaged run keeps its pictures apart, so the run from the build's are still there to compare.
const artifactsDir = path.join(root, 'test', 'e2e', 'artifacts', ...(vsix === undefined ? [] : ['vsix']));
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

for (const required of [testsPath, vsix].filter((file) => file !== undefined)) {
  if (!existsSync(required)) {
    console.error(`e2e: ${path.relative(root, required)} is missing: build it first (npm run test:e2e does)`);
    process.exit(1);
  }
}
const tools = await ensureTools(path.join(root, '.cache', 'e2e'));
const stateDir = await mkdtemp(path.join(os.tmpdir(), 'cardinal-e2e-'));
let exitCode = 1;
let summary;
try {
  const serverStarted = Date.now();
  const codeServer = await startCodeServer({
    codeServer: tools.codeServer,
    nodeDir: tools.nodeDir,
    workspace,
    stateDir,
    vsixFiles: vsix === undefined ? [] : [vsix],
    // Where the suite's screenshots go: it asks for one per scenario, and a last one before the extension host shuts down.
    // And where the editor's logs are, for the test that reads an output channel's log.
    env: { CARDINAL_E2E_ARTIFACTS: artifactsDir, CARDINAL_E2E_LOGS: path.join(stateDir, 'user-data', 'logs') },
  });
  console.log(`e2e: code-server healthy at ${codeServer.origin} after ${seconds(serverStarted)}`);
  const extensionPath = vsix === undefined ? root : codeServer.installedExtensions[0];
  console.log(`e2e: extension from ${extensionPath}${vsix === undefined ? '' : `, installed from ${vsix}`}`);
  try {
    const suiteStarted = Date.now();
    ({ exitCode, summary } = await runSuiteInWorkbench({
      origin: codeServer.origin,
      workspace,
      extensionPath,
      testsPath,
      chromiumPath: tools.chromium,
      profileDir: path.join(stateDir, 'chromium-profile'),
      artifactsDir,
      timeoutMs: SUITE_TIMEOUT_MS,
      log: (line) => console.log(line),
    }));
    console.log(`e2e: suite exited with ${exitCode} after ${seconds(suiteStarted)}`);
    if (exitCode !== 0) console.log(`e2e: end of code-server's log:\n${logTail(codeServer.logFile)}`);
  } finally {
    await codeServer.stop();
  }
} finally {
  await rm(stateDir, { recursive: true, force: true });
  console.log(`e2e: wall time ${seconds(started)}`);
}
if (summary !== undefined) console.log(`e2e: ${summary}`);
process.exit(exitCode);
