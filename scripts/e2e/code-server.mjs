/**
 * Runs code-server for one end-to-end run: on loopback, on a free port, with fresh user data,
 * extensions and XDG folders, in a process group of its own so that stopping it also stops the
 * helpers it forks (file watcher, extension host, language servers).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { node24Env } from './install-tools.mjs';

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

/**
 * Quiet, predictable defaults for a fresh profile: nothing that phones home (this network answers
 * no one) or takes screen space from the editor and the Problems panel.
 */
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
};

/**
 * Starts code-server on `workspace` and resolves once `/healthz` answers.
 * @param {{ codeServer: string, nodeDir: string, workspace: string, stateDir: string,
 *   env?: Record<string, string>, vsixFiles?: string[] }} options `env` is added to the environment
 *   of code-server and so of the extension host it starts; `vsixFiles` are installed first
 * @returns {Promise<{ origin: string, logFile: string, installedExtensions: string[],
 *   stop: () => Promise<void> }>} `installedExtensions`: the folders the .vsix files unpacked to
 */
export async function startCodeServer({ codeServer, nodeDir, workspace, stateDir, env = {}, vsixFiles = [] }) {
  const port = await findFreePort();
  const folders = Object.fromEntries(
    ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache'].map((name) => [name, path.join(stateDir, name)]),
  );
  await Promise.all(Object.values(folders).map((folder) => mkdir(folder, { recursive: true })));
  await mkdir(path.join(folders['user-data'], 'User'));
  await writeFile(path.join(folders['user-data'], 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const profileArgs = ['--user-data-dir', folders['user-data'], '--extensions-dir', folders.extensions];
  const processEnv = {
    ...node24Env(nodeDir),
    XDG_CONFIG_HOME: folders['xdg-config'],
    XDG_DATA_HOME: folders['xdg-data'],
    XDG_CACHE_HOME: folders['xdg-cache'],
    ...env,
  };
  for (const vsix of vsixFiles) {
    const install = spawnSync(codeServer, [...profileArgs, '--install-extension', vsix], { env: processEnv, encoding: 'utf8' });
    if (install.status !== 0) {
      throw new Error(`code-server could not install ${vsix}:\n${install.stdout}${install.stderr}`);
    }
  }
  const installedExtensions = (await readdir(folders.extensions, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folders.extensions, entry.name));
  const logFile = path.join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    ...profileArgs,
    // Lets the web workbench take the extension under test and the suite from the page's URL.
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  // `detached` makes the child call setsid(): a new session and process group led by code-server.
  const child = spawn(codeServer, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: processEnv,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));

  const origin = `http://${HOST}:${port}`;
  const stop = () => stopProcessGroup(child.pid, exited);
  try {
    await waitForHealth(origin, exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, logFile, installedExtensions, stop };
}

/** The last lines of code-server's log, for failure messages. */
export function logTail(logFile, lines = 30) {
  return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}

async function waitForHealth(origin, exited, logFile) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let exitStatus;
  exited.then((status) => (exitStatus = status));
  while (Date.now() < deadline) {
    if (exitStatus !== undefined) {
      throw new Error(`code-server exited (${exitStatus}) before it was healthy:\n${logTail(logFile)}`);
    }
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${logTail(logFile)}`);
}

/** SIGTERM to the whole group, SIGKILL to whatever is left after a grace period. */
async function stopProcessGroup(pid, exited) {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const graceOver = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
  await Promise.race([exited, graceOver]);
  // The leader may be gone while helpers it forked still run: the group outlives its leader.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}

function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
