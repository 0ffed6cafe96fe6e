/**
 * Drives the code-server workbench in headless Debian chromium (playwright-core, never a downloaded
 * browser) and collects what the extension host's test run reports through the two hooks the
 * workbench calls in smoke-test-driver mode: `codeAutomationLog` and `codeAutomationExit`.
 *
 * Screenshots are taken when the suite asks for them (a log line `cardinal-e2e:screenshot <name>`),
 * one per scenario, while the extension host still runs and Cardinal's state is on screen; the suite
 * waits for each file to appear. A suite that never asks for the final `editor` picture (one that
 * failed early) still gets it when it exits, for a person to look at.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

/** The suite's log line asking for a screenshot (see test/e2e/suite/screenshot.ts): a name, and what must show first. */
const SCREENSHOT_REQUEST = /^cardinal-e2e:screenshot ([a-z0-9-]+)(?: (.+))?$/;
/** The picture of the workbench as the run leaves it; the only one that waits for a squiggle. */
const FINAL_SCREENSHOT = 'editor';
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
 *   chromiumPath: string, profileDir: string, artifactsDir: string, timeoutMs: number,
 *   log: (line: string) => void }} options
 * @returns {Promise<{ exitCode: number, summary?: string }>} the suite's exit code (0 when every
 *   test passed) and its summary line, if it printed one
 */
export async function runSuiteInWorkbench(options) {
  const { chromiumPath, profileDir, artifactsDir, timeoutMs, log } = options;
  await rm(artifactsDir, { recursive: true, force: true });
  await mkdir(artifactsDir, { recursive: true });
  const screenshotFile = (name) => path.join(artifactsDir, `${name}.png`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const screenshots = new Map();
    let summary;
    let reportExit;
    const exitCode = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = formatLogEntry(type, args);
      const [, requested, shows] = SCREENSHOT_REQUEST.exec(line) ?? [];
      if (requested !== undefined) {
        const waitFor = requested === FINAL_SCREENSHOT ? SQUIGGLE_SELECTOR : shows;
        if (!screenshots.has(requested)) screenshots.set(requested, takeScreenshot(page, screenshotFile(requested), waitFor, log));
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
    if (!screenshots.has(FINAL_SCREENSHOT)) screenshots.set(FINAL_SCREENSHOT, takeScreenshot(page, screenshotFile(FINAL_SCREENSHOT), SQUIGGLE_SELECTOR, log));
    await Promise.all(screenshots.values());
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

/** A picture for a person: the workbench as a scenario left it, once `waitFor` (a selector, if any) is on screen. */
async function takeScreenshot(page, screenshotFile, waitFor, log) {
  if (waitFor !== undefined) {
    try {
      // Squiggles are drawn as decorations that may sit outside the viewport; anything else must be seen.
      await page.waitForSelector(waitFor, { state: waitFor === SQUIGGLE_SELECTOR ? 'attached' : 'visible', timeout: 10_000 });
    } catch {
      log(`e2e: nothing matches ${waitFor}; taking the screenshot ${path.basename(screenshotFile)} anyway`);
    }
  }
  // Written to a temporary name first: the suite waits for the file, and must not see half of it.
  const partial = `${screenshotFile}.part.png`;
  await page.screenshot({ path: partial });
  await rename(partial, screenshotFile);
  log(`e2e: screenshot ${screenshotFile}`);
}
