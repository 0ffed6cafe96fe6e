#!/usr/bin/env node
'use strict';
// The compiled CLI; `npm run build` (tsc -b) produces it. The code cache goes first: it loads TypeScript.
require('../out/code-cache.js').enableCodeCache();
const { main } = require('../out/cli/cardinal.js');

main(process.argv.slice(2)).then((code) => {
  // exitCode, not exit(): a report piped to another program must be written out in full first.
  process.exitCode = code;
});
