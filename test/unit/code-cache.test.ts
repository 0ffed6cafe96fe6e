/**
 * The CLI keeps V8's code for TypeScript's compiler in the temporary folder between runs. The cache
 * may only save time: a first run, a cached run and a run over a damaged cache report the same.
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

function scanIncident(temporaryFolder: string) {
  const run = spawnSync(process.execPath, [BIN, 'scan', 'test/fixtures-lsp/incident', '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: temporaryFolder, NODE_COMPILE_CACHE: path.join(temporaryFolder, 'node') },
  });
  assert.equal(run.status, 1, `the incident has findings (stderr: ${run.stderr})`);
  return JSON.parse(run.stdout) as { findings: unknown[] };
}

test('a cold, a cached and a damaged code cache give the same report', () => {
  const temporaryFolder = createTempTree({});
  try {
    const cold = scanIncident(temporaryFolder);
    if (BUILT_IN) {
      // Node 22.1 and later cache compiled code themselves, in NODE_COMPILE_CACHE.
      assert.ok(fs.readdirSync(path.join(temporaryFolder, 'node')).length > 0, 'Node wrote its compile cache');
      assert.deepEqual(scanIncident(temporaryFolder), cold);
      return;
    }
    const caches = fs.readdirSync(temporaryFolder).filter((name) => name.startsWith('cardinal-code-cache-'));
    assert.equal(caches.length, 1, `one cache written: ${caches.join(', ')}`);
    assert.ok(fs.statSync(path.join(temporaryFolder, caches[0])).size > 1_000_000, 'the cache holds compiled code');
    assert.deepEqual(scanIncident(temporaryFolder), cold);
    fs.writeFileSync(path.join(temporaryFolder, caches[0]), 'not a code cache');
    assert.deepEqual(scanIncident(temporaryFolder), cold);
    assert.ok(fs.statSync(path.join(temporaryFolder, caches[0])).size > 1_000_000, 'a rejected cache is written again');
  } finally {
    removeTree(temporaryFolder);
  }
});
