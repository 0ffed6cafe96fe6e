/**
 * Safety: the CLI and the server never run, require or import workspace code, never write to
 * workspace files, and never reach the network. The workspace below is booby-trapped: each way its
 * code could be run leaves a marker file, a tsconfig asks for a language service plugin that would
 * leave one too, and both processes run with the network replaced by a tripwire.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { LspSession } from '../lsp/lsp-session';
import { HEALTHY_FILE } from './bad-inputs';
import { REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const CLI = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');
const TRIPWIRE = path.join(__dirname, 'network-tripwire.js');

/** Code that leaves `marker` behind if anything ever runs it. */
function booby(marker: string): string {
  return `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = {};\n`;
}

function workspaceTree(markers: string): Record<string, string> {
  const mark = (name: string) => path.join(markers, name);
  return {
    'tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true, checkJs: true, plugins: [{ name: 'evil-plugin' }] }, include: ['src'] }),
    'package.json': JSON.stringify({ name: 'trap', main: 'src/main.js', scripts: { postinstall: `node -e "${booby(mark('script')).replace(/"/g, '\\"')}"` } }),
    'cardinal.config.json': JSON.stringify({ sanitizers: ['normalize'], sinks: [{ function: 'record', labels: { route: 0 } }] }),
    'node_modules/evil-plugin/package.json': JSON.stringify({ name: 'evil-plugin', main: 'index.js' }),
    'node_modules/evil-plugin/index.js': booby(mark('plugin')),
    'src/main.js': `${booby(mark('main'))}require('./helper');\n`,
    'src/helper.js': booby(mark('helper')),
    'src/normalize.ts': `export function normalize(value: string): string {\n  require('node:fs').writeFileSync(${JSON.stringify(mark('sanitizer'))}, 'ran');\n  return value;\n}\n`,
    'src/metrics.ts': `${HEALTHY_FILE}import './normalize';\nimport '../node_modules/evil-plugin';\nexport const lazy = () => import('./helper.js');\n`,
  };
}

/** Every file below `root` with a hash of its content, so any write shows. */
function fingerprint(root: string): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    prints[path.relative(root, file)] = `${fs.statSync(file).mtimeMs} ${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
  }
  return prints;
}

test('the CLI and the server run no workspace code, write no workspace file and reach no network', async () => {
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-markers-'));
  const networkLog = path.join(markers, 'network.log');
  const root = createTempTree(workspaceTree(markers));
  const before = fingerprint(root);
  const environment = { ...process.env, NO_COLOR: '1', CARDINAL_NETWORK_LOG: networkLog, NODE_OPTIONS: `--require ${TRIPWIRE}` };
  const savedOptions = { NODE_OPTIONS: process.env.NODE_OPTIONS, CARDINAL_NETWORK_LOG: process.env.CARDINAL_NETWORK_LOG };
  try {
    for (const format of ['text', 'json', 'sarif']) {
      const run = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', format], { cwd: root, env: environment, encoding: 'utf8' });
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
    }

    // The server inherits this process's environment.
    Object.assign(process.env, { NODE_OPTIONS: environment.NODE_OPTIONS, CARDINAL_NETWORK_LOG: networkLog });
    const { session } = await LspSession.start(root, undefined, 'stdio');
    Object.assign(process.env, savedOptions);
    try {
      const uri = await session.open(path.join(root, 'src/metrics.ts'));
      await session.open(path.join(root, 'src/main.js'), undefined, 'javascript');
      const diagnostics = await session.waitForDiagnostics(uri, 'the finding', (found) => found.length > 0);
      await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostics[0].range.start });
      await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix', 'source.fixAll.cardinal'] } });
      await session.connection.sendRequest('cardinal/scanWorkspace', {});
    } finally {
      assert.equal(await session.shutdown(), 0);
    }

    assert.deepEqual(fs.readdirSync(markers), [], 'workspace code ran, or the network was reached (see the files named)');
    assert.deepEqual(fingerprint(root), before, 'a workspace file was written');
  } finally {
    Object.assign(process.env, savedOptions);
    for (const [name, value] of Object.entries(savedOptions)) if (value === undefined) delete process.env[name];
    removeTree(root);
    fs.rmSync(markers, { recursive: true, force: true });
  }
});

test('the tripwire catches a connection attempt, so a clean run means something', () => {
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'cardinal-markers-'));
  const networkLog = path.join(markers, 'network.log');
  try {
    const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1')"], {
      env: { ...process.env, CARDINAL_NETWORK_LOG: networkLog, NODE_OPTIONS: `--require ${TRIPWIRE}` },
      encoding: 'utf8',
    });
    assert.notEqual(run.status, 0);
    assert.match(fs.readFileSync(networkLog, 'utf8'), /connect/);
  } finally {
    fs.rmSync(markers, { recursive: true, force: true });
  }
});
