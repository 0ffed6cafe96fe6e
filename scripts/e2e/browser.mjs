/**
 * Drives the code-server workbench in headless Debian chromium (playwright-core, never a downloaded
 * browser) and collects what the extension host's test run reports through the two hooks the
 * workbench calls in smoke-test-driver mode: `codeAutomationLog` and `codeAutomationExit`.
 *
 * The screenshot is taken when the suite asks for it (a log line starting with
 * `SCREENSHOT_REQUEST`), while the extension host still runs and its diagnostics are on screen;
 * the suite waits for the file to appear before it finishes. A suite that never asks (one that
 * failed early) still gets a screenshot when it exits, for a person to look at.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

/** The first word of the suite's log line asking for a screenshot (see test/e2e/suite/index.ts). */
const SCREENSHOT_REQUEST = 'cardinal-e2e:screenshot';
/** The suite's closing summary line, `5 passed, 0 failed`. */
const SUMMARY_LINE = /^\d+ passed, \d+ failed$/;

// Without the networking flags chromium keeps trying to reach Google's hosts, which this network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SQUIGGLE_SELECTOR = '.squiggly-error, .squiggly-warning, .squiggly-info';

/**
 * Opens the workbench with the extension under development and its test suite and waits for the
 * suite's exit code.
 * @param {{ origin: string, workspace: string, extensionPath: string, testsPath: string,
 *   chromiumPath: string, profileDir: string, screenshotFile: string, timeoutMs: number,
 *   log: (line: string) => void }} options
 * @returns {Promise<{ exitCode: number, summary?: string }>} the suite's exit code (0 when every
 *   test passed) and its summary line, if it printed one
 */
export async function runSuiteInWorkbench(options) {
  const { chromiumPath, profileDir, screenshotFile, timeoutMs, log } = options;
  await rm(screenshotFile, { force: true });
  await mkdir(path.dirname(screenshotFile), { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let screenshot;
    let summary;
    let reportExit;
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatLogEntry(type, args);
      if (line.startsWith(SCREENSHOT_REQUEST)) {
        screenshot ??= takeScreenshot(page, screenshotFile, log);
        return;
      }
      if (SUMMARY_LINE.test(line)) summary = line;
      log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.goto(workbenchUrl(options));

    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const code = await Promise.race([exitCode, timedOut]);
    clearTimeout(timer);
    await (screenshot ?? takeScreenshot(page, screenshotFile, log));
    if (code === undefined) {
      log(`e2e: the suite did not report an exit code within ${timeoutMs / 1000} s`);
      return { exitCode: 1, summary };
    }
    return { exitCode: code, summary };
  } finally {
    await context.close();
  }
}

/** The workbench URL that carries the development and test parameters (`payload`). */
function workbenchUrl({ origin, workspace, extensionPath, testsPath }) {
  const remote = (file) => `vscode-remote://${new URL(origin).host}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  return `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The workbench forwards `console.*` calls as a format string and its arguments. */
function formatLogEntry(type, args) {
  const text = format(...(Array.isArray(args) ? args : [args]));
  return type === 'log' || type === 'info' ? text : `[${type}] ${text}`;
}

/** A picture for a person: the editor with Cardinal's squiggle and the Problems panel. */
async function takeScreenshot(page, screenshotFile, log) {
  try {
    await page.waitForSelector(SQUIGGLE_SELECTOR, { state: 'attached', timeout: 10_000 });
  } catch {
    log('e2e: no squiggle on screen; taking the screenshot anyway');
  }
  await page.screenshot({ path: screenshotFile });
  log(`e2e: screenshot ${screenshotFile}`);
}
