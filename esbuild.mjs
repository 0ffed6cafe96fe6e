/**
 * Bundles what the packaged extension runs, so the .vsix needs no node_modules:
 *   client/src/extension.ts  → dist/client.js    (the extension host loads it; `vscode` stays external)
 *   server/src/server.ts     → dist/server.js    (the language server, TypeScript bundled in)
 *   server/bin/cardinal.js   → dist/cardinal.js  (the CLI's executable with all it requires, a
 *                                                  single file to run in CI; it loads the compiled
 *                                                  CLI, so `tsc -b` comes first)
 *
 * Two things cannot live inside a JavaScript bundle and are copied beside it:
 * - TypeScript's default library files (lib.*.d.ts): a bundled TypeScript looks for them next to
 *   the file it runs from, which is now dist/.
 * - tree-sitter's WebAssembly runtime and Go grammar: the Go parser resolves them as files of the
 *   `@vscode/tree-sitter-wasm` package, so that package stays external and a trimmed copy of it
 *   goes to dist/node_modules/, where Node's resolution finds it from dist/server.js.
 *
 * Usage: `node esbuild.mjs` (readable output with source maps) or `node esbuild.mjs --production`
 * (minified, no source maps: what `npm run package` ships).
 */
import * as esbuild from 'esbuild';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.join(root, 'dist');
const production = process.argv.includes('--production');

/** Packages loaded at run time from disk rather than bundled (see the header comment). */
const treeSitterPackage = '@vscode/tree-sitter-wasm';
const treeSitterFiles = ['package.json', 'LICENSE', 'wasm/tree-sitter.js', 'wasm/tree-sitter.wasm', 'wasm/tree-sitter-go.wasm'];

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [treeSitterPackage] },
  { in: 'server/bin/cardinal.js', out: 'cardinal', external: [treeSitterPackage] },
];

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      ...common,
      entryPoints: [{ in: path.join(root, entry.in), out: entry.out }],
      outdir,
      external: entry.external,
    }),
  ),
);
await Promise.all([copyTypeScriptLibraries(), copyTreeSitter()]);
console.log(`esbuild: dist/ built in ${Date.now() - started} ms${production ? ' (production)' : ''}`);

async function copyTypeScriptLibraries() {
  const libDir = path.join(root, 'node_modules', 'typescript', 'lib');
  const libraries = (await readdir(libDir)).filter((name) => /^lib\.(.*\.)?d\.ts$/.test(name));
  await Promise.all(libraries.map((name) => cp(path.join(libDir, name), path.join(outdir, name))));
}

async function copyTreeSitter() {
  const from = path.join(root, 'node_modules', treeSitterPackage);
  const to = path.join(outdir, 'node_modules', treeSitterPackage);
  await mkdir(path.join(to, 'wasm'), { recursive: true });
  await Promise.all(treeSitterFiles.map((file) => cp(path.join(from, file), path.join(to, file))));
}
