/**
 * The Cardinal language server, plus a way for the bench to read its memory from outside: on SIGUSR2
 * it collects garbage (when Node runs with --expose-gc) and writes `process.memoryUsage()` and the peak
 * RSS so far as JSON to the file named by CARDINAL_BENCH_MEMORY_FILE. Bench-only; the product's entry
 * is server/out/server.js.
 */
'use strict';
const { renameSync, writeFileSync } = require('node:fs');

const memoryFile = process.env.CARDINAL_BENCH_MEMORY_FILE;
if (memoryFile) {
  process.on('SIGUSR2', () => {
    if (typeof global.gc === 'function') global.gc();
    // Written aside and renamed, so the bench never reads half a file.
    writeFileSync(`${memoryFile}.part`, JSON.stringify({ ...process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024, at: Date.now() }));
    renameSync(`${memoryFile}.part`, memoryFile);
  });
}
require('../../server/out/server.js');
