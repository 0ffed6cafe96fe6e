/**
 * The CLI and the server keep V8's code for TypeScript's compiler between runs, in the user's own
 * cache folder. The cache may only save time: a first run, a cached run and a run over a damaged cache
 * report the same. And it is private: a folder others may write to is not used, and a symlink planted
 * where the cache goes is replaced, never followed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/server-module';
import { createTempTree, removeTree } from '../support/temp-tree';

const BIN = path.join(REPO_ROOT, 'server', 'bin', 'cardinal.js');
const BUILT_IN = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function scanIncident(cacheHome: string) {
  const run = spawnSync(process.execPath, [BIN, 'scan', 'test/fixtures-lsp/incident', '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  assert.equal(run.status, 1, `the incident has findings (stderr: ${run.stderr})`);
  return JSON.parse(run.stdout) as { findings: unknown[] };
}

function cacheFiles(cacheHome: string): string[] {
  const folder = path.join(cacheHome, 'cardinal');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith('code-cache-')) : [];
}

test('a cold, a cached and a damaged code cache give the same report', () => {
  const cacheHome = createTempTree({});
  try {
    const cold = scanIncident(cacheHome);
    const folder = path.join(cacheHome, 'cardinal');
    assert.equal(fs.statSync(folder).mode & 0o077, 0, 'the cache folder is the user\'s alone');
    if (BUILT_IN) {
      // Node 22.1 and later cache compiled code themselves, in the folder they are given.
      assert.ok(fs.readdirSync(path.join(folder, 'node')).length > 0, 'Node wrote its compile cache');
      assert.deepEqual(scanIncident(cacheHome), cold);
      return;
    }
    const caches = cacheFiles(cacheHome);
    assert.equal(caches.length, 1, `one cache written: ${caches.join(', ')}`);
    const cache = path.join(folder, caches[0]);
    assert.ok(fs.statSync(cache).size > 1_000_000, 'the cache holds compiled code');
    assert.equal(fs.statSync(cache).mode & 0o077, 0, 'the cache file is the user\'s alone');
    assert.deepEqual(scanIncident(cacheHome), cold);
    fs.writeFileSync(cache, 'not a code cache');
    assert.deepEqual(scanIncident(cacheHome), cold);
    assert.ok(fs.statSync(cache).size > 1_000_000, 'a rejected cache is written again');
  } finally {
    removeTree(cacheHome);
  }
});

test('the language server keeps the same cache', () => {
  const cacheHome = createTempTree({});
  try {
    // A server whose client goes away at once still loads TypeScript, through the cache.
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'server', 'out', 'server.js'), '--stdio'], { input: '', env: { ...process.env, XDG_CACHE_HOME: cacheHome }, timeout: 30_000 });
    const written = BUILT_IN ? fs.readdirSync(path.join(cacheHome, 'cardinal', 'node')) : cacheFiles(cacheHome);
    assert.ok(written.length > 0, 'the server wrote a code cache');
  } finally {
    removeTree(cacheHome);
  }
});

test('a cache folder others may write to is not used', { skip: process.getuid === undefined }, () => {
  const cacheHome = createTempTree({});
  try {
    fs.mkdirSync(path.join(cacheHome, 'cardinal'), { mode: 0o777 });
    fs.chmodSync(path.join(cacheHome, 'cardinal'), 0o777);
    const report = scanIncident(cacheHome);
    assert.ok(report.findings.length > 0);
    assert.deepEqual(cacheFiles(cacheHome), [], 'nothing read from or written to a shared folder');
  } finally {
    removeTree(cacheHome);
  }
});

test('a symlink planted where the cache goes is not followed', { skip: BUILT_IN }, () => {
  const cacheHome = createTempTree({ 'victim.txt': 'precious\n' });
  try {
    scanIncident(cacheHome);
    const [name] = cacheFiles(cacheHome);
    assert.ok(name);
    const cache = path.join(cacheHome, 'cardinal', name);
    fs.rmSync(cache);
    fs.symlinkSync(path.join(cacheHome, 'victim.txt'), cache);
    scanIncident(cacheHome);
    assert.equal(fs.readFileSync(path.join(cacheHome, 'victim.txt'), 'utf8'), 'precious\n', 'the symlink target is untouched');
    assert.ok(!fs.lstatSync(cache).isSymbolicLink() && fs.statSync(cache).size > 1_000_000, 'the cache replaced the symlink');
  } finally {
    removeTree(cacheHome);
  }
});
